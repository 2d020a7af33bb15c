"""Read the whole corpus, check it, and build the model; report every problem at once.

Order matters only for what can be checked: a record that fails its schema is left out of the
later checks (its fields cannot be trusted), but its id still counts, so one typo does not
cascade into a screen of unknown-id errors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import Any, NamedTuple

from generator.incremental.cache import Cache
from generator.incremental.tracing import digest
from generator.input import schemas, site_config
from generator.input.evidence import Match, Miss, SearchableText, fold
from generator.input.loading import Article, Document, load_article, load_yaml
from generator.kinds import KINDS
from generator.model.records import (
    REFERENCE_FIELDS,
    SECTIONS,
    Briefing,
    Event,
    Evidence,
    Record,
    Role,
    build_briefing,
    evidence_items,
    references,
)
from generator.problems import InputError, Location, Problem, did_you_mean

ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ADDED = "more_evidence"  # the key of an annotation file that adds evidence to other records


def _parts(path: Path) -> tuple[str, ...]:
    return path.parts  # the order of Path's own comparison, without its cost per comparison


@dataclass(frozen=True)
class Input:
    """Where a project keeps its input, relative to its root."""

    root: Path

    @property
    def articles(self) -> list[Path]:
        return sorted((self.root / "seeds" / "articles").glob("*.txt"), key=_parts)

    @property
    def annotations(self) -> list[Path]:
        return sorted((self.root / "seeds" / "annotations").rglob("*.yaml"), key=_parts)

    @property
    def overview(self) -> Path:
        return self.root / "seeds" / "briefing.yaml"


class _Raw(NamedTuple):  # not a dataclass: one per record in every run, and tuples build fast
    section: str  # the plural the pages live under: actors, claims, ...
    data: dict[str, Any]
    document: Document
    at: tuple

    def locate(self, *inner: str | int, key: bool = False):
        return self.document.locate((*self.at, *inner), key=key)


def load_briefing(root: Path, cache: Cache | None = None) -> Briefing:
    """Everything under ``seeds/`` as a checked model, or InputError with every problem.

    With a ``cache``, the documents, records and quotes it knows are taken from it, and it is
    left holding what this run used and found, so it does not outgrow the input."""
    problems: list[Problem] = []
    known = cache.documents if cache else {}
    articles, documents, overview = _read(Input(root), known, problems)
    drafts = tuple(d.path for d in documents if _as_dict(d.data).get("draft") is True)
    documents = [d for d in documents if d.path not in drafts]
    checked: dict[tuple[str, str], Any] = {}
    raw = _check_schemas(articles, documents, overview, checked, problems)
    if overview and overview.key in checked:
        problems.extend(site_config.mismatches(root, overview.data))
    sections = _check_ids(raw, problems)
    additions = [
        _Raw(ADDED, data, document, (ADDED, index))
        for document in documents
        for index, data in enumerate(_as_list(_as_dict(document.data).get(ADDED)))
        if isinstance(data, dict) and isinstance(data.get("record"), str)
    ]
    problems.extend(_unevidenced_actors(raw, {a.data["record"] for a in additions}))
    quotes = _Quotes(articles, cache.quotes if cache else {})
    # A record found in a document its run checked, among the same ids and article texts, would
    # be checked and built the same way again: it is taken as it was.
    world = digest((sections, [(article.id, article.sha256) for article in articles]))
    earlier = cache.records if cache and cache.world == world else {}
    by_document: dict[tuple[str, str], list[Record]] = {}
    for key, found in groupby(raw, key=lambda record: record.document.key):
        if key in earlier:
            by_document[key] = list(map(Record.restore, earlier[key]))
        else:
            by_document[key] = [_check_record(r, sections, quotes, problems) for r in found]
    records = [record for found in by_document.values() for record in found]
    records = _with_more_evidence(records, additions, sections, quotes, problems)
    if problems:
        raise InputError(problems)
    if cache:
        # Records taken as checked found no quotes: the places in unchanged articles are kept
        # (those of quotes since edited away too, until a run checks every record again).
        shas = {article.sha256 for article in articles}
        kept = {key: at for key, at in quotes.known.items() if key[0] in shas} if earlier else {}
        cache.documents, cache.quotes = checked, kept | quotes.used
        cache.world, cache.records = world, by_document
    own = overview.data
    return build_briefing(
        own["title"],
        own["topic"],
        records,
        articles,
        drafts,
        description=own.get("description", ""),
        about=own.get("about", ""),
    )


class _Quotes:
    """Finds quotes in the articles, and remembers each place found by the article's SHA-256."""

    def __init__(self, articles: list[Article], known: dict[tuple[str, str, int], tuple]):
        self.articles = {article.id: article for article in articles}
        self.known, self.used = known, {}
        self._texts: dict[str, SearchableText] = {}

    def text(self, source: str) -> SearchableText:
        if source not in self._texts:
            self._texts[source] = SearchableText(self.articles[source].text)
        return self._texts[source]

    def find(self, source: str, quote: str, occurrence: int) -> Match | Miss:
        key = (self.articles[source].sha256, quote, occurrence)
        if key in self.known:
            found = self.used[key] = self.known[key]
            return Match(*found)
        found = self.text(source).find(quote, occurrence)
        if isinstance(found, Match):
            self.used[key] = (found.start, found.end, found.paragraph, found.occurrences)
        return found


