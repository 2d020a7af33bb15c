"""What a web page says of itself: its title, authors, site name, publication date and
canonical address, each with the field it was read from, so the front matter can say how it is
known ("from the page's metadata (og:site_name)").

Each value is taken from the first field that has one, in the order below: the page's own
OpenGraph and ``<meta>`` tags first, then its schema.org JSON-LD, then its microdata and the
plain HTML. Authors are found by ``page_authors``, days read by ``page_dates``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from lxml import html as lxml_html

from generator.authoring.importing import page_authors, page_dates

_CDATA = re.compile(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$")
# Fields of the publication date after OpenGraph's and JSON-LD's, most particular first
_DATE_FIELDS = (
    "parsely-pub-date", "pdate", "dc.date.issued", "dcterms.issued", "itemprop datepublished",
    "datepublished", "pubdate", "publishdate", "article:publicationdate", "date", "dc.date",
)  # fmt: skip
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
        ("og:title", _one(meta, "og:title")),
        ("JSON-LD headline", article.get("headline")),
        ("<title>", _text(tree.find(".//title"))),
    )
    publisher = article.get("publisher")
    found.site_name = _first(
        ("og:site_name", _one(meta, "og:site_name")),
        ("JSON-LD publisher", _name(publisher) or _name(organisation)),
        ("application-name", _one(meta, "application-name")),
    )
    found.site_name = _without_slogan(found.site_name, _name(publisher) or _name(organisation))
    site_names = {
        name
        for name in (_one(meta, "og:site_name"), _one(meta, "publisher"), _one(meta, "dc.publisher"),
                     _name(publisher), _name(organisation), _one(meta, "application-name"))
        if name
    }  # fmt: skip
    found.authors = [
        Known(name, source)
        for name, source in page_authors.authors(tree, meta, article, site_names)
    ]
    found.published = _first(
        *(
            (name, page_dates.day(_one(meta, name)))
            for name in ("article:published_time", "og:article:published_time", "article:published")
        ),
        ("JSON-LD datePublished", page_dates.day(_name(article, "datePublished"))),
        (
            "parsely-page pub_date",
            page_dates.day(_name(page_authors.parsely_page(meta), "pub_date")),
        ),
        *((_date_field(name), page_dates.day(_one(meta, name))) for name in _DATE_FIELDS),
        ("<time itemprop=datePublished>", page_dates.day(_time(tree, "itemprop", "datePublished"))),
        ("<time pubdate>", page_dates.day(_time(tree, "pubdate", None))),
    )
    canonical = tree.xpath('//link[translate(@rel, "CANONICAL", "canonical")="canonical"]/@href')
    found.url = _first(
        ("canonical link", canonical[0] if canonical else None),
        ("og:url", _one(meta, "og:url")),
        ("JSON-LD url", article.get("url") or _name(article.get("mainEntityOfPage"), "@id")),
    )
    return found


def _without_slogan(site: Known | None, publisher: str | None) -> Known | None:
    """The site's name without the slogan after it ("Aktuálně.cz - Víte, co se právě děje")
    when its publisher's name in JSON-LD is the part before."""
    parts = re.split(r"\s+[-|–—:]\s+", site.value) if site else []
    if site and publisher and len(parts) > 1 and parts[0].casefold() == publisher.casefold():
        return Known(parts[0], site.field)
    return site


def _date_field(name: str) -> str:
    return {
        "itemprop datepublished": "itemprop datePublished",
        "datepublished": "datePublished",
    }.get(name, name)


def _time(tree: lxml_html.HtmlElement, attribute: str, value: str | None) -> str | None:
    """The ``datetime`` (or ``content``) of the first ``<time>`` whose ``attribute`` is
    ``value`` (or is there at all)."""
    test = f'@{attribute}="{value}"' if value else f"@{attribute}"
    found = tree.xpath(f"//body//time[{test}]")
    return (found[0].get("datetime") or found[0].get("content")) if found else None


def _one(meta: dict[str, list[str]], key: str) -> str | None:
    return meta[key][0] if meta.get(key) else None


def _meta_tags(tree: lxml_html.HtmlElement) -> dict[str, list[str]]:
    """``<meta>`` tags' contents by their property, name or itemprop (as "itemprop author"),
    lowercased, in the page's order."""
    tags: dict[str, list[str]] = {}
    for element in tree.iter("meta"):
        content = " ".join((element.get("content") or "").split())
        keys = [element.get("property"), element.get("name")]
        keys += [f"itemprop {prop}" for prop in (element.get("itemprop") or "").split()]
        for key in {(k or "").strip().lower() for k in keys} - {""}:
            if content:
                tags.setdefault(key, []).append(content)
    return tags


def _json_ld(tree: lxml_html.HtmlElement) -> list[dict[str, Any]]:
    """Every object of the page's JSON-LD blocks, a ``@graph``'s items among them."""
    found: list[dict[str, Any]] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(_CDATA.sub("", script.text or ""))
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


def _text(element: lxml_html.HtmlElement | None) -> str | None:
    return " ".join(element.text_content().split()) if element is not None else None


def _first(*candidates: tuple[str, str | None]) -> Known | None:
    for source, value in candidates:
        value = " ".join((value or "").split())
        if value:
            return Known(value, source)
    return None
