"""Where a printed page's links were. A browser's printout keeps every link of the page as a
link annotation over its words; what is mostly links (menus, related headlines, share buttons,
tags) is the page's, not the article's, even when it is set in the article's type, as on a
page printed without its style sheet."""

from __future__ import annotations

import io

from pdfminer.layout import LTChar, LTTextLine
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1

Area = tuple[float, float, float, float]
_TALLEST = 40  # points: a taller link wraps a whole block (a card, a page), not words


def link_areas(raw: bytes) -> list[list[Area]]:
    """Each page's link rectangles, in the PDF's coordinates."""
    pages = []
    for page in PDFPage.create_pages(PDFDocument(PDFParser(io.BytesIO(raw)))):
        areas = []
        for annotation in resolve1(page.annots) or []:
            annotation = resolve1(annotation)
            if not isinstance(annotation, dict):
                continue
            subtype = resolve1(annotation.get("Subtype"))
            rect = [resolve1(v) for v in resolve1(annotation.get("Rect")) or []]
            if getattr(subtype, "name", "") == "Link" and len(rect) == 4:
                (x0, x1), (y0, y1) = sorted(rect[::2]), sorted(rect[1::2])
                if y1 - y0 <= _TALLEST:
                    areas.append((x0, y0, x1, y1))
        pages.append(areas)
    return pages


def linked_share(line: LTTextLine, areas: list[Area]) -> float:
    """The share of the line's characters that lie inside a link."""
    chars = [c for c in line if isinstance(c, LTChar) and c.get_text().strip()]
    if not chars or not areas:
        return 0.0
    inside = 0
    for char in chars:
        x, y = (char.x0 + char.x1) / 2, (char.y0 + char.y1) / 2
        inside += any(x0 <= x <= x1 and y0 <= y <= y1 for x0, y0, x1, y1 in areas)
    return inside / len(chars)
