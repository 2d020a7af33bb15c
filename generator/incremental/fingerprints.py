"""Records as plain values for the store, and the digests ``memo`` compares them by.

A record's digest covers everything a page can show of it; its places, where its evidence
stands and its section (what coverage reads of it). Both are computed once per record: a
record restored from the store comes with those of the run that checked it.
"""

from __future__ import annotations

from generator.incremental.tracing import digest, plain
from generator.model.records import Evidence, Record, Role, Step
from generator.problems import Location


def _contents(record: Record) -> tuple:
    """Section, id, evidence, fields, roles and events, as plain values."""
    r = record
    roles = tuple((role.title, plain(role.evidence), role.of, role.date) for role in r.roles)
    events = tuple((e.event, plain(e.evidence), e.date, e.inferred) for e in r.steps)
    return r.section, r.id, tuple(map(plain, r.evidence)), dict(r.fields), roles, events


class Fingerprints:
    """Each record's digest and places, by id, with the record they were found for."""

    def __init__(self) -> None:
        self._known: dict[str, tuple[Record, str, str]] = {}

    def of(self, record: Record) -> tuple[str, str]:
        """The record's digest and places."""
        known = self._known.get(record.id)
        if known is None or known[0] is not record:
            section, _, evidence, fields, roles, events = _contents(record)
            whole = digest((section, evidence, roles, fields, events))
            places = digest((section, [(e.source, e.start, e.end) for e in record.evidence]))
            known = self._known[record.id] = (record, whole, places)
        return known[1], known[2]

    def stored(self, record: Record) -> tuple:
        """The record as plain values, for the store to keep and ``restored`` to rebuild."""
        return (*_contents(record), plain(record.location), dict(record.named), *self.of(record))

    def restored(self, stored: tuple) -> Record:
        """The record an earlier run checked and ``stored``, with what it found of it."""
        section, record_id, evidence, fields, roles, events, location, named, whole, places = stored
        record = Record(
            section,
            record_id,
            tuple(Evidence(*e) for e in evidence),
            fields,
            tuple(Role(title, Evidence(*e), of, date) for title, e, of, date in roles),
            tuple(Step(event, Evidence(*e), date, why) for event, e, date, why in events),
            Location(*location),
            named,
        )
        self._known[record_id] = (record, whole, places)
        return record
