"""The indentation of the theme's templates, taken out of every page MkDocs writes.

Material's templates indent their HTML: at 10,000 records that was a fifth of a record page's
26 kB. A run of whitespace that starts a line becomes the line break alone, which a browser
shows as the same one space (or none, between blocks), except where whitespace is kept as
written: inside ``<pre>``, ``<textarea>``, ``<script>`` and ``<style>``, left as they are. No
tag of the theme's or the pages' spans lines, so only text between tags changes.
"""

from __future__ import annotations

import re

KEPT = re.compile(r"<(pre|textarea|script|style)\b.*?</\1\s*>", re.S | re.I)
INDENTED = re.compile(r"\n\s+")


def without_indentation(html: str) -> str:
    pieces, start = [], 0
    for kept in KEPT.finditer(html):
        pieces += [INDENTED.sub("\n", html[start : kept.start()]), kept.group(0)]
        start = kept.end()
    pieces.append(INDENTED.sub("\n", html[start:]))
    return "".join(pieces)
