"""Rules that hold for every briefing, whatever its articles and records.

Each rule takes a built project (its root, or its site/ folder, and its checked model) and
returns the problems it found, as lines a failed assertion prints: ``[]`` means the rule
holds. Records are found through the model, never by name, so the rules can run on the
project's own seeds, whatever they hold, as well as on fixtures.
"""

from __future__ import annotations

import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from generator.input.evidence import fold
from generator.input.loading import load_article
from generator.kinds import KINDS
from generator.model.records import Briefing, Evidence, Record

INDEX_PAGES = tuple(KINDS)  # every kind has its index page, whichever kinds there are

# Elements and attributes whose address the browser fetches by itself, without a click
_LOADS = {"src", "srcset", "poster", "data", "background"}
_CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""", re.S)


class Page(HTMLParser):
    """What one HTML page links to and loads."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []  # href of every <a>
        self.loads: list[str] = []  # addresses fetched as the page loads
        self.ids: set[str] = set()
        self.styles: list[str] = []  # inline CSS: style attributes and <style> elements
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("href"):
            self.links.append(values["href"])
        if tag == "link" and values.get("href"):
            self.loads.append(values["href"])
        for name in _LOADS & values.keys():
            if name == "data" and tag != "object":
                continue
            if name == "srcset":  # "address 2x, address 640w"
                self.loads += [c.split()[0] for c in values[name].split(",") if c.strip()]
            elif values[name]:
                self.loads.append(values[name])
        if values.get("style"):
            self.styles.append(values["style"])
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)


def parse(page: Path) -> Page:
    parser = Page()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def page_of(site: Path, section: str, record_id: str) -> Path:
    return site / section / record_id / "index.html"


def internal_targets(site: Path, page: Path) -> set[str]:
    """The site-relative paths (``claims/x/``) a page links to, without their fragments."""
    base = "/" + page.parent.relative_to(site).as_posix() + "/"
    targets = set()
    for href in parse(page).links:
        if urlsplit(href).scheme:
            continue
        targets.add(urlsplit(urljoin(base, href)).path.lstrip("/"))
    return targets


def all_evidence(record: Record) -> list[Evidence]:
    return [*record.evidence, *(role.evidence for role in record.roles)]


# --- the input --------------------------------------------------------------------------------


def articles_are_as_received(root: Path) -> list[str]:
    """Each article's text, after its front matter, has the SHA-256 it was received with."""
    problems = []
    for path in sorted((root / "seeds" / "articles").glob("*.txt")):
        meta = load_article(path, root).meta.data
        body = path.read_bytes().split(b"\n---\n", 1)[1]
        if hashlib.sha256(body).hexdigest() != meta["received"]["sha256"]:
            problems.append(f"{path.name}: its text is not what was received")
    return problems


def quotes_are_the_articles_words(briefing: Briefing) -> list[str]:
    """Every quote of every record occurs in its article, and the place the model gives it
    holds those words (whitespace and the style of quotation marks aside)."""
    problems = []
    for record in briefing.records.values():
        for evidence in all_evidence(record):
            article = briefing.articles.get(evidence.source)
            where = f"{record.section}/{record.id}: {evidence.quote!r}"
            if article is None:
                problems.append(f"{where}: {evidence.source} is not an article held")
                continue
            if fold(evidence.quote) not in fold(article.text):
                problems.append(f"{where}: not in {evidence.source}")
            elif fold(article.text[evidence.start : evidence.end]) != fold(evidence.quote):
                problems.append(f"{where}: {evidence.source} has other words at its place")
    return problems


# --- the built site ---------------------------------------------------------------------------


def every_record_has_its_page(site: Path, briefing: Briefing) -> list[str]:
    """Each record's page at /<section>/<id>/, and every index page."""
    missing = [
        f"{record.section}/{record.id}/"
        for record in briefing.records.values()
        if not page_of(site, record.section, record.id).is_file()
    ]
    missing += [f"{s}/" for s in INDEX_PAGES if not (site / s / "index.html").is_file()]
    return missing + ([] if (site / "index.html").is_file() else ["the home page"])


