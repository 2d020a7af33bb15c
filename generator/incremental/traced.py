"""A briefing that notes what is read from it, for ``memo`` to tell which pages a change touches.

``traced(briefing)`` wraps the plain model: its mappings become ``Traced`` ones, and the methods
that read finer than a mapping (a section's ids, where evidence stands, the network) note their
own keys (see ``tracing``). The model itself knows nothing of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from generator.incremental.tracing import Traced, note
from generator.model.network import Edge, Network
from generator.model.records import Briefing, Record


def traced(briefing: Briefing) -> TracedBriefing:
    b = briefing
    return TracedBriefing(
        Traced("t", b.about),
        Traced("r", b.records),
        Traced("a", b.articles),
        Traced("b", b.referrers),
        b.sections,
        b.drafts,
        Traced("d", b.added),
        plain=b,
    )


@dataclass(frozen=True)
class TracedBriefing(Briefing):
    plain: Briefing = field(default=None, repr=False, compare=False)  # type: ignore

    def in_section(self, section: str) -> list[Record]:
        note(f"s:{section}")
        return super().in_section(section)

    def ids_in(self, section: str) -> list[str]:
        note(f"n:{section}")
        return super().ids_in(section)

    def evidence_in(self, source: str) -> list[tuple[int, int, str, str]]:
        """Read as 'v:<source>', which changes with where evidence stands and the records'
        sections, not with their other fields."""
        note(f"v:{source}")
        return self.plain.evidence_in(source)

    def speakers_of(self, claim_id: str) -> tuple[str, ...]:
        """Read as 'w:<claim>', which changes with the claim's speakers alone."""
        note(f"w:{claim_id}")
        return self.plain.speakers_of(claim_id)

    def defined_in(self, path: str) -> list[Record]:
        """Read as 'f:<path>', which changes with the ids the file defines, and each record
        as read."""
        note(f"f:{path}")
        return [self.records[record.id] for record in self.plain.defined_in(path)]

    def section_of(self, record_id: str) -> str:
        """Noted as nothing: only links from where evidence stands ask it, and 'v:' holds the
        sections of the records whose evidence it is."""
        return self.plain.section_of(record_id)

    @cached_property
    def network(self) -> TracedNetwork:  # type: ignore[override]
        return TracedNetwork(self.plain.network)


class TracedNetwork:
    """The plain network, found from the whole model; a page notes the edges it shows ('e:')."""

    def __init__(self, network: Network):
        self._network = network

    @property
    def edges(self) -> list[Edge]:
        note("e:*")
        return self._network.edges

    @property
    def by_actor(self) -> dict[str, list[Edge]]:
        note("e:*")
        return self._network.by_actor

    @property
    def complete(self) -> bool:
        return self._network.complete

    def at(self, actor: str) -> list[Edge]:
        note(f"e:{actor}")
        return self._network.at(actor)
