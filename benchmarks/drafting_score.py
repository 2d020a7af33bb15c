"""Scores one draft against the complete annotation of its article (benchmarks/README.md,
"Drafting", defines every figure).

Records are compared by the sentences their quotes touch (the project's own sentence splitter;
a quote touches a sentence when their character spans overlap), one to one: each pairing is an
assignment of largest weight, so that where several pairings are possible the one that gets
most right is scored. Actors are compared by id, or, for an actor the draft proposes anew, by
its names: the copy the draft was written in no longer holds the actors only this article
evidenced.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml
from drafting_figures import is_date_figure, unit_of
from drafting_pairs import pairs

from generator.input.evidence import Match, SearchableText
from generator.model.records import Briefing, Record
from generator.render.coverage import split_sentences

TODO = "TODO"
SCORED = ("claims", "figures", "measures")  # the kinds matched by the sentences they touch
REFERENCE_KEYS = (  # draft fields that name records: a reference proposes the record it names
    *("speaker", "stated_by", "actors", "urged_by", "about", "via", "record", "of"),
    *("supports", "disputes", "responds_to", "author", "publisher"),
)
CONNECTORS = {"of", "the", "and", "for", "on", "in", "de", "la", "du", "van", "von", "der"}
CONNECTORS |= {"da", "al", "bin", "to", "at", "&", "-", "–"}


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


@dataclass
class Score:
    """Counts for one article; ``ratio`` pairs make the table's percentages."""

    article: str
    claims: int = 0  # in the complete annotation
    drafted_claims: int = 0
    claims_found: int = 0
    speakers_right: int = 0  # matched claims whose speaker is right (recall's numerator)
    named: int = 0  # drafted claims that name a speaker (not TODO)
    named_right: int = 0  # of those, right (precision's numerator)
    figures: int = 0
    drafted_figures: int = 0
    values_right: int = 0
    units_right: int = 0
    stated_by_right: int = 0
    dates_as_figures: int = 0
    measures: int = 0
    drafted_measures: int = 0
    measures_found: int = 0
    statuses_right: int = 0
    new_actors: int = 0  # named actors only this article evidenced
    new_actors_proposed: int = 0
    drafted_new_actors: int = 0  # every actor the draft proposes anew
    drafted_new_actors_right: int = 0  # of those, one the complete annotation has (any kind)
    existing: int = 0  # records kept in the copy that this article evidences
    existing_proposed: int = 0
    quotes_not_found: int = 0  # drafted quotes that are not in the article
    seconds: float = 0.0
    details: list[str] = field(default_factory=list)


class Actors:
    """Who is who across the complete briefing, the copy and the draft's new actors."""

    def __init__(
        self,
        full: Briefing,
        copy: Briefing,
        drafted: Iterable[dict[str, Any]],
        given: Iterable[str] = (),
    ):
        # the article's publisher and author are known by their ids even when the copy lacks
        # them: new-source creates them with the article (from the page, or --publisher-name)
        self.known = set(copy.ids_in("actors")) | set(given)
        self.names = {a.id: names_of(a.fields) for a in full.in_section("actors")}
        self.proposed = {
            a["id"]: names_of(a)
            for a in drafted
            if isinstance(a, dict) and isinstance(a.get("id"), str) and a["id"] not in self.known
        }

    def same(self, drafted: str, complete: str) -> bool:
        if drafted in self.known:
            return drafted == complete
        return bool(self.proposed.get(drafted, set()) & self.names.get(complete, set()))

    def same_set(self, drafted: Sequence[str], complete: Sequence[str]) -> bool:
        return len(set(drafted)) == len(set(complete)) and all(
            any(self.same(d, c) for d in drafted) for c in complete
        )


def names_of(actor: Any) -> set[str]:
    names = [actor.get("name"), *(actor.get("aliases") or [])]
    return {normal(name) for name in names if isinstance(name, str) and name.strip()}


def normal(name: str) -> str:
    """A name as compared: without case, spacing or articles ('An official from U.S. Customs'
    is 'official from the U.S. Customs': articles tell no actor from another)."""
    words = name.replace("’", "'").replace("‘", "'").casefold().split()
    return " ".join(word for word in words if word not in ARTICLES)