def records_link_both_ways(site: Path, briefing: Briefing) -> list[str]:
    """A record's page links to every record it names (its speaker, its sources, the claims it
    disputes...), and the page of each named record links back to it."""
    problems = []
    targets = {}

    def links_of(record: Record) -> set[str]:
        if record.id not in targets:
            targets[record.id] = internal_targets(site, page_of(site, record.section, record.id))
        return targets[record.id]

    for record in briefing.records.values():
        for name, ids in record.named.items():
            for target_id in ids:
                target = briefing.records[target_id]
                if target is record:
                    continue
                if f"{target.section}/{target.id}/" not in links_of(record):
                    problems.append(f"{record.section}/{record.id} does not link to {target_id}")
                if f"{record.section}/{record.id}/" not in links_of(target):
                    problems.append(
                        f"{target.section}/{target_id} does not link back to {record.id} ({name})"
                    )
    return problems


def evidence_links_land_on_marked_passages(site: Path, briefing: Briefing) -> list[str]:
    """The evidence of a record of a kind whose words cover the article (a claim, a measure, a
    figure, or any kind added) links to its passage on the article's page, where the quoted
    words are marked."""
    problems = []
    marks: dict[str, dict[str, str]] = {}
    for record in briefing.records.values():
        kind = KINDS[record.section]
        if not (kind.covers_sentences and kind.evidenced) or record.section == "sources":
            continue
        links = parse(page_of(site, record.section, record.id)).links
        for evidence in record.evidence:
            where = f"{record.section}/{record.id} -> {evidence.source}#{evidence.anchor}"
            if f"../../sources/{evidence.source}/#{evidence.anchor}" not in links:
                problems.append(f"{where}: no link to the passage")
            if evidence.source not in marks:
                html = page_of(site, "sources", evidence.source).read_text(encoding="utf-8")
                marks[evidence.source] = _marked(html)
            marked = marks[evidence.source].get(evidence.anchor)
            if marked is None:
                problems.append(f"{where}: the passage is not marked")
            elif re.search(r"\w+", evidence.quote).group() not in marked:
                problems.append(f"{where}: the marked passage does not hold the quote")
    return problems


def _marked(html: str) -> dict[str, str]:
    """The text each marked passage of a source page starts with, by its id (passages nest, so
    the text runs to the first closing tag)."""
    found = {}
    for match in re.finditer(r'<mark class="evidence(?: even)?" id="([^"]+)">', html):
        text = html[match.end() : html.find("</mark>", match.end())]
        found[match.group(1)] = re.sub(r"<[^>]+>", "", text)
    return found


def internal_links_resolve(site: Path) -> list[str]:
    """Every link between pages reaches a page or file of the site, and its anchor, if it
    names one, is on that page. Links in raw HTML (the network's, the passage notes') escape
    MkDocs' own validation."""
    ids: dict[Path, set[str]] = {}
    broken = []
    for page in sorted(site.rglob("*.html")):
        if page.name == "404.html":  # served from any depth, so its links are root-absolute
            continue
        for href in parse(page).links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc:
                continue
            target = (page.parent / parts.path).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists() or site.resolve() not in target.parents:
                broken.append(f"{page.relative_to(site)} -> {href}")
            elif parts.fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = parse(target).ids
                if parts.fragment not in ids[target]:
                    broken.append(f"{page.relative_to(site)} -> {href} (no such anchor)")
    return broken


def _elsewhere(address: str) -> bool:
    """Whether the browser would fetch ``address`` from another host."""
    parts = urlsplit(address.strip())
    return bool(parts.netloc) or parts.scheme not in ("", "data", "blob")


