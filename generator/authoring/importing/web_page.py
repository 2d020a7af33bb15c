"""The article of a web page saved from a browser or fetched: its headline, byline and body
paragraphs, found by trafilatura, and the metadata the page carries (``page_metadata``).

trafilatura was chosen over readability-lxml after measuring both on realistic news pages
(benchmarks/importing.py): both kept every body paragraph, but readability kept
advertisements, share bars, captions and related links inside the article's container, and
reads no metadata. Before it runs, the page's furniture that news sites mark by class or id
(advertisements, promotions, newsletter boxes, related links, share bars, comments, cookie
banners) is taken out, and so are embedded posts and pictures' captions (``embeds``);
``paragraphs`` drops what is left of it. A page whose metadata names no author has the names
of its byline (``bylines``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin

import trafilatura
from lxml import html as lxml_html

from generator.authoring.importing import bylines, embeds, page_metadata, paragraphs
from generator.authoring.importing.decoding import decoded
from generator.authoring.importing.page_metadata import Known, PageMetadata

_TOKEN = re.compile(r"[a-z0-9]+")
FURNITURE = {
    "ad", "ads", "adslot", "advert", "adverts", "advertisement", "banner", "promo", "promos",
    "newsletter", "newsletters", "signup", "subscribe", "related", "recirc", "share", "sharing",
    "social", "comment", "comments", "disqus", "cookie", "cookies", "consent", "gdpr",
    "sponsor", "sponsored", "outbrain", "taboola", "trust", "popular", "most", "sidebar",
    "widget", "breadcrumb", "breadcrumbs", "tags", "toolbox", "addthis",
}  # fmt: skip
_KEEP = {"html", "body", "main", "article"}
_BYLINE = {"byline", "author", "authors", "writer", "credit"}  # or a class named "by" alone
_SHARE_OF_TEXT = 0.25  # a block pointing to other stories holds less of the page's paragraphs
# A link to a writer's page on the site, as a byline links each of its names
_PROFILE = re.compile(
    r"/(?:authors?|profiles?|people|staff|journalists?|reporters?|writers?|contributors?|by|"
    r"autor|autoren|auteurs?|autores?)/",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Extracted:
    text: str
    metadata: PageMetadata


def extract(raw: bytes, address: str = "") -> Extracted:
    """The article of the page ``raw`` (served from ``address``, if fetched)."""
    tree = lxml_html.fromstring(decoded(raw))
    metadata = page_metadata.read(tree)
    if metadata.url:  # a relative canonical link is read against the page's own address
        absolute = urljoin(address, metadata.url.value) if address else metadata.url.value
        metadata.url = Known(absolute, metadata.url.field) if _is_web(absolute) else None
    if not metadata.url and _is_web(address):
        metadata.url = Known(address, "the address it was fetched from")
    headline = _first_text(tree, "//h1") or (metadata.title.value if metadata.title else "")
    if metadata.title and headline and metadata.title.value.startswith(headline + " "):
        metadata.title = Known(headline, "<h1>")  # the headline, without "| Author | Site"
    byline_element = _byline(tree)
    byline = _shown(byline_element) if byline_element is not None else ""
    if not metadata.authors and byline_element is not None:
        site = {metadata.site_name.value} if metadata.site_name else set()
        metadata.authors = [
            Known(name, "the page's byline") for name in _byline_names(byline_element, site)
        ]
    _remove_furniture(tree)
    cleaned = lxml_html.tostring(tree, encoding="unicode")
    body = trafilatura.extract(
        cleaned,
        favor_precision=True,
        include_comments=False,
        include_tables=False,
        deduplicate=False,
    )
    return Extracted(paragraphs.article_text(headline, byline, (body or "").splitlines()), metadata)


def _is_web(address: str) -> bool:
    return address.startswith(("http://", "https://"))


def _tokens(element: lxml_html.HtmlElement) -> set[str]:
    names = " ".join(
        element.get(a) or "" for a in ("class", "id", "data-testid", "itemprop", "rel")
    )
    return set(_TOKEN.findall(names.lower()))


def _remove_furniture(tree: lxml_html.HtmlElement) -> None:
    """Take out the elements whose class, id or test id names them furniture, unless they hold
    the headline (a page whose ``<body>`` class says 'social' keeps its article)."""
    doomed = [
        element
        for element in tree.iter()
        if isinstance(element.tag, str)
        and element.tag not in _KEEP
        and _tokens(element) & FURNITURE
        and not element.xpath(".//h1")
    ]
    doomed += _other_stories(tree) + embeds.embedded_posts(tree)
    total = sum(len(p.text_content()) for p in tree.iter("p")) or 1
    doomed += [element for element in embeds.captions(tree) if not _holds_article(element, total)]
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()


def _other_stories(tree: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """The blocks a heading introduces as other stories, however they are classed: from the
    heading, the largest block around it that holds no ``<h1>`` and little of the page's
    paragraph text (the article's own text is never in one)."""
    total = sum(len(p.text_content()) for p in tree.iter("p")) or 1
    found = []
    for heading in tree.xpath("//h2|//h3|//h4|//h5|//h6"):
        words = heading.text_content().split()
        heading_text = " ".join(words)
        if not 0 < len(words) <= 6 or not (
            paragraphs.OTHER_STORIES.match(heading_text) or paragraphs.COMMENTS.match(heading_text)
        ):
            continue
        block, parent = heading, heading.getparent()
        while (
            parent is not None
            and parent.tag not in _KEEP
            and not parent.xpath(".//h1")
            and sum(len(p.text_content()) for p in parent.iter("p")) < _SHARE_OF_TEXT * total
        ):
            block, parent = parent, parent.getparent()
        found.append(block)
    return found


def _holds_article(element: lxml_html.HtmlElement, total: int) -> bool:
    """Whether ``element`` holds the headline or much of the page's ``total`` paragraph text
    (a page that sets its whole article in a ``<figure>``)."""
    held = sum(len(p.text_content()) for p in element.iter("p"))
    return bool(element.xpath(".//h1")) or held >= _SHARE_OF_TEXT * total


def _byline(tree: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """The element of the byline as the page shows it ("By Jane Smith, Local Government
    Reporter")."""
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in _KEEP:
            continue
        tokens = _tokens(element)
        named_by = "by" in (element.get("class") or "").lower().split()
        if (tokens & _BYLINE or named_by) and not tokens & {"box", "bio", "card", "menu", "nav"}:
            text = _shown(element)
            if 3 < len(text) < 160 and not paragraphs.is_furniture(text):
                return element
    return None


def _shown(element: lxml_html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def _byline_names(element: lxml_html.HtmlElement, site_names: set[str]) -> list[str]:
    """The names of a byline: each link to a writer's page, or else its words read by
    ``bylines`` ("By Jane Roe and John Doe")."""
    linked = [
        name
        for link in element.iter("a")
        if _PROFILE.search(link.get("href") or "")
        for name in bylines.names(_shown(link), site_names)
    ]
    return list(dict.fromkeys(linked)) or bylines.names(_shown(element), site_names)


def _first_text(tree: lxml_html.HtmlElement, path: str) -> str:
    found = tree.xpath(path)
    return " ".join(found[0].text_content().split()) if found else ""
