"""What a link to a record shows on hover, focus or a first tap: its preview.

Each record page carries its own preview as plain text in a JSON block, which
``docs/assets/previews.js`` reads from the page a link points to and shows with ``textContent``
only, so no text in it is ever read as markup. What it says is what the page says: the summary,
who said it and when, whose account a status is, the source and its exact words, and "inferred"
wherever the analyst inferred a value. Its kind's ``preview`` method gives its lines and words
(``generator/kinds/``, in the words of ``phrasing``); the analyst's grades follow.
"""

from __future__ import annotations

from typing import Any

from generator.i18n import _
from generator.model.kinds import KINDS
from generator.model.records import Briefing, Record
from generator.render import markup
from generator.render.phrasing import QUOTE_CHARS
from generator.render.templating import grading

__all__ = ["MEDIA_TYPE", "QUOTE_CHARS", "preview"]
MEDIA_TYPE = "application/briefing-preview+json"  # what previews.js looks for on a page


def preview(b: Briefing, record: Record) -> str:
    """The record's preview, as the ``<script>`` block its page carries."""
    kind = KINDS[record.section]
    data: dict[str, Any] = {"kind": kind.one, "title": record.label, "lines": []}
    data["open"] = _("Open the %(kind)s’s page") % {"kind": kind.one.lower()}
    data.update(kind.preview(b, record))
    graded = _("%(meaning)s, in the analyst's grading")
    data["lines"] += [graded % {"meaning": meaning} for _grade, meaning in grading(b, record)]
    return markup.script_json(data, MEDIA_TYPE)
