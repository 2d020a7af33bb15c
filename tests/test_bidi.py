"""An article's text is stored as received, bidi controls and all; its source page isolates each
run that holds one, so that it cannot reorder the numbers and names the page puts after it."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from conftest import run_cli


def _with_override(root: Path) -> str:
    """The minimal article with a right-to-left override opened, and never closed, before a
    quoted passage: the text as it is stored."""
    path = root / "seeds" / "articles" / "bridge-closure.txt"
    content = path.read_text(encoding="utf-8")
    front, text = content.split("\n---\n", 1)
    text = text.replace("said on Tuesday", "said on \u202eTuesday\u2067")
    sha = re.search(r"sha256: (\w+)", front).group(1)
    front = front.replace(sha, hashlib.sha256(text.encode()).hexdigest())
    path.write_text(f"{front}\n---\n{text}", encoding="utf-8")
    return text


def test_an_article_with_bidi_controls_is_stored_as_received_and_isolated(minimal: Path) -> None:
    text = _with_override(minimal)

    assert run_cli(minimal, "generate").code == 0

    page = (minimal / "docs" / "sources" / "bridge-closure.md").read_text(encoding="utf-8")
    # the run holding the override is closed (isolate, then override) and isolated, before the
    # mention and the note that follow it
    assert "<bdi> said on \u202eTuesday\u2067 that \u2069\u202c</bdi>" in page
    assert page.count("\u202e") == 1
    assert text.count("\u202e") == 1  # the stored text: untouched
    # the same words around a quote on the record's page, and as a sentence no record covers
    docs = minimal / "docs"
    measure = (docs / "measures" / "close-bridge.md").read_text(encoding="utf-8")
    assert "said on \u202eTuesday\u2067 that \u2069\u202c</bdi><mark" in measure
    coverage = (docs / "coverage" / "bridge-closure.md").read_text(encoding="utf-8")
    assert "<bdi>The mayor of Springfield said on \u202eTuesday\u2067 that" in coverage
