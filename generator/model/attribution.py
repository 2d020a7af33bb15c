"""Who says so: the part each actor plays in a measure, and whose account a status or figure is.

A measure's ``actors`` are who took it, or who would take it: for a measure only urged, they
are its targets, not its takers. Its status is what its evidence reports. Where its evidence
lies within a claim's evidence (the same words of the same article), the status rests on what
that claim's speakers said, and is given "according to" them; else it is the article's own
report, "according to" the article. A figure is its ``stated_by``'s, or else found the same
way. A speaker on the same side as an actor the record describes (see ``sides``) reports on
their own side: a self-report, marked as such.
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


# The Admiralty code (NATO STANAG 2511): how reliable a source is, how credible what it says
RELIABILITY = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
CREDIBILITY = {
    1: "confirmed by other sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}


def independent_sources(b: Briefing, record: Record) -> list[str]:
    """The sources that carry a record, one for each publisher (or author, or the source itself
    when it names neither): the articles its evidence stands in, and any that corroborate it."""
    carried = [e.source for e in record.evidence]
    carried += record.get("credibility", {}).get("corroborated_by", [])
    found: dict[str, str] = {}
    for source in carried:
        fields = b.records[source]
        found.setdefault(fields.get("publisher") or fields.get("author") or source, source)
    return list(found.values())


@dataclass(frozen=True)
class Account:
    """Whose word a measure's status or a figure rests on: ``speakers``, the parties whose
    words are its evidence; ``own_voice``, the articles that report the rest in their own
    voice; ``reported_in``, every article its evidence stands in. ``self_report`` when a
    speaker speaks for one of the actors it describes (see ``sides``)."""

    speakers: tuple[str, ...]
    own_voice: tuple[str, ...]
    reported_in: tuple[str, ...]
    self_report: bool


def account(b: Briefing, record: Record) -> Account:
    """The account of a measure (its actors' act) or a figure (its ``stated_by``, else the
    claims around its words; a self-report when the speaker speaks for what it is about)."""
    stated = [record["stated_by"]] if record.get("stated_by") else []
    speakers: dict[str, None] = dict.fromkeys(stated)
    own_voice: dict[str, None] = {}
    for mine in record.evidence:
        said = [
            claim
            for start, end, claim, section in b.evidence_in(mine.source)
            if section == "claims" and start < mine.end and mine.start < end
        ]
        speakers |= dict.fromkeys(s for claim in said for s in b.speakers_of(claim))
        if not said and not stated:
            own_voice[mine.source] = None
    described = record.get("actors") or [
        i for i in record.get("about", []) if b.section_of(i) == "actors"
    ]
    theirs = {side for actor in described for side in sides(b, actor)}
    own = any(sides(b, speaker) & theirs for speaker in speakers)
    reported_in = tuple(dict.fromkeys(e.source for e in record.evidence))
    return Account(tuple(speakers), tuple(own_voice), reported_in, own)


def sides(b: Briefing, actor: str) -> set[str]:
    """The actor and every body it holds a role in, and theirs in turn: an ambassador of China
    and China's law-enforcement agencies share the side China."""
    found, todo = set(), [actor]
    while todo:
        current = todo.pop()
        if current not in found and current in b.records:
            found.add(current)
            todo.extend(role.of for role in b.records[current].roles if role.of)
    return found


def parts(b: Briefing, actor: Record) -> dict[str, list[Record]]:
    """The measures an actor plays a part in, by part (see ``PARTS``), only those it has."""
    found: dict[str, list[Record]] = {part: [] for part in PARTS}
    for measure in b.referring(actor.id, "actors", "measures"):
        found[ACTORS_PART[measure["status"]]].append(measure)
    found["urged"] = b.referring(actor.id, "urged_by", "measures")
    return {part: measures for part, measures in found.items() if measures}
