"""Scores one draft against the complete annotation of its article (benchmarks/README.md,
"Drafting", defines every figure).

Records are compared by the sentences their quotes touch (the project's own sentence splitter;
a quote touches a sentence when their character spans overlap), one to one: each pairing is an
assignment of largest weight, so that where several pairings are possible the one that gets
most right is scored. Actors are compared by id, or, for an actor the draft proposes anew, by
its names: the copy the draft was written in no longer holds the actors only this article
evidenced. Records as scored are in ``drafting_sides``, actors in ``drafting_actors``, the
counts in ``drafting_counts``, new actors and existing records in ``drafting_proposals``.
"""

from __future__ import annotations

import re

import yaml
from drafting_actors import Actors, normal
from drafting_counts import Score
from drafting_figures import unit_of
from drafting_pairs import pairs
from drafting_proposals import existing_records, new_actors
from drafting_sides import Article, Side, as_list, complete_side, drafted_side

from generator.model.records import Briefing

__all__ = ["Actors", "Score", "normal", "score_article"]  # importers use these names from here

SCORED = ("claims", "figures", "measures")  # the kinds matched by the sentences they touch


def score_article(full: Briefing, copy: Briefing, source: str, text: str) -> Score:
    """The draft ``text`` of article ``source``, written in ``copy``, against the complete
    annotation of ``full``. A draft that is not YAML raises yaml.YAMLError."""
    draft = yaml.safe_load(text) or {}
    if not isinstance(draft, dict):
        raise yaml.YAMLError("the draft is not a mapping of sections")
    comments = "\n".join(re.findall(r"(?:^|\s)#(.*)$", text, re.MULTILINE))
    article, score = Article(source, full.articles[source].text), Score(source)
    drafted = {s: [i for i in as_list(draft.get(s)) if isinstance(i, dict)] for s in SCORED}
    meta = full.articles[source].meta.data
    given = [meta[f] for f in ("publisher", "author") if isinstance(meta.get(f), str)]
    actors = Actors(full, copy, as_list(draft.get("actors")), given)
    complete = {
        section: [
            complete_side(r, article)
            for r in full.in_section(section)
            if any(e.source == source for e in (*r.evidence, *(v.evidence for v in r.steps)))
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
    new_actors(score, full, copy, source, actors)
    existing_records(score, full, copy, source, draft, comments)
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
