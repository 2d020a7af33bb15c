"""Every dated record in order: publications, claims and measures.

A date keeps the precision its source allows (year, month or day) and says whether it was
inferred. Sorting the text of ISO dates puts a bare year before the months of that year, which
is the honest place for it: it is known to fall somewhere in that year.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Briefing, Record

DATED_FIELDS = {
    "sources": (("published", "published"),),
    "claims": (("date", "claimed"),),
    "measures": (("announced", "announced"), ("taken", "taken"), ("effective", "took effect")),
}
PRECISION = {4: "year", 7: "month", 10: "day"}


@dataclass(frozen=True)
class Entry:
    date: str
    event: str  # what happened on that date: published, claimed, announced, ...
    record: Record
    inferred: str  # the reasoning, when the date is inferred; empty when the source states it

    @property
    def precision(self) -> str:
        return PRECISION[len(self.date)]

    @property
    def year(self) -> str:
        return self.date[:4]

    @property
    def month(self) -> str:
        """'2019-04', or '' when the date gives only a year."""
        return self.date[:7] if len(self.date) >= 7 else ""


def entries(briefing: Briefing) -> list[Entry]:
    found = []
    for record in briefing.records.values():
        for field, event in DATED_FIELDS.get(record.section, ()):
            if record.get(field):
                reason = record.inferred.get(field, "")
                found.append(Entry(record.get(field), event, record, reason))
    return sorted(found, key=lambda e: (e.date, e.record.section, e.record.id, e.event))
