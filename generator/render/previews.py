"""What a link to a record shows on hover, focus or a first tap: its preview.

Each record page carries its own preview as plain text in a JSON block, which
``docs/assets/previews.js`` reads from the page a link points to and shows with ``textContent``
only, so no text in it is ever read as markup. What it says is what the page says: the summary,
who said it and when, whose account a status is, the source and its exact words, and "inferred"
wherever the analyst inferred a value.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.input.raw import a_or_an
from generator.kinds import KINDS
from generator.model.attribution import ACTORS_LABEL, STATUS_WORDS, Account, account
from generator.model.records import Briefing, Record
from generator.render import markup
from generator.render.contexts import roles_once
from generator.render.templating import grading

MEDIA_TYPE = "application/briefing-preview+json"  # what previews.js looks for on a page
QUOTE_CHARS = 280  # longer words are cut, and the cut is marked


def preview(b: Briefing, record: Record) -> str:
    """The record's preview, as the ``<script>`` block its page carries."""
    kind = KINDS[record.section]
    data: dict[str, Any] = {"kind": kind.name.capitalize(), "title": record.label, "lines": []}
    if kind.preview:
        data.update(PREVIEWS[kind.preview](b, record))
    data["lines"] += [f"{meaning}, in the analyst's grading" for _, meaning in grading(b, record)]
    return markup.script_json(data, MEDIA_TYPE)


def _quoted(b: Briefing, record: Record, lines: list[str]) -> dict[str, Any]:
    """``lines``, and the exact words of the record's first evidence with the source they
    stand in."""
    first = record.evidence[0]
    source = f"In {b.records[first.source].label}"
    return {"lines": lines, "quote": _shortened(first.quote), "source": source}


def _shortened(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1].rstrip() + "…"


def _names(b: Briefing, ids: tuple[str, ...] | list[str]) -> str:
    return ", ".join(b.records[i].label for i in ids)


def _inferred(record: Record, field: str) -> str:
    return " (inferred)" if field in record.inferred else ""


def _dated(record: Record, field: str) -> str:
    value = record.get(field)
    return f"{markup.human_date(value)}{_inferred(record, field)}" if value else ""


def _according(b: Briefing, found: Account) -> str:
    """Whose account a status or a figure is, as the pages say it."""
    if not found.speakers:
        return f"according to {_names(b, found.own_voice)}"
    mark = " (a self-report)" if found.self_report else ""
    return f"according to {_names(b, found.speakers)}{mark}"


def _claim(b: Briefing, claim: Record) -> dict[str, Any]:
    said = (
        f"Said by {_names(b, claim.speakers)}{_inferred(claim, 'speaker')}"
        if claim.speakers
        else "Unattributed: the source does not say whose view this is"
    )
    when = _dated(claim, "date")
    return _quoted(b, claim, [f"{said}, {when}" if when else said])


def _measure(b: Briefing, measure: Record) -> dict[str, Any]:
    status = _capital(f"{STATUS_WORDS[measure['status']]}, {_according(b, account(b, measure))}")
    actors = f"{ACTORS_LABEL[measure['status']]} {_names(b, measure['actors'])}"
    lines = [status, actors + _inferred(measure, "actors")]
    if measure.get("urged_by"):
        lines.append(f"Urged by {_names(b, measure['urged_by'])}{_inferred(measure, 'urged_by')}")
    return _quoted(b, measure, lines)


def _figure(b: Briefing, figure: Record) -> dict[str, Any]:
    return _quoted(b, figure, [_capital(_according(b, account(b, figure)))])


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _actor(b: Briefing, actor: Record) -> dict[str, Any]:
    """Who the actor is, as its page's first line says: each role once, or its kind."""
    roles = [
        f"{title} ({b.records[of].label})" if of else title for title, of, _ in roles_once(actor)
    ]
    return {"lines": ["; ".join(roles) or _capital(a_or_an(actor["kind"].replace("-", " ")))]}


def _source(b: Briefing, source: Record) -> dict[str, Any]:
    line = _capital(source["kind"].replace("-", " "))
    if source.get("publisher"):
        line += f" in {b.records[source['publisher']].label}{_inferred(source, 'publisher')}"
    published = _dated(source, "published")
    line += f", published {published}" if published else ", date not stated"
    author = [f"Author: {b.records[source['author']].label}"] if source.get("author") else []
    return {"lines": [line, *author]}


def _judgment(b: Briefing, judgment: Record) -> dict[str, Any]:
    odds = f"{_capital(judgment['likelihood'])}; {judgment['confidence']} confidence"
    return {"lines": [odds, "A key judgment: the analyst's, not the words of any source"]}


def _question(b: Briefing, question: Record) -> dict[str, Any]:
    answering = markup.counted(len(question["claims"]), "claims")
    sides = [p["position"] for p in question.get("positions", []) if p["claims"]]
    return {"lines": [f"{answering}; sides: {'; '.join(sides)}" if sides else answering]}


# The hooks a kind's entry names (``Kind.preview``): what a preview shows under its title (its
# lines, and the quote with its source), beyond the record's grades.
PREVIEWS: dict[str, Callable[[Briefing, Record], dict[str, Any]]] = {
    "claim": _claim,
    "measure": _measure,
    "figure": _figure,
    "actor": _actor,
    "source": _source,
    "judgment": _judgment,
    "question": _question,
}
