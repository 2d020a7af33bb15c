"""How well each candidate library takes the article out of a news page and its printout.

    .venv/bin/python benchmarks/importing.py [PAGES_FOLDER]

For each page (default: tests/fixtures/pages/, realistic news pages with menus, a cookie
banner, share bars, advertisements, related links, a newsletter box, comments and a footer,
and the same pages printed to PDF by Chromium) and the expected article beside it
(``<page>.json``: its body paragraphs and phrases of its furniture), it prints per candidate:
the body paragraphs kept whole (recall), the furniture phrases kept (none is precise), whether
the metadata came with it, and the time. The candidates not installed are skipped:
readability-lxml and pypdf are not dependencies (``pip install readability-lxml pypdf``).
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

PAGES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "pages"


def briefing_html(raw: bytes) -> tuple[str, bool]:
    from generator.authoring.importing import web_page

    extracted = web_page.extract(raw)
    return extracted.text, bool(extracted.metadata.site_name and extracted.metadata.published)


def trafilatura_alone(raw: bytes) -> tuple[str, bool]:
    import trafilatura

    text = trafilatura.extract(raw.decode("utf-8"), favor_precision=True) or ""
    found = trafilatura.extract_metadata(raw.decode("utf-8"))
    return text, bool(found and found.sitename and found.date)


def readability(raw: bytes) -> tuple[str, bool]:
    import lxml.html
    from readability import Document

    document = Document(raw.decode("utf-8"))
    tree = lxml.html.fromstring(document.summary())
    blocks = (" ".join(e.text_content().split()) for e in tree.iter("p", "h1", "h2", "li"))
    return document.title() + "\n" + "\n".join(b for b in blocks if b), False


def briefing_pdf(raw: bytes) -> tuple[str, bool]:
    from generator.authoring.importing import pdf_page

    extracted = pdf_page.extract(raw, "page.pdf")
    return extracted.text, bool(extracted.metadata.url)


def pypdf_text(raw: bytes) -> tuple[str, bool]:
    import io

    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(raw))
    return "\n".join(page.extract_text() for page in reader.pages), False


def pdfminer_text(raw: bytes) -> tuple[str, bool]:
    import io

    from pdfminer.high_level import extract_text

    return extract_text(io.BytesIO(raw)), False


CANDIDATES: dict[str, list[tuple[str, Callable[[bytes], tuple[str, bool]]]]] = {
    ".html": [
        ("briefing (trafilatura)", briefing_html),
        ("trafilatura alone", trafilatura_alone),
        ("readability-lxml", readability),
    ],
    ".pdf": [
        ("briefing (pdfminer.six)", briefing_pdf),
        ("pdfminer.six text", pdfminer_text),
        ("pypdf text", pypdf_text),
    ],
}


def main(folder: Path) -> None:
    print(f"{'candidate':26} {'page':22} {'paragraphs':>10} {'furniture':>9} {'meta':>4} {'ms':>6}")
    for suffix, candidates in CANDIDATES.items():
        for name, extract in candidates:
            for page in sorted(folder.glob(f"*{suffix}")):
                expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
                raw = page.read_bytes()
                try:
                    started = time.perf_counter()
                    text, metadata = extract(raw)
                    took = (time.perf_counter() - started) * 1000
                except ImportError:
                    print(f"{name:26} not installed")
                    break
                flat = " ".join(text.split())
                kept = sum(" ".join(p.split()) in flat for p in expected["paragraphs"])
                furniture = [p for p in expected["boilerplate"] if p.lower() in text.lower()]
                print(
                    f"{name:26} {page.name:22} {kept:>4} of {len(expected['paragraphs']):<3} "
                    f"{len(furniture):>9} {'yes' if metadata else 'no':>4} {took:>6.0f}"
                )


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else PAGES)
