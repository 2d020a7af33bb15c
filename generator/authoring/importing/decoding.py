"""A web page's bytes as text. lxml, given bytes, reads only the old ``http-equiv`` charset
declaration: a page that declares ``<meta charset="utf-8">`` (nearly every page today) was read
as Latin-1, and "für" became "fÃ¼r". The text is decoded here instead: a byte-order mark
first, then UTF-8 (a page in another encoding is almost never valid UTF-8), then the charset
the page declares, then Windows-1252 (what browsers read "ISO-8859-1" as)."""

from __future__ import annotations

import codecs
import re

_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)|encoding=["']([\w.:-]+)""", re.I
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")  # lxml refuses it in a str


def decoded(raw: bytes) -> str:
    """The page's text, as its browser would have shown it."""
    bom = next((codec for mark, codec in _BOMS if raw.startswith(mark)), "")
    for codec in [bom, "utf-8", _declared(raw)]:
        if codec:
            try:
                return _XML_DECLARATION.sub("", raw.decode(codec))
            except (UnicodeDecodeError, LookupError):
                continue
    return _XML_DECLARATION.sub("", raw.decode("windows-1252", errors="replace"))


def _declared(raw: bytes) -> str:
    found = _DECLARED.search(raw[:4096])
    if not found:
        return ""
    name = (found.group(1) or found.group(2)).decode("ascii").lower()
    return "windows-1252" if name in {"iso-8859-1", "latin1", "latin-1", "us-ascii"} else name
