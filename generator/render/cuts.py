"""How each long listing is cut into pages: which records each page holds, how it is shown and
what the listing counts, worked out from the whole model once for all its pages.

A page of a cut listing shows the cut and its own records, nothing else of the others. So an
incremental run reads a cut as one key ('p:<listing>'), whose digest is that of its ``shape``,
and the records a page shows as their own keys: an edit to one record then redoes the page
that shows it, not every page of the listing.
"""

from __future__ import annotations

from typing import Any

from generator.model.kinds import KINDS
from generator.model.records import Briefing, Record
from generator.render import overviews
from generator.render.timeline import dated_entries
from generator.writing import TIMELINE

BY_SOURCE = "claims/by_source"


def index(section: str) -> str:
    """The listing of a section's index, as a cut is named."""
    return f"{section}/index"


def cut(b: Briefing, listing: str) -> Any:
    """The cut of ``listing`` (a kind's ``index``, ``BY_SOURCE`` or ``TIMELINE``): the further
    pages of an index (``KindBase.index_pages``), the years of claims by source, or every dated
    entry of the timeline."""
    if listing == TIMELINE:
        return dated_entries(b)
    if listing == BY_SOURCE:
        return overviews.by_source_years(b)
    section = listing.removesuffix("/index")
    return KINDS[section].index_pages(b, b.in_section(section))


def shape(value: Any) -> Any:
    """A cut as plain data, each record in it as its id: what its pages depend on besides the
    records they show."""
    if isinstance(value, Record):
        return value.id
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    if isinstance(value, tuple) and all(isinstance(item, str) for item in value):
        return value  # a row of text (the timeline's entries): nothing in it to look into
    if isinstance(value, list | tuple):
        return [shape(item) for item in value]
    return value


def looked_up(b: Briefing, value: Any) -> Any:
    """A page's share of a cut with each record in it taken from ``b`` again: a page reads
    the records it shows."""
    if isinstance(value, Record):
        return b.records[value.id]
    if isinstance(value, dict):
        return {key: looked_up(b, item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(looked_up(b, item) for item in value)
    return value