ARTICLES = {"a", "an", "the"}


def is_named(actor: Record) -> bool:
    """A proper name (capitalised words, connectors aside), and not an unnamed group."""
    words = [w.strip("\"'“”()") for w in actor["name"].split()]
    words = [w for w in words if w and w.casefold() not in CONNECTORS]
    return actor["kind"] != "group" and bool(words) and all(w[0].isupper() for w in words)


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
    places += [e.evidence for e in record.events if e.evidence.source == article.source]
    sentences = set().union(*(article.touched(e.start, e.end) for e in places))
    if record.section == "claims":
        speakers = record.speakers
    else:
        speakers = (record["stated_by"],) if record.get("stated_by") else ()
    value = float(record["value"]) if record.section == "figures" else None
    unit, status = record.get("unit", ""), record.get("status", "")
    return Side(record.id, frozenset(sentences), speakers, value=value, unit=unit, status=status)


def drafted_side(item: dict[str, Any], article: Article, score: Score, section: str) -> Side:
    evidence = _as_list(item.get("evidence"))
    evidence += [e.get("evidence") for e in _as_list(item.get("events")) if isinstance(e, dict)]
    places = [article.locate(e) for e in evidence]
    score.quotes_not_found += sum(place is None for place in places)
    sentences = set().union(*(article.touched(*p) for p in places if p))
    said = item.get("speaker" if section == "claims" else "stated_by")
    speakers = tuple(s for s in ([said] if isinstance(said, str) else _strings(said)) if s)
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


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value] if isinstance(value, dict) else []


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    try:
        return float(str(value).replace(",", ""))
    except ValueError:
        return None


def score_article(full: Briefing, copy: Briefing, source: str, text: str) -> Score:
    """The draft ``text`` of article ``source``, written in ``copy``, against the complete
    annotation of ``full``. A draft that is not YAML raises yaml.YAMLError."""
    draft = yaml.safe_load(text) or {}
    if not isinstance(draft, dict):
        raise yaml.YAMLError("the draft is not a mapping of sections")
    comments = "\n".join(re.findall(r"(?:^|\s)#(.*)$", text, re.MULTILINE))
    article, score = Article(source, full.articles[source].text), Score(source)
    drafted = {s: [i for i in _as_list(draft.get(s)) if isinstance(i, dict)] for s in SCORED}
    meta = full.articles[source].meta.data
    given = [meta[f] for f in ("publisher", "author") if isinstance(meta.get(f), str)]
    actors = Actors(full, copy, _as_list(draft.get("actors")), given)
    complete = {
        section: [
            complete_side(r, article)
            for r in full.in_section(section)
            if any(e.source == source for e in (*r.evidence, *(v.evidence for v in r.events)))
        ]
        for section in SCORED
    }
    ours = {s: [drafted_side(i, article, score, s) for i in drafted[s]] for s in SCORED}
    _claims(score, complete["claims"], ours["claims"], actors)
    _figures(score, complete["figures"], ours["figures"], actors)
    found = pairs(complete["measures"], ours["measures"], _touch, lambda c, d: c.status == d.status)
    score.measures, score.drafted_measures = len(complete["measures"]), len(ours["measures"])
    score.measures_found = len(found)
    score.statuses_right = sum(c.status == d.status for c, d in found)
    _actors(score, full, copy, source, actors)
    _existing(score, full, copy, source, draft, comments)
    return score


def _touch(complete: Side, drafted: Side) -> bool:
    return bool(complete.sentences & drafted.sentences)


def _speaker_right(complete: Side, drafted: Side, actors: Actors) -> bool:
    if not complete.speakers:  # unattributed: right when the draft names no one either
        return not drafted.speakers and not drafted.todo
    return bool(drafted.speakers) and actors.same_set(drafted.speakers, complete.speakers)