def _read(
    source: Input, known: dict[tuple[str, str], Any], problems: list[Problem]
) -> tuple[list[Article], list[Document], Document | None]:
    def attempt(load, path: Path):
        try:
            return load(path, source.root, known)
        except InputError as error:
            problems.extend(error.problems)
            return None

    paths = source.articles
    articles = [a for a in (attempt(load_article, p) for p in paths) if a]
    documents = [d for d in (attempt(load_yaml, p) for p in source.annotations) if d]
    overview = None
    if source.overview.exists():
        overview = attempt(load_yaml, source.overview)
    else:
        problems.append(
            Problem(
                Location("seeds/briefing.yaml"),
                "file is missing",
                "create it with the briefing's title and topic",
            )
        )
    return articles, documents, overview


def _check_schemas(
    articles: list[Article],
    documents: list[Document],
    overview: Document | None,
    checked: dict[tuple[str, str], Any],
    problems: list[Problem],
) -> list[_Raw]:
    """Schema problems of every file, and the records found in them (even malformed ones).

    Each document that meets its schema (now, or in the run that cached it) goes into
    ``checked``, by its key."""
    checks = [(a.meta, schemas.ARTICLE) for a in articles]
    checks += [(d, schemas.ANNOTATIONS) for d in documents]
    checks += [(overview, schemas.BRIEFING)] if overview else []
    for document, schema in checks:
        found = {} if document.checked else schemas.check(document, schema)
        problems.extend(p for listed in found.values() for p in listed)
        if not found:
            checked[document.key] = document.data
    raw = []
    for article in articles:
        problems.extend(_check_article(article))
        data = {**_as_dict(article.meta.data), "id": article.id}
        raw.append(_Raw("sources", data, article.meta, ()))
    for document in documents:
        problems.extend(_unregistered(document))
        for section in SECTIONS:
            items = _as_dict(document.data).get(section)
            for index, data in enumerate(items if isinstance(items, list) else []):
                if isinstance(data, dict) and isinstance(data.get("id"), str):
                    raw.append(_Raw(section, data, document, (section, index)))
    return raw


def _unregistered(document: Document) -> list[Problem]:
    """Records of a kind the schema defines but the registry does not: never skipped silently."""
    known = schemas.schema(schemas.ANNOTATIONS)["properties"]
    return [
        Problem(
            document.locate((key,), key=True),
            f"'{key}' has a schema definition but no entry in the registry of kinds",
            "add its entry to KINDS in generator/kinds.py (see the README: adding a record kind)",
        )
        for key in _as_dict(document.data)
        if key in known and key not in KINDS and key not in ("draft", ADDED)
    ]


