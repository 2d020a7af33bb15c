"""Records as scored: the sentences of the article their quotes touch, and what is compared
(speakers, value, unit, status), for a record of the complete annotation and one of the draft."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from drafting_counts import Score
from drafting_figures import is_date_figure

from generator.input.evidence import Match, SearchableText
from generator.model.records import Record
from generator.render.coverage import split_sentences

TODO = "TODO"


@dataclass(frozen=True)
class Side:
    """A record as scored: the sentences its quotes touch, and what is compared."""

    id: str
    sentences: frozenset[int]
    speakers: tuple[str, ...] = ()  # a claim's speakers, a figure's stated_by
    todo: bool = False  # the draft left the speaker (or stated_by) to the reviewer
    value: float | None = None
    unit: str = ""
    status: str = ""
    date_like: bool = False  # a drafted figure whose number is a date, a time or an ordinal
    located: bool = True  # every quote was found in the article


class Article:
    """An article's text, its sentences, and where a quote touches them."""

    def __init__(self, source: str, text: str):
        self.source, self.text = source, text
        self.spans = split_sentences(text)
        self.searchable = SearchableText(text)

    def touched(self, start: int, end: int) -> set[int]:
        return {i for i, (s, e) in enumerate(self.spans) if start < e and end > s}

    def locate(self, evidence: Any) -> tuple[int, int] | None:
        """Where a drafted quote stands, as the build finds it (``occurrence`` included)."""
        if not isinstance(evidence, dict) or evidence.get("source") != self.source:
            return None
        quote, occurrence = evidence.get("quote"), evidence.get("occurrence", 1)
        if not isinstance(quote, str) or not isinstance(occurrence, int):
            return None
        found = self.searchable.find(quote, occurrence)
        return (found.start, found.end) if isinstance(found, Match) else None


def complete_side(record: Record, article: Article) -> Side:
    places = [e for e in record.evidence if e.source == article.source]
    places += [e.evidence for e in record.steps if e.evidence.source == article.source]
    sentences = set().union(*(article.touched(e.start, e.end) for e in places))
    if record.section == "claims":
        speakers = record.speakers
    else:
        speakers = (record["stated_by"],) if record.get("stated_by") else ()
    value = float(record["value"]) if record.section == "figures" else None
    unit, status = record.get("unit", ""), record.get("status", "")
    return Side(record.id, frozenset(sentences), speakers, value=value, unit=unit, status=status)


def drafted_side(item: dict[str, Any], article: Article, score: Score, section: str) -> Side:
    evidence = as_list(item.get("evidence"))
    evidence += [e.get("evidence") for e in as_list(item.get("events")) if isinstance(e, dict)]
    places = [article.locate(e) for e in evidence]
    score.quotes_not_found += sum(place is None for place in places)
    sentences = set().union(*(article.touched(*p) for p in places if p))
    said = item.get("speaker" if section == "claims" else "stated_by")
    speakers = tuple(s for s in ([said] if isinstance(said, str) else strings(said)) if s)
    todo = any(TODO in str(s) for s in speakers)
    value = _number(item.get("value"))
    date_like = section == "figures" and any(
        is_date_figure(article.text, p, value) for p in places if p
    )
    return Side(
        str(item.get("id", "")),
        frozenset(sentences),
        () if todo else speakers,
        todo,
        value,
        str(item.get("unit") or ""),
        str(item.get("status") or ""),
        date_like,
        all(places) and bool(places),
    )


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value] if isinstance(value, dict) else []


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    try:
        return float(str(value).replace(",", ""))
    except ValueError:
        return None


def strings(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
