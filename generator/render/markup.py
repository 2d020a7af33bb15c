"""Text from YAML and articles made safe for Markdown, and the markup pages share.

Everything an author or an article supplies passes through ``escape`` before it reaches a page:
no Markdown syntax, HTML tag or line break in the input can change the page's structure. The
markup that Python writes (links, evidence marks and their notes) is written here and only
here, from plain data, so that every sink escapes in one place.
"""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from typing import Any
from urllib.parse import quote

from generator.i18n import _, human_date

_SPECIAL = re.compile(r"([\\`*_{}\[\]#+!|])")
_BLOCK_START = re.compile(r"^(\s*)(\d*)([-.)])")


def escape_run(text: str) -> str:
    """A run of text inside a line: special characters neutralised, spacing kept."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", text)


def escape(text: Any) -> str:
    """Inline Markdown for arbitrary text: no markup, no HTML, no line breaks survive."""
    return _escaped(text if isinstance(text, str) else str(text))


@lru_cache(maxsize=100_000)  # labels recur on many pages: each is escaped once
def _escaped(text: str) -> str:
    return safe_line_start(isolated(escape_run(" ".join(text.split()))))


# Bidi embeddings, overrides and isolates, each with the character that closes it. Annotations
# cannot hold them (a located error); an article's text, stored as received, can.
_CLOSING = dict.fromkeys("\u202a\u202b\u202d\u202e", "\u202c") | dict.fromkeys(
    "\u2066\u2067\u2068", "\u2069"
)
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def isolated(markdown: str) -> str:
    """A run of an article's text that holds bidi controls, closed and isolated in ``<bdi>``:
    what it opens cannot reorder the numbers, names and links the page puts after it, nor the
    text a search result shows after it. The article's characters stay as received; only the
    closing ones are added, on the page."""
    if not _BIDI.search(markdown):
        return markdown
    opened: list[str] = []
    for char in markdown:
        if char in _CLOSING:
            opened.append(_CLOSING[char])
        elif char == "\u202c" and opened and opened[-1] == "\u202c":
            opened.pop()
        elif char == "\u2069" and "\u2069" in opened:
            while opened.pop() != "\u2069":
                pass
    return f"<bdi>{markdown}{''.join(reversed(opened))}</bdi>"


def safe_line_start(markdown: str) -> str:
    """Keep a line from opening a list, a block quote or a ``~~~`` fence (which renderers
    with fenced code read) by its first characters."""
    markdown = _BLOCK_START.sub(r"\1\2\\\3", markdown)
    return "&#126;" + markdown[1:] if markdown.startswith("~") else markdown


def squash(text: str) -> str:
    """Runs of whitespace as one space, the ends kept (unlike str.split)."""
    return re.sub(r"\s+", " ", text)


def attribute(text: str) -> str:
    """Text for an HTML attribute or a Markdown link title: quotes and parentheses as character
    references, since Python-Markdown ends a title at a quote that a parenthesis follows."""
    escaped = escape_run(" ".join(text.split()))
    return escaped.translate(_TITLE_REFERENCES)


_TITLE_REFERENCES = str.maketrans({'"': "&quot;", "'": "&#39;", "(": "&#40;", ")": "&#41;"})


def link(text: str, target: str) -> str:
    """A Markdown link; ``target`` is a path the generator made, never an author's text."""
    return f"[{escape(text)}]({target})"


# What stays as it is in an address's href; everything else, Markdown's brackets and
# parentheses and any non-ASCII letter included, is percent-encoded.
_URL_KEPT = ":/?#&=%~+,;@-._"


def address(url: str) -> str:
    """A link to a source's address, written as HTML so that Markdown never reads the address
    (its brackets and parentheses could otherwise make a link of their own). Only http and
    https addresses reach a page: the schemas accept no other."""
    if not url.lower().startswith(("http://", "https://")):
        raise ValueError(f"not an http(s) address: {url!r}")
    href = html.escape(quote(url, safe=_URL_KEPT))
    return f'<a href="{href}">{escape(url)}</a>'


