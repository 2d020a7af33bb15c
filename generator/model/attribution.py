"""Who says so: the part each actor plays in a measure, and whose account its status is.

A measure's ``actors`` are who took it, or who would take it: for a measure only urged, they
are its targets, not its takers. Its status is what its evidence reports. Where its evidence
lies within a claim's evidence (the same words of the same article), the status rests on what
that claim's speakers said, and is given "according to" them; else it is the article's own
report, "according to" the article. A speaker who is one of the measure's actors, or holds a
role in one, reports on their own side's action: a self-report, marked as such.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model.records import Briefing, Record

# How each status reads, in words the evidence supports (never a flat "done")
STATUS_WORDS = {
    "urged": "urged",
    "promised": "promised",
    "agreed": "agreed",
    "announced": "announced",
    "in-effect": "in effect",
    "done": "carried out",
}
# What an actor named in a measure's ``actors`` did, by the measure's status
ACTORS_PART = {
    "urged": "urged to take",
    "promised": "promised",
    "agreed": "agreed to",
    "announced": "announced",
    "in-effect": "took",
    "done": "took",
}
# How a measure's page names its ``actors``, by its status
ACTORS_LABEL = {
    "urged": "Urged on",
    "promised": "Promised by",
    "agreed": "Agreed by",
    "announced": "Announced by",
    "in-effect": "Taken by",
    "done": "Carried out by",
}
# The parts, in the order pages list them, with their headings on an actor's page
PARTS = {
    "took": "Measures it took",
    "announced": "Measures it announced",
    "promised": "Measures it promised",
    "agreed to": "Measures it agreed to",
    "urged to take": "Measures urged on it",
    "urged": "Measures it urged",
}


@dataclass(frozen=True)
class Account:
    """Whose word a measure's status rests on: the speakers of the claims whose words are its
    evidence, and the articles that report the rest in their own voice; ``self_report`` when
    a speaker speaks for one of its actors."""

    speakers: tuple[str, ...]
    sources: tuple[str, ...]
    self_report: bool


def account(b: Briefing, measure: Record) -> Account:
    speakers: dict[str, None] = {}
    sources: dict[str, None] = {}
    for mine in measure.evidence:
        said = [
            claim
            for claim in b.referring(mine.source, "evidence", "claims")
            for theirs in claim.evidence
            if theirs.source == mine.source and theirs.start < mine.end and mine.start < theirs.end
        ]
        speakers |= dict.fromkeys(s for claim in said for s in claim.speakers)
        if not said:
            sources[mine.source] = None
    speakers, sources = tuple(speakers), tuple(sources)
    actors = set(measure["actors"])
    own = any(s in actors or _speaks_for(b.records[s], actors) for s in speakers)
    return Account(speakers, sources, own)


def _speaks_for(speaker: Record, actors: set[str]) -> bool:
    return any(role.of in actors for role in speaker.roles)


def parts(b: Briefing, actor: Record) -> dict[str, list[Record]]:
    """The measures an actor plays a part in, by part (see ``PARTS``), only those it has."""
    found: dict[str, list[Record]] = {part: [] for part in PARTS}
    for measure in b.referring(actor.id, "actors", "measures"):
        found[ACTORS_PART[measure["status"]]].append(measure)
    found["urged"] = b.referring(actor.id, "urged_by", "measures")
    return {part: measures for part, measures in found.items() if measures}
