"""What a draft proposes besides claims, figures and measures: the new actors only this
article evidenced, and the records kept in the copy that it evidences."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from drafting_actors import Actors, is_named
from drafting_counts import Score
from drafting_sides import strings

from generator.model.records import Briefing

REFERENCE_KEYS = (  # draft fields that name records: a reference proposes the record it names
    *("speaker", "stated_by", "actors", "urged_by", "about", "via", "record", "of"),
    *("supports", "disputes", "responds_to", "author", "publisher"),
)


def new_actors(score: Score, full: Briefing, copy: Briefing, source: str, actors: Actors) -> None:
    """Named actors only this article evidenced, and which the draft proposes; and which of
    the actors the draft proposes anew the complete annotation has (of any kind)."""
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


def existing_records(
    score: Score, full: Briefing, copy: Briefing, source: str, draft: dict, comments: str
) -> None:
    """Records kept in the copy that this article evidences (in the complete briefing), and
    which of them the draft names: under more_evidence, in a reference or in a comment."""
    targets = [
        r.id
        for r in full.records.values()
        if r.id in copy.records
        and any(
            e.source == source for e in (*r.evidence, *(p.evidence for p in (*r.roles, *r.steps)))
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
                yield from [value] if isinstance(value, str) else strings(value)
            yield from _references(value)
    elif isinstance(data, list):
        for item in data:
            yield from _references(item)