def loads_nothing_from_other_hosts(site: Path) -> list[str]:
    """No page, and no stylesheet, makes the browser fetch anything from another host: no
    fonts, scripts, images or frames from elsewhere (the site has no address of its own, so
    every address with a host is another host)."""
    found = []
    for page in sorted(site.rglob("*.html")):
        parsed = parse(page)
        styles = " ".join(parsed.styles)
        addresses = parsed.loads + [m.group(2) or m.group(4) for m in _CSS_URL.finditer(styles)]
        found += [f"{page.relative_to(site)}: {a}" for a in addresses if _elsewhere(a)]
    for sheet in sorted(site.rglob("*.css")):
        text = sheet.read_text(encoding="utf-8")
        for match in _CSS_URL.finditer(text):
            address = match.group(2) or match.group(4)
            if _elsewhere(address):
                found.append(f"{sheet.relative_to(site)}: {address[:80]}")
    return found


def search_finds_every_record(site: Path, briefing: Briefing) -> list[str]:
    """The search index (Pagefind's) holds every page, and every record's page carries the
    filter of its kind."""
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    indexed = sum(language["page_count"] for language in entry["languages"].values())
    pages = len(list(site.rglob("index.html")))
    found = [] if indexed == pages else [f"{indexed} pages indexed of {pages}"]
    for record in briefing.records.values():
        page = site / record.section / record.id / "index.html"
        if f'data-pagefind-filter="{record.section}:1"' not in page.read_text(encoding="utf-8"):
            found.append(f"{record.section}/{record.id}/")
    return found


class _Lists(HTMLParser):
    """The record links inside each quotation and each list item of a page's content."""

    def __init__(self, base: str) -> None:
        super().__init__()
        self.base = base
        self.quoted: list[str] = []  # record links found inside a <blockquote>
        self.items: list[list[str]] = []  # record links of each <li> that opens with one
        self._open: list[list[str] | None] = []  # None: an item that opened with text
        self._quotes = 0
        self._content = 0  # depth inside <article>, where the page's content is

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article" or self._content:
            self._content += tag not in _VOID
        if not self._content:
            return
        if tag == "blockquote":
            self._quotes += 1
        elif tag == "li":
            self._open.append([])
        elif tag == "a":
            target = _record_target(self.base, dict(attrs).get("href") or "")
            if target and self._quotes:
                self.quoted.append(target)
            if self._open and self._open[-1] is not None and (target or self._open[-1]):
                self._open[-1].append(target or "")

    def handle_endtag(self, tag: str) -> None:
        if not self._content:
            return
        self._content -= tag not in _VOID
        if tag == "blockquote":
            self._quotes -= 1
        elif tag == "li" and self._open:
            links = self._open.pop()
            if links and links[0]:
                self.items.append([link for link in links if link])

    def handle_data(self, data: str) -> None:
        if self._open and self._open[-1] == [] and data.strip():
            self._open[-1] = None


_VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "source", "col", "area"}
_RECORD_PATH = re.compile(r"^/([a-z]+)/([a-z0-9-]+)/$")


def _record_target(base: str, href: str) -> str | None:
    """``claims/x`` for a link to a record's page, ``None`` for any other link."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    match = _RECORD_PATH.match(urlsplit(urljoin(base, parts.path)).path)
    return f"{match[1]}/{match[2]}" if match and match[1] in RECORD_SECTIONS else None


# Every kind's records but the sources', whose pages quotations cite: a new kind's too
RECORD_SECTIONS = tuple(plural for plural in KINDS if plural != "sources")


def lists_are_lists(site: Path) -> list[str]:
    """No quotation holds a link to another record (a source's page, its citation, aside), and
    no list item that opens with a record holds a second record of that kind: each record
    listed is its own item, whatever its text holds."""
    problems = []
    for page in sorted(site.rglob("index.html")):
        name = page.parent.relative_to(site).as_posix()
        parser = _Lists("/" + name + "/")
        parser.feed(page.read_text(encoding="utf-8"))
        problems += [f"{name}: a quotation holds {target}" for target in parser.quoted]
        for links in parser.items:
            first = links[0].split("/")[0] if links else ""
            same = sorted({link for link in links if link.startswith(first + "/")})
            if len(same) > 1:
                problems.append(f"{name}: one list item holds {', '.join(same)}")
    return problems