def _as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _with_more_evidence(
    records: list[Record],
    additions: list[_Raw],
    sections: dict[str, str],
    quotes: _Quotes,
    problems: list[Problem],
) -> list[Record]:
    """The records, with the evidence that files of later articles add to them (``more_evidence``).

    Checked in every run (each addition is a few quotes), so that the cache's records stay
    each file's own."""
    by_id = {record.id: record for record in records}
    added: dict[str, int] = {}
    for raw in additions:
        target = raw.data["record"]
        if target not in sections:
            hint = did_you_mean(target, sections) or f"add a record with id '{target}' first"
            problems.append(Problem(raw.locate("record"), f"unknown id '{target}' in record", hint))
            continue
        kind = KINDS.get(sections[target])  # none for a duplicated id, told already
        if kind and not kind.evidenced:
            message = f"'{target}' is {_a(kind.name)}, which takes no evidence"
            hint = "add the evidence to the claims the question lists"
            problems.append(Problem(raw.locate("record"), message, hint))
            continue
        if target not in by_id:  # a duplicate id, or a record that failed its schema: told already
            continue
        added[target] = added.get(target, 0) + 1
        # '_' cannot occur in an id: these anchors never clash with the record's own
        named = raw._replace(data={**raw.data, "id": f"{target}_more{added[target]}"})
        items = [
            (i, item)
            for i, item in enumerate(_as_list(raw.data.get("evidence")))
            if isinstance(item, dict)
        ]
        found = tuple(
            _evidence(item, named, ("evidence", i), sections, quotes, problems) for i, item in items
        )
        record = by_id[target]
        fields = {
            **record.fields,
            "evidence": [*record.fields.get("evidence", []), *(item for _, item in items)],
        }
        by_id[target] = Record(
            record.section,
            record.id,
            record.evidence + found,
            fields,
            record.roles,
            record.events,
            record.location,
        )
    return list(by_id.values())


def _a(word: str) -> str:
    return ("an " if word[:1] in "aeiou" else "a ") + word


def _check_article(article: Article) -> list[Problem]:
    problems = []
    if not ID.match(article.id):
        problems.append(
            Problem(
                Location(article.meta.path),
                f"'{article.id}' is not a valid id",
                "name the file <id>.txt, the id in lowercase letters, digits and hyphens",
            )
        )
    expected = _as_dict(_as_dict(article.meta.data).get("received")).get("sha256")
    if isinstance(expected, str) and expected != article.sha256:
        problems.append(
            Problem(
                article.meta.locate(("received", "sha256")),
                "the article's text is not what was received (its SHA-256 differs)",
                "restore the text exactly as received; the text below the front matter "
                "must never be edited",
            )
        )
    return problems


def _check_ids(raw: list[_Raw], problems: list[Problem]) -> dict[str, str]:
    """The section of every id; an id used twice is reported once, and maps to '' (unknown)."""
    first: dict[str, _Raw] = {}
    duplicated: set[str] = set()
    for record in raw:
        record_id = record.data["id"]
        if record_id in first:
            earlier = first[record_id]
            duplicated.add(record_id)
            problems.append(
                Problem(
                    record.locate("id"),
                    f"duplicate id '{record_id}' (already used by {_a(earlier.section[:-1])} "
                    f"at {earlier.locate('id')})",
                    "ids must be unique across all records; rename one",
                )
            )
        else:
            first[record_id] = record
    return {i: "" if i in duplicated else r.section for i, r in first.items()}


def _unevidenced_actors(raw: list[_Raw], extended: set[str]) -> list[Problem]:
    """An actor needs words of an article that name it (its own, or ``extended`` from another
    file), unless an article's provenance vouches for it as its author or publisher."""
    vouched = extended | {
        record.data.get(name)
        for record in raw
        if record.section == "sources"
        for name in _as_dict(record.data.get("provenance"))
        if name in ("author", "publisher")
    }
    return [
        Problem(
            record.locate("id"),
            f"actor '{record.data['id']}' has no evidence",
            "quote the words of an article that name it, under evidence; or, if it is known only "
            "as an article's publisher or author, say how under that article's provenance",
        )
        for record in raw
        if record.section == "actors"
        and "evidence" not in record.data
        and record.data["id"] not in vouched
    ]


