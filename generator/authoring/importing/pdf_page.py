"""The article of a news page printed to PDF: its lines joined back into paragraphs, the
printout's repeated header and footer dropped, and of the page's furniture only the body kept.

A printed page holds everything the browser showed (menus, banners, comments), with no markup
left to tell them apart; what is left is how the text looks. The body is the paragraphs set in
the page's most used type (font and size), from the headline (the largest type) on; the byline
is the line after the headline that starts with "By".

pdfminer.six reads the text: unlike pypdf it gives each line's font, size and place, which the
paragraphs, the header and footer and the body are found from (benchmarks/importing.py).
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTChar, LTTextBox, LTTextLine
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1

from generator.authoring.importing import article_span, bylines, paragraphs, pdf_links
from generator.authoring.importing.dehyphenation import join_lines
from generator.authoring.importing.page_metadata import Known, PageMetadata
from generator.problems import InputError, Location, Problem

_ENDS_SENTENCE = re.compile(r"[.!?:\"”’»)]$")
_ADDRESS = re.compile(r"^https?://\S+$")
_FILLED = 0.6  # of the column's width: a paragraph's lines fill it, all but its last


@dataclass(frozen=True)
class Line:
    text: str
    style: tuple[str, float]  # the font and size most of its characters are set in
    top: float  # from the top of the document, in points (pages stacked)
    page: int
    left: float
    right: float
    linked: float  # the share of its characters inside a link


@dataclass(frozen=True)
class Extracted:
    text: str
    metadata: PageMetadata


def extract(raw: bytes, shown: str) -> Extracted:
    """The article of the PDF ``raw`` (``shown``: how messages name it)."""
    lines, pages, title = _lines(raw, shown)
    if not any(line.text.strip() for line in lines):
        message = "no text layer: the PDF holds pictures of its pages only (a scan?)"
        hint = "run text recognition on it first (e.g. ocrmypdf), then import the result"
        raise InputError([Problem(Location(shown), message, hint)])
    repeated = _repeated(lines, pages)
    kept = [line for line in lines if line.text not in repeated]
    headline, byline, body = _article(kept) if kept else ("", "", [])
    metadata = _titled(title, headline)
    site = {metadata.site_name.value} if metadata.site_name else set()
    names = bylines.names(byline, site)  # "By Jane Roe, Reuters" is Jane Roe
    metadata.authors = [Known(name, "the printout's byline") for name in names]
    printed = [line.text for line in lines if line.text in repeated and _ADDRESS.match(line.text)]
    if printed:
        metadata.url = Known(printed[0], "the address printed in the page's footer")
    return Extracted(paragraphs.article_text(headline, byline, body), metadata)


def _titled(title: str, headline: str) -> PageMetadata:
    """The document's title, and the site's name when the title is the headline followed by
    it, as a browser's printout has it ("Council votes ... | The Harbour Gazette")."""
    metadata = PageMetadata(title=Known(title, "the PDF's title") if title else None)
    rest = title[len(headline) :] if headline and title.startswith(headline) else ""
    named = re.match(r"^\s+[|\-–—·:]\s+(\S.*)$", rest)
    if named:  # the site is the last part: "headline | Author | Section | The Guardian"
        site = re.split(r"\s+[|–—·]\s+", named.group(1))[-1]
        metadata.title = Known(headline, "the PDF's title")
        metadata.site_name = Known(site, "the PDF's title, after the headline")
    return metadata


def _lines(raw: bytes, shown: str) -> tuple[list[Line], int, str]:
    """Every line of text in reading order, its pages' count and the document's title."""
    found: list[Line] = []
    offset, pages = 0.0, 0
    try:
        links = pdf_links.link_areas(raw)
        for pages, layout in enumerate(extract_pages(io.BytesIO(raw), laparams=LAParams()), 1):
            areas = links[pages - 1] if pages <= len(links) else []
            for box in layout:
                if isinstance(box, LTTextBox):
                    found += [_line(line, offset + layout.height, pages, areas) for line in box]
            offset += layout.height
        title = _title(raw)
    except Exception as error:  # noqa: BLE001 - a damaged file can fail the parser anywhere
        message = f"not a readable PDF: {error or type(error).__name__}"
        raise InputError([Problem(Location(shown), message)]) from None
    return [line for line in found if line.text], pages, title


