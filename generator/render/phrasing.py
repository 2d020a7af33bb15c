"""How previews and rows say a record in plain text: names, dates, whose account, its words.

Plain strings, no markup: ``previews`` puts them in a page's preview (shown with
``textContent``), and a kind's ``row`` on the home page and in the memo. This module needs no
package beyond the standard library, as the kinds' modules that import it must not (the
registry is read by ``make clean`` on a fresh clone).
"""

from __future__ import annotations

from typing import Any

from generator.i18n import _
from generator.model.attribution import Account
from generator.model.records import Briefing, Record
from generator.render import markup

QUOTE_CHARS = 280  # longer words are cut, and the cut is marked


def quoted(b: Briefing, record: Record, lines: list[str]) -> dict[str, Any]:
    """``lines``, and the exact words of the record's first evidence with the source they
    stand in; their language where it is not the pages', and their translation."""
    first = record.evidence[0]
    source = _("In %(source)s") % {"source": b.records[first.source].label}
    said = {"lines": lines, "quote": shortened(first.quote), "source": source}
    if b.foreign(first.source):
        said["quote_language"] = b.foreign(first.source)
    if first.translation:
        words = {"words": shortened(first.translation)}
        said["translation"] = _("Translation: %(words)s") % words
    return said


def shortened(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1].rstrip() + "…"


def names(b: Briefing, ids: tuple[str, ...] | list[str]) -> str:
    return _(", ").join(b.records[i].label for i in ids)


def inferred_mark(record: Record, field: str) -> str:
    return _(" (inferred)") if field in record.inferred else ""


def dated(record: Record, field: str) -> str:
    value = record.get(field)
    return f"{markup.human_date(value)}{inferred_mark(record, field)}" if value else ""


def according(b: Briefing, found: Account) -> str:
    """Whose account a status or a figure is, as the pages say it."""
    if not found.speakers:
        return _("according to %(who)s") % {"who": names(b, found.own_voice)}
    if found.self_report:
        return _("according to %(who)s (a self-report)") % {"who": names(b, found.speakers)}
    return _("according to %(who)s") % {"who": names(b, found.speakers)}


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]