def _check_record(
    raw: _Raw, sections: dict[str, str], quotes: _Quotes, problems: list[Problem]
) -> Record:
    for name, target, at in references(raw.section, raw.data):
        wanted = "sources" if name == "evidence" else REFERENCE_FIELDS[raw.section][name]
        if target not in sections:
            candidates = [i for i, s in sections.items() if wanted in (None, s)]
            hint = did_you_mean(target, candidates) or f"add a record with id '{target}' first"
            problems.append(Problem(raw.locate(*at), f"unknown id '{target}' in {name}", hint))
        elif wanted and sections[target] not in ("", wanted):
            problems.append(
                Problem(
                    raw.locate(*at),
                    f"'{target}' is {_a(KINDS[sections[target]].name)}, "
                    f"but {name} must name {_a(KINDS[wanted].name)}",
                )
            )
    for reasons in ("inferred", "provenance"):
        for name in _as_dict(raw.data.get(reasons)):
            if name not in raw.data:
                problems.append(
                    Problem(
                        raw.locate(reasons, name, key=True),
                        f"{reasons} names the field '{name}', which this record does not have",
                        did_you_mean(name, raw.data)
                        or "give the field a value, or drop its reason",
                    )
                )
    found = {
        at: _evidence(item, raw, at, sections, quotes, problems)
        for at, item in evidence_items(raw.data)
    }
    evidence = tuple(e for at, e in found.items() if at[0] == "evidence")
    roles = tuple(
        Role(
            role.get("title", ""),
            found[("roles", i, "evidence")],
            role.get("of", ""),
            role.get("date", ""),
        )
        for i, role in enumerate(raw.data.get("roles", []))
        if ("roles", i, "evidence") in found
    )
    events = tuple(
        Event(event.get("event", ""), found[("events", i, "evidence")], event.get("date", ""))
        for i, event in enumerate(raw.data.get("events", []))
        if ("events", i, "evidence") in found
    )
    return Record(raw.section, raw.data["id"], evidence, raw.data, roles, events, raw.locate())


def _anchor(raw: _Raw, at: tuple) -> str:
    """The passage's id on its source page; '_' cannot occur in ids, so these never clash."""
    part = {"roles": "role", "events": "event"}.get(at[0], "")
    return f"e_{raw.data['id']}_{part}{at[1] + 1}"


def _ambiguous(
    raw: _Raw, at: tuple, text: SearchableText, quote: str, source: str, count: int, wanted: Any
) -> Problem:
    found_in = [text.paragraph_of(text.origin(p)) for p in text.places(fold(quote))]
    where = ", ".join(str(p) for p in found_in)
    if wanted is None:
        message = f"quote occurs {count} times in source '{source}' (paragraphs {where})"
        hint = f"add 'occurrence: N' (1 to {count}) beside the quote to say which one is meant"
        return Problem(raw.locate(*at, "quote"), message, hint)
    message = f"occurrence {wanted} asked for, but the quote occurs only {count} time(s)"
    return Problem(raw.locate(*at, "occurrence"), message, f"use a number from 1 to {count}")


def _evidence(
    item: dict[str, Any],
    raw: _Raw,
    at: tuple,
    sections: dict[str, str],
    quotes: _Quotes,
    problems: list[Problem],
) -> Evidence:
    source, quote = item.get("source"), item.get("quote")
    if not isinstance(source, str) or not isinstance(quote, str):
        return Evidence("", "")  # its schema problem is reported already
    if source not in quotes.articles:
        if sections.get(source) == "sources":  # other cases are unknown ids, told already
            problems.append(
                Problem(
                    raw.locate(*at, "source"),
                    f"evidence must come from a seed article, and '{source}' is not one",
                    "quote the words of the article that reports it; list the cited document in via",
                )
            )
        return Evidence(source, quote)
    occurrence = item.get("occurrence")
    found = quotes.find(source, quote, occurrence if isinstance(occurrence, int) else 1)
    if isinstance(found, Match):
        if found.occurrences > 1 and occurrence is None or (occurrence or 1) > found.occurrences:
            text = quotes.text(source)
            problems.append(_ambiguous(raw, at, text, quote, source, found.occurrences, occurrence))
        return Evidence(source, quote, found.paragraph, found.start, found.end, _anchor(raw, at))
    if not found.matched:
        hint = "not even its first word occurs in the article; check the source id"
    elif found.expected:
        hint = f'the article matches up to "{found.matched[-40:]}", then has "{found.expected}"'
    else:
        hint = "the quote runs past the end of the article"
    problems.append(
        Problem(raw.locate(*at, "quote"), f"quote not found in source '{source}'", hint)
    )
    return Evidence(source, quote)
