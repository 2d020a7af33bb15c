"""What the preview serves otherwise than ``build`` writes it, and why.

Each difference names the site's paths it touches, what differs, why, and what erases it from
both sides of a comparison (``as_built``): ``tests/test_preview_parity.py`` fetches every file
that either side has, after the first build and after edits, and holds the preview to this
list. A difference belongs here only if a reader of the preview would not be misled by it.

Not a difference of bytes, and so said here: the preview follows mkdocs.yml's ``strict`` by
telling, not by stopping. A refresh with warnings under ``strict`` prints them and that
``build`` would refuse the site, and serves the pages it rendered (they show what to mend):
keeping the last good pages instead would mean staging every page, as MkDocs writes each page
while it renders it and an anchor's warning comes only after.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Addresses:
    """Where the preview serves (``served``), where mkdocs.yml says the site lives, and whether
    the pages were ``edited`` since the preview's first build."""

    served: str
    site_url: str | None
    edited: bool = False


@dataclass(frozen=True)
class Difference:
    paths: re.Pattern[str]
    what: str
    why: str
    # the bytes at a path (None: no file there) as they compare, the difference erased
    erase: Callable[[bytes | None, Addresses], bytes | None]


def _without_live_reload(data: bytes, _: Addresses) -> bytes:
    return re.sub(rb"<script>\nvar livereload = .*?</script>(?=</body>)", b"", data, flags=re.S)


def _at_site_url(data: bytes, where: Addresses) -> bytes:
    if not where.site_url:
        return data
    for address in (where.served, where.site_url):
        data = data.replace(address.encode(), b"SITE_URL/")
    return data


def _at_server_root(data: bytes, where: Addresses) -> bytes:
    mount = urlsplit(where.site_url or "/").path.rstrip("/") + "/"
    if mount == "/":
        return data
    return re.sub(rb"""(["'])""" + re.escape(mount.encode()), rb"\1/", data)


def _first_index(data: bytes | None, where: Addresses) -> bytes | None:
    """After an edit, nothing of the search's index files: which are there, and their bytes,
    are the first build's (before an edit, they are compared as they are)."""
    return b"" if where.edited else data


def _bytes(erase: Callable[[bytes, Addresses], bytes]) -> Callable:
    """``erase`` applied to a file that is there; a missing one stays missing."""
    return lambda data, where: None if data is None else erase(data, where)


DIFFERENCES = (
    Difference(
        re.compile(r".*\.html"),
        "MkDocs' live-reload script, before </body>",
        "MkDocs' server adds it to every page it serves, to reload the browser after a save",
        _bytes(_without_live_reload),
    ),
    Difference(
        re.compile(r".*\.html"),
        "the search's configuration script's address ends in ?preview",
        "it passes it on to the worker, which in the preview also reads the index of the pages "
        "changed since the first build (pagefind-changes/), which a built site has no need of",
        _bytes(lambda data, _: data.replace(b"search-config.js?preview", b"search-config.js")),
    ),
    Difference(
        re.compile(
            r"pagefind/(fragment|filter|index)/.*|pagefind/pagefind[.-][^/]*\.(pf_meta|json)"
        ),
        "after an edit, the search's index is the first build's",
        "re-indexing the whole site after each save takes seconds at 10,000 records: the "
        "preview keeps the first index and indexes the pages changed since apart "
        "(pagefind-changes/); the worker answers from both as from one, leaving out what the "
        "first says of a changed page (tests/test_serve.py searches after edits)",
        _first_index,
    ),
    Difference(
        re.compile(r"pagefind-changes/.*"),
        "the index of the pages changed since the first build",
        "the preview's alone: a built site is indexed whole",
        lambda data, _: None,
    ),
    Difference(
        re.compile(r"sitemap\.xml\.gz"),
        "the time in the gzip header",
        "build stamps the sitemap with the records' latest date (SOURCE_DATE_EPOCH, for "
        "byte-identical builds); the preview with today's, as mkdocs serve does",
        _bytes(lambda data, _: gzip.decompress(data)),
    ),
    Difference(
        re.compile(r"sitemap\.xml(\.gz)?"),
        "each page's <lastmod>",
        "the same date as the gzip header's",
        _bytes(lambda data, _: re.sub(rb"<lastmod>[0-9-]+</lastmod>", b"<lastmod/>", data)),
    ),
    Difference(
        re.compile(r".*"),
        "mkdocs.yml's site_url, where it sets one, is the preview's address",
        "the pages are served from there, as mkdocs serve does (the canonical links, the sitemap)",
        _bytes(_at_site_url),
    ),
    Difference(
        re.compile(r"404\.html"),
        "the 404 page's addresses start at the server's root, not at site_url's path",
        "MkDocs writes them from site_url's path, and the preview serves the site at its root",
        _bytes(_at_server_root),
    ),
)


def as_built(
    path: str,
    served: bytes | None,
    built: bytes | None,
    where: Addresses,
    differences: tuple[Difference, ...] = DIFFERENCES,
) -> tuple[bytes | None, bytes | None]:
    """``served`` and ``built`` (the bytes at ``path`` in the site, None where it has no
    file) without ``differences``."""
    for difference in differences:
        if difference.paths.fullmatch(path):
            served, built = difference.erase(served, where), difference.erase(built, where)
    return served, built