def tooltip(text: str) -> str:
    """Text for a link title that the theme shows as a tooltip. Material's ``content.tooltips``
    puts the attribute's value into the page as HTML, so that value is escaped once more: the
    browser undoes one escape when it reads the attribute, the tooltip shows the text."""
    return attribute(html.escape(text, quote=False))


def titled_link(markdown: str, target: str, title: str, css_class: str = "") -> str:
    """A Markdown link whose ``title`` shows as its tooltip, with a class if one is given;
    ``markdown`` is already escaped."""
    attributes = f"{{ .{css_class} }}" if css_class else ""
    return f'[{markdown}]({target} "{tooltip(title)}"){attributes}'


def note(number: int, target: str, title: str) -> str:
    """The numbered link after a marked passage, to the record it evidences; ``title`` shows
    as its tooltip."""
    return titled_link(str(number), target, title)


def inferred_mark(text: str, reason: str, target: str) -> str:
    """A value's mark that it is inferred: the reason as the link's tooltip (on hover and
    focus), the list of the record's inferences one click away, and the reason in print."""
    said = _(" (%(reason)s)") % {"reason": escape(reason)}
    shown = f'<span class="inferred-reason">{said}</span>'
    return f" {titled_link(f'*{escape(text)}*', target, reason, 'inferred')}{shown}"


def badge(text: str, title: str, target: str) -> str:
    """A grade's badge: its letter or digit, its meaning as the tooltip, the legend as target."""
    return f" {titled_link(escape(text), target, title, 'grade')}"


def notes(links: list[str]) -> str:
    return f"<sup>{', '.join(links)}</sup>" if links else ""


def opening(tag: str, kind: str, anchor: str | None) -> str:
    """The start of a marked passage (``mark``) or mention (``span``); ``anchor`` is its id."""
    identified = f' id="{anchor}"' if anchor else ""
    return f'<{tag} class="{kind}"{identified}>'


def closing(tag: str) -> str:
    return f"</{tag}>"


def excerpt(before: str, quote: str, after: str) -> str:
    """Quoted words marked, within the words around them, as one line of inline Markdown."""
    before, quote, after = (isolated(escape_run(squash(text))) for text in (before, quote, after))
    marked = f'{before}<mark class="evidence">{quote}</mark>{after}'
    return safe_line_start(marked.strip())


def in_language(markdown: str, language: str) -> str:
    """Inline Markdown marked as written in ``language`` (for screen readers), or as it is
    where ``language`` is empty."""
    return f'<span lang="{attribute(language)}">{markdown}</span>' if language else markdown


def human_period(period: dict[str, str]) -> str:
    """A figure's period as the source gives it: '2017', 'from 2000 to 2015', 'since 1999' (a
    start alone) or 'until 2015' (an end alone)."""
    start, end = period.get("from"), period.get("to")
    if start and end:
        if start == end:
            return human_date(start)
        return _("from %(start)s to %(end)s") % {"start": human_date(start), "end": human_date(end)}
    if start:
        return _("since %(start)s") % {"start": human_date(start)}
    return _("until %(end)s") % {"end": human_date(end or "")}


def paragraphs(text: str) -> list[str]:
    """An author's text as paragraphs: separated by blank lines, or by line breaks when YAML
    folded them (``>`` turns a blank line into one line break)."""
    parts = re.split(r"\n\s*\n", text) if re.search(r"\n\s*\n", text) else text.split("\n")
    return [part for part in (p.strip() for p in parts) if part]


def json_ld(data: dict[str, Any]) -> str:
    """A ``<script type="application/ld+json">`` block holding ``data``."""
    return script_json(data, "application/ld+json")


def script_json(data: dict[str, Any], media_type: str) -> str:
    """A ``<script>`` block of the ``media_type`` holding ``data`` as JSON: no text in it can
    close the script, since every ``<`` and ``>`` is written as a JSON escape."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    safe = text.replace("<", "\\u003c").replace(">", "\\u003e")
    return f'<script type="{media_type}">{safe}</script>'
