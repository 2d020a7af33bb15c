"""The theme's indentation is taken out of every page, and nothing a browser shows changes."""

from __future__ import annotations

import re
from pathlib import Path

from generator.integrations.html_whitespace import KEPT, without_indentation

PAGE = """<!doctype html>
<html>
  <body>
    <nav>
      <a href="x">
        Home
      </a>
    </nav>
    <pre>  indented
    code</pre>
    <TEXTAREA>  typed
      text</TEXTAREA>
    <script>
      var s = `a
        b`;
    </script>
    <style>
      p { color: red }
    </style>
    <p>one
       two   three</p>
  </body>
</html>
"""


def test_indentation_goes_and_kept_whitespace_stays() -> None:
    squeezed = without_indentation(PAGE)
    assert '\n<nav>\n<a href="x">\nHome\n</a>\n</nav>' in squeezed
    for kept in ("<pre>  indented\n    code</pre>", "<TEXTAREA>  typed\n      text</TEXTAREA>"):
        assert kept in squeezed
    assert "var s = `a\n        b`;" in squeezed and "\n      p { color: red }" in squeezed
    assert "<p>one\ntwo   three</p>" in squeezed  # inside a line, spaces are the page's own
    # what a browser shows: each run of whitespace one space, outside the kept elements
    shown = [re.sub(r"\s+", " ", part) for part in KEPT.split(PAGE)]
    assert [re.sub(r"\s+", " ", part) for part in KEPT.split(squeezed)] == shown


def test_no_built_page_is_indented(built_site: Path) -> None:
    pages = sorted((built_site / "site").rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        outside = KEPT.sub("", page.read_text(encoding="utf-8"))
        assert not re.search(r"\n[ \t]", outside), page
