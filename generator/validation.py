"""Read the whole corpus, check it, and build the model; report every problem at once.

Order matters only for what can be checked: a record that fails its schema is left out of the
later checks (its fields cannot be trusted), but its id still counts, so one typo does not
cascade into a screen of unknown-id errors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import schemas
from .evidence import Match, SearchableText
from .loading import Article, Document, load_article, load_yaml
from .model import (
    REFERENCE_FIELDS,
    SECTIONS,
    Briefing,
    Evidence,
    Record,
    Role,
    build_briefing,
    references,
)
from .model import Article as ArticleText
from .problems import BriefingError, Location, Problem, did_you_mean

ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Input:
    """Where a project keeps its input, relative to its root."""

    root: Path

    @property
    def articles(self) -> list[Path]:
        return sorted((self.root / "seeds" / "articles").glob("*.txt"))

    @property
    def annotations(self) -> list[Path]:
        return sorted((self.root / "seeds" / "annotations").rglob("*.yaml"))

    @property
    def overview(self) -> Path:
        return self.root / "seeds" / "briefing.yaml"


@dataclass(frozen=True)
class _Raw:
    section: str  # the plural the pages live under: actors, claims, ...
    data: dict[str, Any]
    document: Document
    at: tuple

    def locate(self, *inner: str | int, key: bool = False):
        return self.document.locate((*self.at, *inner), key=key)


def load_briefing(root: Path) -> Briefing:
    """Everything under ``seeds/`` as a checked model, or BriefingError with every problem."""
    source = Input(root)
    problems: list[Problem] = []

    def attempt(load, path: Path):
        try:
            return load(path, root)
        except BriefingError as error:
            problems.extend(error.problems)
            return None

    articles = [a for a in (attempt(load_article, p) for p in source.articles) if a]
    documents = [d for d in (attempt(load_yaml, p) for p in source.annotations) if d]
    overview = attempt(load_yaml, source.overview) if source.overview.exists() else None
    if overview is None and not source.overview.exists():
        problems.append(
            Problem(
                Location("seeds/briefing.yaml"),
                "file is missing",
                "create it with the briefing's title and topic",
            )
        )
    if not source.articles:
        problems.append(
            Problem(
                Location("seeds/articles"),
                "no articles found",
                "add the source articles as seeds/articles/<id>.txt",
            )
        )

    raw: list[_Raw] = []
    trusted: list[_Raw] = []
    for article in articles:
        found = schemas.check(article.meta, schemas.ARTICLE)
        problems.extend(p for ps in found.values() for p in ps)
        problems.extend(_check_article(article))
        record = _Raw(
            "sources", {**_as_dict(article.meta.data), "id": article.id}, article.meta, ()
        )
        raw.append(record)
        if not found:
            trusted.append(record)
    for document in documents:
        found = schemas.check(document, schemas.ANNOTATIONS)
        problems.extend(p for ps in found.values() for p in ps)
        bad = {at[:2] for at in found}
        for section in SECTIONS:
            items = document.data.get(section, []) if isinstance(document.data, dict) else []
            for index, data in enumerate(items if isinstance(items, list) else []):
                record = _Raw(section, data, document, (section, index))
                if isinstance(data, dict) and isinstance(data.get("id"), str):
                    raw.append(record)
                    if (section, index) not in bad:
                        trusted.append(record)
    if overview is not None:
        problems.extend(p for ps in schemas.check(overview, schemas.BRIEFING).values() for p in ps)

    sections = _check_ids(raw, problems)
    texts = {article.id: SearchableText(article.text) for article in articles}
    records = [_check_record(r, sections, texts, problems) for r in trusted]
    if problems:
        raise BriefingError(problems)
    texts_of = [ArticleText(a.id, tuple(texts[a.id].paragraphs()), a.sha256) for a in articles]
    data = overview.data
    return build_briefing(data["title"], data["topic"], records, texts_of)


def _as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


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
    first: dict[str, _Raw] = {}
    for record in raw:
        record_id = record.data["id"]
        if record_id in first:
            earlier = first[record_id].locate("id")
            problems.append(
                Problem(
                    record.locate("id"),
                    f"duplicate id '{record_id}' (already used by a {first[record_id].section[:-1]} "
                    f"at {earlier})",
                    "ids must be unique across all records; rename one",
                )
            )
            continue
        first[record_id] = record
    return {record_id: record.section for record_id, record in first.items()}


def _check_record(
    raw: _Raw, sections: dict[str, str], texts: dict[str, SearchableText], problems: list[Problem]
) -> Record:
    for name, target, at in references(raw.section, raw.data):
        wanted = REFERENCE_FIELDS.get(raw.section, {}).get(name)
        if name == "evidence":
            wanted = "sources"
        if target not in sections:
            candidates = [i for i, k in sections.items() if wanted in (None, k)]
            hint = did_you_mean(target, candidates) or f"add a record with id '{target}' first"
            problems.append(Problem(raw.locate(*at), f"unknown id '{target}' in {name}", hint))
        elif wanted and sections[target] != wanted:
            problems.append(
                Problem(
                    raw.locate(*at),
                    f"'{target}' is a {sections[target][:-1]}, but {name} must name a {wanted[:-1]}",
                )
            )
    for name in raw.data.get("inferred", {}):
        if name not in raw.data:
            problems.append(
                Problem(
                    raw.locate("inferred", name, key=True),
                    f"inferred names the field '{name}', which this record does not have",
                    did_you_mean(name, raw.data) or "give the field a value, or drop its reason",
                )
            )
    evidence = tuple(
        _evidence(item, raw, ("evidence", i), sections, texts, problems)
        for i, item in enumerate(raw.data.get("evidence", []))
    )
    roles = tuple(
        Role(
            role["title"],
            _evidence(role["evidence"], raw, ("roles", i, "evidence"), sections, texts, problems),
            role.get("of", ""),
            role.get("date", ""),
        )
        for i, role in enumerate(raw.data.get("roles", []))
    )
    return Record(raw.section, raw.data["id"], evidence, raw.data, roles)


def _evidence(
    item: dict[str, str],
    raw: _Raw,
    at: tuple,
    sections: dict[str, str],
    texts: dict[str, SearchableText],
    problems: list[Problem],
) -> Evidence:
    text = texts.get(item["source"])
    if text is None:
        if sections.get(item["source"]) == "sources":  # other cases are unknown ids, told already
            problems.append(
                Problem(
                    raw.locate(*at, "source"),
                    f"evidence must come from a seed article, and '{item['source']}' is not one",
                    "quote the words of the article that reports it; list the cited document in via",
                )
            )
        return Evidence(item["source"], item["quote"], 0)
    found = text.find(item["quote"])
    if isinstance(found, Match):
        return Evidence(item["source"], item["quote"], found.paragraph)
    if found.matched:
        hint = (
            f'the article matches up to "{found.matched[-40:]}", then has "{found.expected}"'
            if found.expected
            else "the quote runs past the text"
        )
    else:
        hint = "not even its first word occurs in the article; check the source id"
    problems.append(
        Problem(
            raw.locate(*at, "quote"),
            f"quote not found in source '{item['source']}'",
            hint,
        )
    )
    return Evidence(item["source"], item["quote"], 0)