def _line(line: LTTextLine, bottom: float, page: int, areas: list[pdf_links.Area]) -> Line:
    styles = Counter(
        (char.fontname.split("+")[-1], round(char.size, 1))
        for char in line
        if isinstance(char, LTChar) and char.get_text().strip()
    )
    style = styles.most_common(1)[0][0] if styles else ("", 0.0)
    text, linked = paragraphs.clean(line.get_text()), pdf_links.linked_share(line, areas)
    return Line(text, style, bottom - line.y1, page, line.x0, line.x1, linked)


def _title(raw: bytes) -> str:
    info = PDFDocument(PDFParser(io.BytesIO(raw))).info
    title = resolve1(info[0].get("Title")) if info else None
    if isinstance(title, bytes):
        title = (
            title.decode("utf-16")
            if title[:2] in (b"\xfe\xff", b"\xff\xfe")
            else title.decode("latin-1")
        )
    return paragraphs.clean(title) if isinstance(title, str) else ""


def _shape(text: str) -> str:
    """A line with its digits as #: the header '12/6/26, 7:18 AM' and the footer's '1/4' and
    '2/4' are the same line on every page."""
    return re.sub(r"\d+", "#", text)


def _repeated(lines: list[Line], pages: int) -> set[str]:
    """The lines the printout repeats on most pages: its header and footer."""
    if pages < 2:
        return set()
    on_pages: dict[str, set[int]] = {}
    for line in lines:
        on_pages.setdefault(_shape(line.text), set()).add(line.page)
    common = {shape for shape, seen in on_pages.items() if len(seen) >= max(2, pages / 2)}
    return {line.text for line in lines if _shape(line.text) in common}


def _article(lines: list[Line]) -> tuple[str, str, list[str]]:
    """The headline, the byline and the body's paragraphs."""
    size = max(line.style[1] for line in lines)
    start = next(i for i, line in enumerate(lines) if line.style[1] == size)
    end = start
    while end + 1 < len(lines) and lines[end + 1].style == lines[start].style:
        end += 1
    headline = " ".join(line.text for line in lines[start : end + 1])
    rest = lines[end + 1 :] or lines
    byline = next((line.text for line in rest[:4] if re.match(r"By\s+\w", line.text)), "")
    # The body's type: the one whose lines run longest and most (a body's lines fill the
    # column; a sidebar's, a menu's and a comment's are short or few)
    weight: Counter[tuple[str, float]] = Counter()
    for line in rest:
        weight[line.style] += len(line.text) ** 2
    body_style = weight.most_common(1)[0][0]
    if body_style == lines[start].style:  # no headline set apart: the text starts the body
        headline, rest = "", lines
    # with the headings that end the body, whatever their type ("More stories")
    found = _paragraphs([n for n in rest if n.style == body_style or article_span.ends([n])])
    return headline, byline, [join_lines([line.text for line in group]) for group in found]


def _paragraphs(lines: list[Line]) -> list[list[Line]]:
    """Lines joined into paragraphs: a wider gap than the type's usual line spacing starts a
    new one; a paragraph that a page break cut (no full stop at the page's end) goes on."""
    gaps = Counter(
        round(b.top - a.top) for a, b in zip(lines, lines[1:], strict=False) if b.page == a.page
    )
    spacing = min((gap for gap, _ in gaps.most_common(2) if gap > 0), default=0)
    left = min((line.left for line in lines), default=0.0)
    width = max((line.right for line in lines), default=0.0) - left
    groups: list[list[Line]] = []
    for index, line in enumerate(lines):
        before = lines[index - 1] if index else None
        if before is None or before.right - left < _FILLED * width:
            joined = False  # a line that stops well short of the column ends its paragraph
        elif before.page != line.page:
            joined = not _ENDS_SENTENCE.search(before.text)
        else:
            joined = 0 < line.top - before.top <= spacing * 1.25
        if joined:
            groups[-1].append(line)
        else:
            groups.append([line])
    return article_span.kept(groups)
