"""Evidence checked against the articles: each quote found where it stands, or a located miss.

``Quotes`` remembers each place found by the article's SHA-256, so that a later run given those
places need not search again.
"""

from __future__ import annotations

from typing import Any
from unicodedata import combining, normalize

from generator.input.evidence import Match, Miss, SearchableText, fold
from generator.input.loading import Article
from generator.input.raw import Raw, a_or_an, as_list
from generator.kinds import KINDS
from generator.model.records import Evidence, Record
from generator.problems import Problem, did_you_mean, visible


class Quotes:
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


def find_evidence(
    item: dict[str, Any],
    raw: Raw,
    at: tuple,
    sections: dict[str, str],
    quotes: Quotes,
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
    if isinstance(occurrence, float):  # the schema's integer takes 2.0: a reader sees a fraction
        message = f"occurrence {occurrence} is not a whole number"
        problems.append(Problem(raw.locate(*at, "occurrence"), message, f"write {int(occurrence)}"))
        return Evidence(source, quote)
    found = quotes.find(source, quote, occurrence if isinstance(occurrence, int) else 1)
    if isinstance(found, Match):
        if found.occurrences > 1 and occurrence is None or (occurrence or 1) > found.occurrences:
            text = quotes.text(source)
            problems.append(_ambiguous(raw, at, text, quote, source, found.occurrences, occurrence))
        return Evidence(source, quote, found.paragraph, found.start, found.end, _anchor(raw, at))
    if not found.matched:
        hint = "not even its first word occurs in the article; check the source id"
    elif found.expected:
        hint = _difference(found, fold(quote), quotes.text(source).folded)
    else:
        hint = "the quote runs past the end of the article"
    problems.append(
        Problem(raw.locate(*at, "quote"), f"quote not found in source '{source}'", hint)
    )
    return Evidence(source, quote)


def _difference(found: Miss, needle: str, folded: str) -> str:
    """Where the quote leaves the article, shown so that a difference no one can see (a
    zero-width space, an accent composed in one and decomposed in the other) is visible."""
    hint = (
        f'the article matches up to "{visible(found.matched[-40:])}", '
        f'then has "{visible(found.expected)}"'
    )
    article, quote = _cluster(found.expected), _cluster(needle[len(found.matched) :])
    if all(part.isascii() and part.isprintable() for part in (article, quote)):
        return hint
    hint += f"; there the article has {_codes(article)}, the quote {_codes(quote) or 'nothing'}"
    if normalize("NFC", needle) in normalize("NFC", folded):
        hint += (
            ": the same letters, composed in one (NFC) and decomposed in the other (NFD); "
            "copy the quote from the article"
        )
    return hint


def _cluster(text: str) -> str:
    """The first character of ``text`` with the combining marks that follow it."""
    end = 1
    while end < len(text) and combining(text[end]):
        end += 1
    return text[:end]


def _codes(text: str) -> str:
    return " ".join(f"U+{ord(char):04X}" for char in text)


def _anchor(raw: Raw, at: tuple) -> str:
    """The passage's id on its source page; '_' cannot occur in ids, so these never clash."""
    part = {"roles": "role", "events": "event"}.get(at[0], "")
    return f"e_{raw.data['id']}_{part}{at[1] + 1}"


def _ambiguous(
    raw: Raw, at: tuple, text: SearchableText, quote: str, source: str, count: int, wanted: Any
) -> Problem:
    found_in = [text.paragraph_of(text.origin(p)) for p in text.places(fold(quote))]
    where = ", ".join(str(p) for p in found_in)
    if wanted is None:
        message = f"quote occurs {count} times in source '{source}' (paragraphs {where})"
        hint = f"add 'occurrence: N' (1 to {count}) beside the quote to say which one is meant"
        return Problem(raw.locate(*at, "quote"), message, hint)
    message = f"occurrence {wanted} asked for, but the quote occurs only {count} time(s)"
    return Problem(raw.locate(*at, "occurrence"), message, f"use a number from 1 to {count}")


def with_more_evidence(
    records: list[Record],
    additions: list[Raw],
    sections: dict[str, str],
    quotes: Quotes,
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
            message = f"'{target}' is {a_or_an(kind.name)}, which takes no evidence"
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
            for i, item in enumerate(as_list(raw.data.get("evidence")))
            if isinstance(item, dict)
        ]
        found = tuple(
            find_evidence(item, named, ("evidence", i), sections, quotes, problems)
            for i, item in items
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
