"""Every dated record in order: publications, claims and measures.

A date keeps the precision its source allows (year, month or day) and says whether it was
inferred. Sorting the text of ISO dates puts a bare year before the months of that year, which
is the honest place for it: it is known to fall somewhere in that year.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby

from generator.i18n import N_, _
from generator.model.kinds import KINDS
from generator.model.records import Briefing, Record

PRECISION = {4: "year", 7: "month", 10: "day"}


@dataclass(frozen=True)
class Entry:
    date: str
    event: str  # what happened on that date: published, claimed, announced, ...
    record: Record
    inferred: str  # the reasoning, when the date is inferred; empty when the source states it
    field: str = ""  # the record's field holding the date, or how its inferences name it

    @property
    def precision(self) -> str:
        return PRECISION[len(self.date)]


# Sources whose date is when they were said or held, not published
SAID_NOT_PUBLISHED = {
    "press-conference": N_("held"),
    "testimony": N_("given"),
    "statement": N_("made"),
}
# (shown in the language in use, as a kind's dated words and a measure's steps are)


def entry(record: Record, event: str) -> Entry:
    """The record's entry for ``event`` (published, claimed, ..., or 'events.<n>' for a
    measure's n-th dated event), which it must have."""
    if event.startswith("events."):
        step = record.steps[int(event.removeprefix("events."))]
        return Entry(step.date, _(step.label), record, step.inferred, step.inferred_as)
    field = next(field for field, said in KINDS[record.section].dated if said == event)
    said = SAID_NOT_PUBLISHED.get(record.get("kind", "")) if event == "published" else None
    return Entry(record.get(field), _(said or event), record, record.inferred.get(field, ""), field)


def entries(briefing: Briefing) -> list[Entry]:
    """Every dated record's entries, in order of date (then section, id and event)."""
    return [entry(briefing.records[i], event) for _, _, i, event in dated_entries(briefing)]


Dated = list[tuple[str, str, str, str]]  # (date, section, record id, event) of each entry


def dated_entries(briefing: Briefing) -> Dated:
    """(date, section, record id, event) of every entry, in order: what entries sort by."""
    fields = [
        (record.get(field), record.section, record.id, event)
        for record in briefing.records.values()
        for field, event in KINDS[record.section].dated
        if record.get(field)
    ]
    steps = [
        (step.date, record.section, record.id, f"events.{index}")
        for record in briefing.records.values()
        for index, step in enumerate(record.steps)
        if step.date
    ]
    return sorted(fields + steps)


Group = list[tuple[str, str]]  # the (record id, event) of each entry


def calendar(
    dated: Dated, crowded: int, only: str | None = None
) -> list[tuple[str, list[tuple[str | None, Group]]]]:
    """The ``dated`` entries by year (of the year ``only``, if given), and by month ('' for a
    year's undated months) in a year of more than ``crowded``; a year not divided holds one
    group, under None."""
    years = []
    for year, within in groupby(dated, key=_year):
        group = list(within)
        if only is not None and year != only:
            continue
        if len(group) > crowded:
            months = groupby(group, key=lambda dated: _month(dated[0]))
            years.append((year, [(month, _keys(g)) for month, g in months]))
        else:
            years.append((year, [(None, _keys(group))]))
    return years


def _month(date: str) -> str:
    """'2019-04', or '' when the date gives only a year."""
    return date[:7] if len(date) >= 7 else ""


def _keys(group: Iterable[tuple[str, str, str, str]]) -> Group:
    return [(record_id, event) for _, _, record_id, event in group]


# Entries from which the timeline is a page of years, each year a page of its own (at 10,007
# records one page of every entry was 2.3 MB, 2.9 s to load; a row is about 0.3 kB)
SPLIT_FROM = 1_000


def years_apart(dated: Dated) -> list[tuple[str, int]]:
    """The years and their numbers of ``dated`` entries when the timeline is too long for one
    page (more than ``SPLIT_FROM`` entries); none when it is not."""
    if len(dated) <= SPLIT_FROM:
        return []
    return [(year, len(list(within))) for year, within in groupby(dated, key=_year)]


def _year(dated: tuple[str, str, str, str]) -> str:
    return dated[0][:4]
