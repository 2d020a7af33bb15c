"""The checks of single files and records: ids, references, reasons, and the kinds they use."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from types import MappingProxyType

from generator.input import schemas
from generator.input.loading import Document
from generator.input.quotes import Quotes, find_evidence
from generator.input.raw import ADDED, Raw, a_or_an, as_dict
from generator.model.articles import Article
from generator.model.kinds import ACTORS, KINDS, SOURCES
from generator.model.records import (
    REFERENCE_FIELDS,
    Record,
    Role,
    Step,
    evidence_items,
    references,
)
from generator.problems import Location, Problem, did_you_mean

ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_ID = 80  # characters: as the schemas' id; a page's file name stays far below 255 bytes
RESERVED = {"index"}  # ids the generator's own pages take in each section's folder
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
# What evidence names besides its record's fields: the article quoted, and who translated it
EVIDENCE_REFERENCES = {"evidence": SOURCES, "translated_by": ACTORS}


def check_article(article: Article) -> list[Problem]:
    problems = []
    if len(article.id) > MAX_ID:
        problems.append(
            Problem(
                Location(article.meta.path),
                f"the article's id (its file name) is {len(article.id)} characters long",
                f"name the file with an id of at most {MAX_ID} characters",
            )
        )
    elif not ID.match(article.id):
        problems.append(
            Problem(
                Location(article.meta.path),
                f"'{article.id}' is not a valid id",
                "name the file <id>.txt, the id in lowercase letters, digits and hyphens",
            )
        )
    expected = as_dict(as_dict(article.meta.data).get("received")).get("sha256")
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


def check_ids(raw: list[Raw], problems: list[Problem]) -> dict[str, str]:
    """The section of every id; an id used twice is reported once, and maps to '' (unknown)."""
    first: dict[str, Raw] = {}
    duplicated: set[str] = set()
    for record in raw:
        record_id = record.data["id"]
        if record_id in RESERVED:
            problems.append(
                Problem(
                    record.locate("id"),
                    f"the id '{record_id}' is reserved for the generator's own page of each kind",
                    f"choose another id, such as '{record_id}-1' or a descriptive one",
                )
            )
        if record_id in first:
            earlier = first[record_id]
            duplicated.add(record_id)
            problems.append(
                Problem(
                    record.locate("id"),
                    f"duplicate id '{record_id}' (already used by {a_or_an(earlier.section[:-1])} "
                    f"at {earlier.locate('id')})",
                    "ids must be unique across all records; rename one",
                )
            )
        else:
            first[record_id] = record
    return {i: "" if i in duplicated else r.section for i, r in first.items()}


def impossible_dates(raw: Raw) -> list[Problem]:
    """A problem for each YYYY-MM-DD value in the record that no calendar has (2019-02-30)."""
    problems = []
    for at, value in _strings(raw.data, ()):
        day = _DAY.match(value)
        if not day:
            continue
        try:
            date(*map(int, day.groups()))
        except ValueError as error:
            message = f"'{value}' is not a date: {error}"
            problems.append(Problem(raw.locate(*at), message, "check the day and the month"))
    return problems


def backwards_period(raw: Raw) -> list[Problem]:
    """A period whose end comes before its start, compared to the precision both give (from
    2019-05 to 2019 is 2019; to 2019-04 is before it)."""
    period = as_dict(raw.data.get("period"))
    start, end = period.get("from"), period.get("to")
    if not isinstance(start, str) or not isinstance(end, str):
        return []
    shared = min(len(start), len(end))
    if end[:shared] >= start[:shared]:
        return []
    message = f"the period ends ({end}) before it starts ({start})"
    return [Problem(raw.locate("period", "to"), message, "swap from and to, or correct one")]


def _strings(value: object, at: tuple) -> list[tuple[tuple, str]]:
    if isinstance(value, str):
        return [(at, value)]
    if isinstance(value, dict):
        return [found for key, item in value.items() for found in _strings(item, (*at, key))]
    if isinstance(value, list):
        return [found for index, item in enumerate(value) for found in _strings(item, (*at, index))]
    return []


def unevidenced_actors(raw: list[Raw], extended: set[str]) -> list[Problem]:
    """An actor needs words of an article that name it (its own, or ``extended`` from another
    file), unless an article's provenance vouches for it as its author or publisher."""
    vouched = extended | {
        record.data.get(name)
        for record in raw
        if record.section == SOURCES
        for name in as_dict(record.data.get("provenance"))
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
        if record.section == ACTORS
        and "evidence" not in record.data
        and record.data["id"] not in vouched
    ]