def _claims(score: Score, complete: list[Side], drafted: list[Side], actors: Actors) -> None:
    right = lambda c, d: _speaker_right(c, d, actors)  # noqa: E731
    found = pairs(complete, drafted, _touch, lambda c, d: 10 * right(c, d))
    score.claims, score.drafted_claims, score.claims_found = len(complete), len(drafted), len(found)
    score.speakers_right = sum(right(c, d) for c, d in found)
    paired = {d.id: c for c, d in found}
    for d in drafted:
        if not d.speakers:
            continue
        score.named += 1
        # a claim the draft split in two: its other half is right if its speaker is
        candidates = [paired[d.id]] if d.id in paired else [c for c in complete if _touch(c, d)]
        is_right = any(right(c, d) for c in candidates)
        score.named_right += is_right
        if not is_right:
            expected = "; ".join(f"{c.id}: {', '.join(c.speakers) or '(none)'}" for c in candidates)
            score.details.append(
                f"speaker {', '.join(d.speakers)} of {d.id}: expected {expected or 'no claim'}"
            )
    for c in complete:
        if c.id not in {p.id for p, _ in found}:
            score.details.append(f"claim not found: {c.id}")


def _figures(score: Score, complete: list[Side], drafted: list[Side], actors: Actors) -> None:
    def unit_right(c: Side, d: Side) -> bool:
        return unit_of(c.unit) == unit_of(d.unit)

    def said_right(c: Side, d: Side) -> bool:
        if not c.speakers:
            return not d.speakers and not d.todo
        return bool(d.speakers) and actors.same_set(d.speakers, c.speakers)

    def linked(c: Side, d: Side) -> bool:
        return (
            _touch(c, d)
            and d.value is not None
            and abs(c.value - d.value) <= 1e-9 * max(1, abs(c.value))
        )

    found = pairs(complete, drafted, linked, lambda c, d: unit_right(c, d) + said_right(c, d))
    score.figures, score.drafted_figures = len(complete), len(drafted)
    score.values_right = len(found)
    score.units_right = sum(unit_right(c, d) for c, d in found)
    score.stated_by_right = sum(said_right(c, d) for c, d in found)
    score.dates_as_figures = sum(d.date_like for d in drafted)
    for c in complete:
        if c.id not in {p.id for p, _ in found}:
            score.details.append(f"figure not found: {c.id} ({c.value:g} {c.unit})")


def _actors(score: Score, full: Briefing, copy: Briefing, source: str, actors: Actors) -> None:
    kept = set(copy.ids_in("actors"))
    removed = [  # the publisher and author aside: new-source creates them with the article
        a
        for a in full.in_section("actors")
        if a.id not in actors.known and is_named(a) and any(e.source == source for e in a.evidence)
    ]
    score.new_actors, score.drafted_new_actors = len(removed), len(actors.proposed)
    proposed = [a for a in removed if any(actors.same(d, a.id) for d in actors.proposed)]
    score.new_actors_proposed = len(proposed)
    score.details += [f"new actor not proposed: {a.id}" for a in removed if a not in proposed]
    gone = [a.id for a in full.in_section("actors") if a.id not in kept]
    right = [d for d in actors.proposed if any(actors.same(d, a) for a in gone)]
    score.drafted_new_actors_right = len(right)
    score.details += [
        f"new actor drafted that the annotation lacks: {d}"
        for d in actors.proposed
        if d not in right
    ]


def _existing(
    score: Score, full: Briefing, copy: Briefing, source: str, draft: dict, comments: str
) -> None:
    """Records kept in the copy that this article evidences (in the complete briefing), and
    which of them the draft names: under more_evidence, in a reference or in a comment."""
    targets = [
        r.id
        for r in full.records.values()
        if r.id in copy.records
        and any(
            e.source == source for e in (*r.evidence, *(p.evidence for p in (*r.roles, *r.events)))
        )
    ]
    named = set(_references(draft)) | set(re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", comments))
    score.existing = len(targets)
    score.existing_proposed = sum(t in named for t in targets)
    score.details += [f"existing record not proposed: {t}" for t in targets if t not in named]


def _references(data: Any) -> Iterable[str]:
    if isinstance(data, dict):
        for key, value in data.items():
            if key in REFERENCE_KEYS:
                yield from [value] if isinstance(value, str) else _strings(value)
            yield from _references(value)
    elif isinstance(data, list):
        for item in data:
            yield from _references(item)


def _strings(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
