"""What a link to a record shows on hover, focus or a first tap: its preview.

Each record page carries its own preview as plain text in a JSON block, which
``docs/assets/previews.js`` reads from the page a link points to and shows with ``textContent``
only, so no text in it is ever read as markup. What it says is what the page says: the summary,
who said it and when, whose account a status is, the source and its exact words, and "inferred"
wherever the analyst inferred a value.
"""

from __future__ import annotations

from typing import Any

from generator.kinds import KINDS
from generator.model.attribution import Account
from generator.model.records import Briefing, Record
from generator.render import markup
from generator.render.templating import grading

MEDIA_TYPE = "application/briefing-preview+json"  # what previews.js looks for on a page
QUOTE_CHARS = 280  # longer words are cut, and the cut is marked


def preview(b: Briefing, record: Record) -> str:
    """The record's preview, as the ``<script>`` block its page carries."""
    kind = KINDS[record.section]
    data: dict[str, Any] = {"kind": kind.name.capitalize(), "title": record.label, "lines": []}
    data.update(kind.preview(b, record))
    data["lines"] += [f"{meaning}, in the analyst's grading" for _, meaning in grading(b, record)]
    return markup.script_json(data, MEDIA_TYPE)


def quoted(b: Briefing, record: Record, lines: list[str]) -> dict[str, Any]:
    """``lines``, and the exact words of the record's first evidence with the source they
    stand in."""
    first = record.evidence[0]
    source = f"In {b.records[first.source].label}"
    return {"lines": lines, "quote": shortened(first.quote), "source": source}


def shortened(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1].rstrip() + "…"


def names(b: Briefing, ids: tuple[str, ...] | list[str]) -> str:
    return ", ".join(b.records[i].label for i in ids)


def inferred_mark(record: Record, field: str) -> str:
    return " (inferred)" if field in record.inferred else ""


def dated(record: Record, field: str) -> str:
    value = record.get(field)
    return f"{markup.human_date(value)}{inferred_mark(record, field)}" if value else ""


def according(b: Briefing, found: Account) -> str:
    """Whose account a status or a figure is, as the pages say it."""
    if not found.speakers:
        return f"according to {names(b, found.own_voice)}"
    mark = " (a self-report)" if found.self_report else ""
    return f"according to {names(b, found.speakers)}{mark}"


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]
