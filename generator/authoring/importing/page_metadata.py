"""What a web page says of itself: its title, authors, site name, publication date and
canonical address, each with the field it was read from, so the front matter can say how it is
known ("from the page's metadata (og:site_name)").

Each value is taken from the first field that has one, in the order below: the page's own
OpenGraph and ``<meta>`` tags first, then its schema.org JSON-LD, then the plain HTML.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from lxml import html as lxml_html

_DATE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})")
ARTICLE_TYPES = {
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "BlogPosting",
    "AnalysisNewsArticle",
}


@dataclass(frozen=True)
class Known:
    """A value and the field of the page (or the printout) it was read from."""

    value: str
    field: str


@dataclass
class PageMetadata:
    title: Known | None = None
    authors: list[Known] = field(default_factory=list)
    site_name: Known | None = None
    published: Known | None = None
    url: Known | None = None


def read(tree: lxml_html.HtmlElement) -> PageMetadata:
    """The metadata of the parsed page ``tree``."""
    meta = _meta_tags(tree)
    linked = _json_ld(tree)
    article = next((item for item in linked if _types(item) & ARTICLE_TYPES), {})
    organisation = next((i for i in linked if "Organization" in _types(i) and i.get("name")), {})
    found = PageMetadata()
    found.title = _first(
        ("og:title", meta.get("og:title")),
        ("JSON-LD headline", article.get("headline")),
        ("<title>", _text(tree.find(".//title"))),
    )
    authors = [("meta author", name) for name in _names(meta.get("author"))]
    authors = authors or [("JSON-LD author", name) for name in _people(article.get("author"))]
    found.authors = [Known(name, source) for source, name in authors]
    publisher = article.get("publisher")
    found.site_name = _first(
        ("og:site_name", meta.get("og:site_name")),
        ("JSON-LD publisher", _name(publisher) or _name(organisation)),
        ("application-name", meta.get("application-name")),
    )
    found.published = _first(
        *(
            (name, _day(meta.get(name)))
            for name in ("article:published_time", "datePublished", "pubdate", "date", "dc.date")
        ),
        ("JSON-LD datePublished", _day(article.get("datePublished"))),
    )
    canonical = tree.xpath('//link[translate(@rel, "CANONICAL", "canonical")="canonical"]/@href')
    found.url = _first(
        ("canonical link", canonical[0] if canonical else None),
        ("og:url", meta.get("og:url")),
        ("JSON-LD url", article.get("url") or _name(article.get("mainEntityOfPage"), "@id")),
    )
    return found


def _meta_tags(tree: lxml_html.HtmlElement) -> dict[str, str]:
    """``<meta>`` tags by their property or name, lowercased; the first of each wins."""
    tags: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = (element.get("property") or element.get("name") or "").strip().lower()
        content = " ".join((element.get("content") or "").split())
        if key and content:
            tags.setdefault(key, content)
    return tags


def _json_ld(tree: lxml_html.HtmlElement) -> list[dict[str, Any]]:
    """Every object of the page's JSON-LD blocks, a ``@graph``'s items among them."""
    found: list[dict[str, Any]] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue  # a broken block is the page's problem: the rest still counts
        pending = data if isinstance(data, list) else [data]
        while pending:
            item = pending.pop(0)
            if isinstance(item, dict):
                found.append(item)
                pending += item.get("@graph", []) if isinstance(item.get("@graph"), list) else []
    return found


def _types(item: dict[str, Any]) -> set[str]:
    kind = item.get("@type", [])
    return {kind} if isinstance(kind, str) else {k for k in kind if isinstance(k, str)}


def _name(item: Any, key: str = "name") -> str | None:
    if isinstance(item, str):
        return item if key == "@id" else None
    return item.get(key) if isinstance(item, dict) and isinstance(item.get(key), str) else None


def _people(item: Any) -> list[str]:
    items = item if isinstance(item, list) else [item]
    return [name for one in items for name in _names(_name(one) or "")]


def _names(text: str | None) -> list[str]:
    """The names in an author field: 'Lars Eng, Mei Tan' or 'A and B' are two."""
    parts = re.split(r"\s*(?:,|;|\band\b|&)\s*", text or "")
    return [" ".join(part.split()) for part in parts if part.strip()]


def _day(value: str | None) -> str | None:
    """The day of a timestamp as the page wrote it (its own time zone's day, not UTC's)."""
    found = _DATE.match(value or "")
    return found.group(1) if found else None


def _text(element: lxml_html.HtmlElement | None) -> str | None:
    return " ".join(element.text_content().split()) if element is not None else None


def _first(*candidates: tuple[str, str | None]) -> Known | None:
    for source, value in candidates:
        value = " ".join((value or "").split())
        if value:
            return Known(value, source)
    return None
