"""Who says so: the part each actor plays in a measure, and whose account a status or figure is.

A measure's ``actors`` are who took it, or who would take it: for a measure only urged, they
are its targets, not its takers. Its status is what its evidence reports, "according to" the
speakers whose own words state it: those of the event that tells of it (in effect: the
``in-effect`` event), or, with no such event, of the claims whose evidence holds the measure's
words; else it is the article's own report, "according to" the article. A figure is its
``stated_by``'s, or else found the same way. A speaker on the side of an actor who took,
announced, promised or urged a measure, or of an actor a record is about (see ``sides``),
reports on their own side: a self-report, marked as such.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.i18n import N_, Words
from generator.model.kinds import ACTORS, KINDS
from generator.model.records import Briefing, Evidence, Record

# How each status reads, in words the evidence supports (never a flat "done")
STATUS_WORDS = Words(
    {
        "urged": N_("urged"),
        "promised": N_("promised"),
        "agreed": N_("agreed"),
        "announced": N_("announced"),
        "in-effect": N_("in effect"),
        "done": N_("carried out"),
    }
)
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
ACTORS_LABEL = Words(
    {
        "urged": N_("Urged on"),
        "promised": N_("Promised by"),
        "agreed": N_("Agreed by"),
        "announced": N_("Announced by"),
        "in-effect": N_("Taken by"),
        "done": N_("Carried out by"),
    }
)
# The parts, in the order pages list them, with their headings on an actor's page
PARTS = Words(
    {
        "took": N_("Measures it took"),
        "announced": N_("Measures it announced"),
        "promised": N_("Measures it promised"),
        "agreed to": N_("Measures it agreed to"),
        "urged to take": N_("Measures urged on it"),
        "urged": N_("Measures it urged"),
    }
)


# The Admiralty code (NATO STANAG 2511): how reliable a source is, how credible what it says
RELIABILITY = Words(
    {
        "A": N_("completely reliable"),
        "B": N_("usually reliable"),
        "C": N_("fairly reliable"),
        "D": N_("not usually reliable"),
        "E": N_("unreliable"),
        "F": N_("reliability cannot be judged"),
    }
)
CREDIBILITY = Words(
    {
        1: N_("confirmed by other sources"),
        2: N_("probably true"),
        3: N_("possibly true"),
        4: N_("doubtful"),
        5: N_("improbable"),
        6: N_("truth cannot be judged"),
    }
)


def independent_sources(b: Briefing, record: Record) -> list[str]:
    """The sources that carry a record, one for each publisher (or author, or the source itself
    when it names neither): the articles its evidence stands in, and any that corroborate it."""
    carried = [e.source for e in record.evidence]
    carried += record.get("credibility", {}).get("corroborated_by", [])
    found: dict[str, str] = {}
    for source in carried:
        found.setdefault(outlet(b, source), source)
    return list(found.values())


def outlet(b: Briefing, source: str) -> str:
    """Who put a source out: its publisher, else its author, else the source itself."""
    fields = b.records[source]
    return fields.get("publisher") or fields.get("author") or source


# The events of a measure that tell of each status: its account is theirs
STATUS_EVENTS = {
    "urged": ("urged", "proposed"),
    "promised": ("promised",),
    "agreed": ("agreed",),
    "announced": ("announced", "announced-again"),
    "in-effect": ("in-effect",),
    "done": ("carried-out",),
}
# The parts in a measure of the actors a speaker's own side makes a self-report (ACTORS_PART)
SELF_PARTS = {"took", "announced", "promised", "agreed to"}


@dataclass(frozen=True)
class Account:
    """Whose word a measure's status, one of its events or a figure rests on: ``speakers``,
    the parties whose words state it; ``own_voice``, the articles that report the rest in
    their own voice; ``reported_in``, the articles those words stand in. ``self_report``
    when a speaker speaks for one of the actors it describes (see ``sides``)."""

    speakers: tuple[str, ...]
    own_voice: tuple[str, ...]
    reported_in: tuple[str, ...]
    self_report: bool


# The status each of a measure's date fields tells of
FIELD_STATUS = {"announced": "announced", "effective": "in-effect", "taken": "done"}


def account(b: Briefing, record: Record, status: str = "") -> Account:
    """The account of a figure (its ``stated_by``'s alone, when it names one) or a measure's
    status: that of the events telling of that status (in effect: its ``in-effect`` event),
    else of the claims whose words hold the whole of its evidence. A claim whose words merely
    overlap it, or stand near it, is not its account. ``status`` asks for another status's
    account than the measure's own (its announcement, say, when it is now in effect)."""
    if record.get("stated_by"):
        return _account(b, record, (record["stated_by"],), ())
    telling = STATUS_EVENTS.get(status or record.get("status", ""), ())
    steps = [step.evidence for step in record.steps if step.event in telling]
    told = steps or list(record.evidence)
    return _account(b, record, *_whose(b, told, either_way=bool(steps)), reported=told)


def event_account(b: Briefing, measure: Record, index: int) -> Account:
    """The account of a measure's ``index``-th event: the speakers whose words are in that
    event's own evidence, or hold it; else the article's own."""
    evidence = [measure.steps[index].evidence]
    return _account(b, measure, *_whose(b, evidence, either_way=True), reported=evidence)


def _whose(b: Briefing, evidence: list[Evidence], either_way: bool) -> tuple[tuple, tuple]:
    """The speakers of the claims whose evidence holds a passage of ``evidence`` (with
    ``either_way``, also those whose words the passage holds), and the articles that report a
    passage no claim states in their own voice."""
    speakers: dict[str, None] = {}
    own_voice: dict[str, None] = {}
    for mine in evidence:
        said = [
            claim
            for start, end, claim, section in b.evidence_in(mine.source)
            if KINDS[section].said_by_its_speakers
            and (
                (start <= mine.start and mine.end <= end)
                or (either_way and mine.start <= start and end <= mine.end)
            )
        ]
        found = [s for claim in said for s in b.speakers_of(claim)]
        speakers |= dict.fromkeys(found)
        if not found:
            own_voice[mine.source] = None
    return tuple(speakers), tuple(own_voice)


def _account(
    b: Briefing,
    record: Record,
    speakers: tuple[str, ...],
    own_voice: tuple[str, ...],
    reported: list[Evidence] | None = None,
) -> Account:
    reported_in = tuple(dict.fromkeys(e.source for e in (reported or record.evidence)))
    theirs = {side for actor in described(b, record) for side in sides(b, actor)}
    own = any(sides(b, speaker) & theirs for speaker in speakers)
    return Account(speakers, own_voice, reported_in, own)


def described(b: Briefing, record: Record, urging: bool = True) -> list[str]:
    """The actors whose own side speaks for itself about ``record``: a measure's takers (who
    took, announced, promised or agreed to it, never its targets) and, with ``urging``, who
    urged it; what else a record is about."""
    if KINDS[record.section].actors_part_by_status:
        takers = record["actors"] if ACTORS_PART[record["status"]] in SELF_PARTS else []
        return [*takers, *(record.get("urged_by", []) if urging else [])]
    about = record.get("about", [])
    return [i for i in about if i in b.records and b.section_of(i) == ACTORS]


def claim_self_report(b: Briefing, claim: Record) -> bool:
    """A claim about its speaker's own side: an actor on that side, or a measure or figure
    whose described actors are on it, is among what the claim is about (its ``about``, and
    the measures and figures whose words its own words hold). A call on others to act is not
    an account of one's own conduct, so a measure's urgers do not count here."""
    mine = {side for speaker in claim.speakers for side in sides(b, speaker)}
    for target in [*claim.get("about", []), *_stated_in(b, claim)]:
        if target not in b.records:
            continue
        record = b.records[target]
        actors = [target] if record.section == ACTORS else described(b, record, urging=False)
        if any(sides(b, actor) & mine for actor in actors):
            return True
    return False


def _stated_in(b: Briefing, claim: Record) -> list[str]:
    """The measures and figures whose evidence lies within the claim's own words."""
    return [
        other
        for mine in claim.evidence
        for start, end, other, section in b.evidence_in(mine.source)
        if KINDS[section].told_according_to and mine.start <= start and end <= mine.end
    ]


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
    by_status = [kind.plural for kind in KINDS.values() if kind.actors_part_by_status]
    for measure in [m for plural in by_status for m in b.referring(actor.id, "actors", plural)]:
        found[ACTORS_PART[measure["status"]]].append(measure)
    found["urged"] = [m for plural in by_status for m in b.referring(actor.id, "urged_by", plural)]
    return {part: measures for part, measures in found.items() if measures}
