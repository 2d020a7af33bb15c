"""Who wrote a page, as its markup says, each name with the field it was read from. The first
source naming someone wins, in this order: the ``<meta>`` fields (``article:author`` when it is
a name, not a profile's address; ``author``; ``byl``; ``parsely-author``; Dublin Core's
creator), the schema.org JSON-LD ``author`` (people, not organisations), Parse.ly's page data,
the microdata ``itemprop="author"`` (its ``itemprop="name"``), and a ``rel="author"`` link's
text. Every value goes through ``bylines.names``: "By Jane Roe, Reuters" is Jane Roe, and the
site's own name or a news agency is nobody.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from lxml import html as lxml_html

from generator.authoring.importing import bylines

META_FIELDS = (
    "article:author", "og:article:author", "author", "byl", "parsely-author", "dc.creator",
    "dcterms.creator",
)  # fmt: skip
Named = tuple[str, str]  # a name and the field it was read from


def authors(
    tree: lxml_html.HtmlElement,
    meta: dict[str, list[str]],
    article: dict[str, Any],
    site_names: set[str],
) -> list[Named]:
    """The authors the page names: ``meta`` is its ``<meta>`` tags, ``article`` its JSON-LD
    article, ``site_names`` the names it gives itself (never an author's)."""
    sources: list[Callable[[], list[Named]]] = [
        *(lambda key=key: _from_meta(meta, key, site_names) for key in META_FIELDS),
        lambda: _from_json_ld(article.get("author"), site_names),
        lambda: _from_parsely(meta, site_names),
        lambda: _from_elements(_itemprop_authors(tree), "itemprop author", site_names),
        lambda: _from_elements(_author_links(tree), "rel author link", site_names),
    ]
    for source in sources:
        found = source()
        if found:
            return found
    return []


def _field(key: str) -> str:
    return key if ":" in key else f"meta {key}"


def _from_meta(meta: dict[str, list[str]], key: str, site_names: set[str]) -> list[Named]:
    return _unique(
        (name, _field(key))
        for value in meta.get(key, [])
        for name in bylines.names(value, site_names)
    )


def _from_json_ld(item: Any, site_names: set[str]) -> list[Named]:
    items = item if isinstance(item, list) else [item]
    found = []
    for one in items:
        kinds = one.get("@type") if isinstance(one, dict) else None
        kinds = {kinds} if isinstance(kinds, str) else set(kinds or [])
        if kinds and "Person" not in kinds:
            continue  # an Organization: the publisher, not a writer
        name = one.get("name") if isinstance(one, dict) else one
        if isinstance(name, str):
            found += [(n, "JSON-LD author") for n in bylines.names(name, site_names)]
    return _unique(found)


def _from_parsely(meta: dict[str, list[str]], site_names: set[str]) -> list[Named]:
    data = parsely_page(meta)
    given = data.get("authors") or data.get("author") or []
    given = given if isinstance(given, list) else [given]
    found = [
        (name, "parsely-page author")
        for value in given
        if isinstance(value, str)
        for name in bylines.names(value, site_names)
    ]
    return _unique(found)


def parsely_page(meta: dict[str, list[str]]) -> dict[str, Any]:
    """The JSON object of ``<meta name="parsely-page">``, or an empty one."""
    try:
        data = json.loads(meta.get("parsely-page", ["{}"])[0])
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _from_elements(
    elements: list[lxml_html.HtmlElement], field: str, site_names: set[str]
) -> list[Named]:
    found = []
    for element in elements:
        inner = element.xpath(
            './/*[contains(concat(" ", normalize-space(@itemprop), " "), " name ")]'
        )
        text = element.get("content") or (
            inner[0].get("content") or inner[0].text_content() if inner else element.text_content()
        )
        found += [(name, field) for name in bylines.names(text, site_names)]
    return _unique(found)


def _itemprop_authors(tree: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """The first ``itemprop="author"`` in the page and those beside it (co-authors): one
    further down is another story's, in a list of related ones."""
    found = tree.xpath('//*[contains(concat(" ", normalize-space(@itemprop), " "), " author ")]')
    return _with_siblings(found)


def _author_links(tree: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    found = tree.xpath('//body//a[contains(concat(" ", normalize-space(@rel), " "), " author ")]')
    return _with_siblings([a for a in found if a.text_content().strip()])


def _with_siblings(found: list[lxml_html.HtmlElement]) -> list[lxml_html.HtmlElement]:
    if not found:
        return []
    parent = found[0].getparent()
    return [element for element in found if element.getparent() is parent]


def _unique(found: Any) -> list[Named]:
    kept: list[Named] = []
    for name, field in found:
        if name not in [k for k, _ in kept]:
            kept.append((name, field))
    return kept
