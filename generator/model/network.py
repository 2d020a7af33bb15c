"""Relations between actors, read off the records; ``network_layout`` places them for drawing.

Records relate claims, measures and sources; readers ask how the *actors* stand to each other.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from generator.i18n import N_, Words

if TYPE_CHECKING:  # the model holds its network (``Briefing.network``), found from its records
    from generator.model.records import Briefing


@dataclass(frozen=True, order=True)
class Edge:
    """A relation between two actors, with the record that states it, so it can be checked."""

    source: str  # actor ids
    target: str
    relation: str  # a key of RELATIONS
    via: str  # id of the record that states the relation


# Each relation, and what the record stating it says, for a tooltip: "{a} {says} {b}: {record}".
# Only what a record states: a claim answering another is its speaker responding; a source a
# claim passed through is its author citing the speaker; the article reporting a claim, or a
# source its author wrote, is its publisher relaying or publishing them. Claims supporting or
# disputing each other, actors named together in a measure or a claim about an actor are the
# analyst's links between records, not relations the actors have: they are not drawn.
RELATIONS = Words(
    {
        N_("responds to"): N_("responds to"),
        N_("cites"): N_("cites"),
        N_("relays"): N_("relays what was said by"),
        N_("publishes"): N_("publishes"),
        N_("urges"): N_("urges"),
        N_("holds a role in"): N_("holds a role in"),
    }
)


def _candidates(briefing: Briefing, ids: Iterable[str]) -> Iterator[Edge]:
    """Every relation the records ``ids`` state, duplicates and self-loops included; read with
    the model's ``references``, so that edges and backlinks agree on which field names what."""
    recs = briefing.records

    def named(record_id: str) -> dict[str, tuple[str, ...]]:
        return defaultdict(tuple, recs[record_id].named)

    for r in ids:
        ref = named(r)
        yield from (Edge(r, other, "holds a role in", r) for other in ref["roles.of"])
        yield from (Edge(p, a, "publishes", r) for p in ref["publisher"] for a in ref["author"])
        yield from (Edge(u, d, "urges", r) for u in ref["urged_by"] for d in ref["actors"])
        for x in ref["speaker"]:  # of a claim
            for c in ref["responds_to"]:
                yield from (Edge(x, y, "responds to", r) for y in named(c)["speaker"])
            for source in map(named, ref["via"]):
                yield from (Edge(o, x, "cites", r) for o in source["author"])
            for source in map(named, ref["evidence"]):
                relaying = source["author"] + source["publisher"]
                yield from (Edge(o, x, "relays", r) for o in relaying)


def _distinct(candidates: Iterable[Edge]) -> list[Edge]:
    """Each (source, target, relation) once, with the first record (by id) showing it, sorted.
    No self-loops: an author relaying their own words relates them to nobody."""
    kept: dict[tuple[str, str, str], Edge] = {}
    for e in sorted(e for e in candidates if e.source != e.target):
        kept.setdefault((e.source, e.target, e.relation), e)
    return list(kept.values())


class Network:
    """The edges of one briefing, each found at most once: every actor page draws from the
    same ones. Not frozen, unlike the model it reads: what it has found grows as pages ask."""

    def __init__(self, briefing: Briefing):
        self.briefing = briefing

    @cached_property
    def edges(self) -> list[Edge]:
        return _distinct(_candidates(self.briefing, self.briefing.records))

    @cached_property
    def by_actor(self) -> dict[str, list[Edge]]:
        """The edges at each actor, in ``edges`` order: built once, not scanned once per page."""
        index: dict[str, list[Edge]] = defaultdict(list)
        for edge in self.edges:
            index[edge.source].append(edge)
            index[edge.target].append(edge)
        return dict(index)

    @property
    def complete(self) -> bool:
        """Whether the edges at every actor are known (else ``at`` reads only nearby records)."""
        return "by_actor" in self.__dict__

    def at(self, actor: str) -> list[Edge]:
        """The edges at one actor, as ``by_actor`` gives them. Until all edges are known, only
        records near the actor are read: every edge at it comes from its own record, one naming
        it, or one naming such a record (a claim answering the actor's claim, a claim reported
        by a source the actor published), so a run that draws a few actors need not find them
        all."""
        if self.complete:
            return self.by_actor.get(actor, [])
        briefing = self.briefing
        referrers = briefing.referrers
        near = {actor} & briefing.records.keys()
        near |= {i for ids in referrers.get(actor, {}).values() for i in ids}
        near |= {i for r in list(near) for ids in referrers.get(r, {}).values() for i in ids}
        found = _distinct(_candidates(briefing, sorted(near)))
        return [edge for edge in found if actor in (edge.source, edge.target)]


def edges(briefing: Briefing) -> list[Edge]:
    """All the edges of the briefing."""
    return briefing.network.edges


def edges_by_actor(briefing: Briefing) -> dict[str, list[Edge]]:
    """The edges at each actor, all found at once."""
    return briefing.network.by_actor


def edges_at(briefing: Briefing, actor: str) -> list[Edge]:
    """The edges at one actor (see ``Network.at``)."""
    return briefing.network.at(actor)