def unknown_id(
    location: Location, target: str, name: str, candidates: list[str], drafted: Mapping[str, str]
) -> Problem:
    """An id no published record has; one that a draft defines is said to be there."""
    message = f"unknown id '{target}' in {name}"
    if target in drafted and name != "evidence":  # a draft holds records, never an article
        path = drafted[target]
        return Problem(
            location,
            f"{message}: it is defined only in {path}, a draft, which is not read",
            f"remove the 'draft: true' line of {path} once reviewed",
        )
    hint = did_you_mean(target, candidates) or f"add a record with id '{target}' first"
    return Problem(location, message, hint)


def check_record(
    raw: Raw,
    sections: dict[str, str],
    quotes: Quotes,
    problems: list[Problem],
    drafted: Mapping[str, str] = MappingProxyType({}),
) -> Record:
    """The record built from ``raw``, its problems added to ``problems``; ``drafted`` gives the
    file of each id that only a draft defines, for the messages about it."""
    own = raw.data["id"].split("_")[0]  # an addition's is '<id>_more<n>' (input.growing)
    for name, target, at in references(raw.section, raw.data):
        wanted = EVIDENCE_REFERENCES.get(name) or REFERENCE_FIELDS[raw.section][name]
        allowed = (wanted,) if isinstance(wanted, str) else wanted  # None: any kind
        if target == own:  # a claim supporting itself: a loop on its own page
            message = f"the record names its own id '{target}' in {name}"
            hint = f"name another record in {name}, or remove it"
            problems.append(Problem(raw.locate(*at), message, hint))
        elif target not in sections:
            if name == "evidence":  # only a seed article can be quoted: suggest no other source
                candidates = list(quotes.articles)
            else:
                candidates = [i for i, s in sections.items() if allowed is None or s in allowed]
            problems.append(unknown_id(raw.locate(*at), target, name, candidates, drafted))
        elif allowed and sections[target] not in ("", *allowed):
            names = [a_or_an(KINDS[kind].name) for kind in allowed]
            choice = " or ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)
            problems.append(
                Problem(
                    raw.locate(*at),
                    f"'{target}' is {a_or_an(KINDS[sections[target]].name)}, "
                    f"but {name} must name {choice}",
                )
            )
    for reasons in ("inferred", "provenance"):
        for name in as_dict(raw.data.get(reasons)):
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
        at: find_evidence(item, raw, at, sections, quotes, problems)
        for at, item in evidence_items(raw.data, raw.section)
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
        Step(
            event.get("event", ""),
            found[("events", i, "evidence")],
            event.get("date", ""),
            event.get("inferred", {}).get("date", ""),
        )
        for i, event in enumerate(raw.data.get("events", []))
        if ("events", i, "evidence") in found
    )
    return Record(raw.section, raw.data["id"], evidence, raw.data, roles, events, raw.locate())


def unregistered(document: Document) -> list[Problem]:
    """Records of a kind the schema defines but the registry does not: never skipped silently."""
    known = schemas.schema(schemas.ANNOTATIONS)["properties"]
    return [
        Problem(
            document.locate((key,), key=True),
            f"'{key}' has a schema definition but no module in the registry of kinds",
            "add generator/kinds/<its name>.py holding its Kind (see the README: adding a "
            "record kind)",
        )
        for key in as_dict(document.data)
        if key in known and key not in KINDS and key not in ("draft", ADDED)
    ]


_NUMBERS = [
    "no",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
]
# Words that may stand between a count and "articles" ("two made-up news articles"), but not
# those that make it a part of them ("one of the articles") or another count ("one or two")
_BETWEEN = r"(?:(?!(?:of|the|these|those|its|their|our|other|or|and|to|in|from|{})\b)[a-z-]+\s+)"
# "two news articles", "3 articles", "a single article": how prose counts what it rests on
_COUNTED = re.compile(
    rf"\b(\d+|{'|'.join(_NUMBERS)}|a single)\s+{_BETWEEN.format('|'.join(_NUMBERS))}{{0,2}}"
    r"articles?\b",
    re.IGNORECASE,
)


def miscounted_articles(overview: Document, articles: int) -> list[Problem]:
    """The analyst's prose in briefing.yaml checked against the records where a machine can:
    a count of the articles it rests on must be the number held (adding an article must not
    leave the topic saying "two")."""
    problems = []
    for field in ("title", "topic", "description", "about"):
        text = as_dict(overview.data).get(field)
        for found in _COUNTED.finditer(text if isinstance(text, str) else ""):
            word = found.group(1).lower()
            said = (
                int(word) if word.isdigit() else 1 if word == "a single" else _NUMBERS.index(word)
            )
            if said != articles:
                problems.append(
                    Problem(
                        overview.locate((field,)),
                        f"the {field} says {found.group()!r}, but the briefing holds "
                        f"{articles} article{'s' if articles != 1 else ''}",
                        "correct the count, or leave it out: the home page and the about page "
                        "give the number of articles from the records",
                    )
                )
    return problems
