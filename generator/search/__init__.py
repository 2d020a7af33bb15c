"""The site's search: Pagefind's chunked index of the built pages, read by Material's own search
box through a worker of ours (``docs/assets/search-worker.js``).

At 10,000 records Material's index is one file of 24 MB that a reader loads whole before the
first result; Pagefind's is split into chunks that a search loads a few of. ``index_site`` runs
after MkDocs has written the pages (the MkDocs hook calls it); ``marks`` is what a record's page
carries for it: its kind (a filter named by its plural, as in ``kind:actors``, and a name the
results show), an actor's names, to rank its page first, and who said a claim, which its
result shows. ``page_marks`` marks the pages about the briefing (``META_PAGES``), which the
worker lists after every other match.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import json
import shutil
import sys
import tempfile
from functools import cache
from pathlib import Path

import cbor2

from generator import processes
from generator.model.kinds import KINDS
from generator.model.records import Briefing, Record

ROOT_SELECTOR = "article.md-content__inner"  # the page's text, without navigation
# Not words of the page: permalinks, drawings, data, and what only print shows
IGNORED = (
    ".headerlink",
    "svg",
    ".bn-relations",  # the drawing's table: the words of the pages it links
    "script",
    ".inferred-reason",
    ".md-source-file",
    ".md-tags",
    "thead",  # a table's header row: the same words on every page, read into the snippets
)
# Pages about the briefing rather than of it (MkDocs' addresses, and the pages under them: the
# coverage of each article): a reader searching a name wants the records first, not the coverage
# tables or the format reference that also say it
META_PAGES = ("about/", "format/", "reference/", "coverage/", "data/")


class IndexingError(Exception):
    """Pagefind failed; the message is its own output."""


def marks(briefing: Briefing, record: Record) -> str:
    """A record page's search data, in elements no reader sees: its kind (a filter, and a
    name), an actor's name and aliases (the worker ranks an actor first for a query that is
    one of them), and who said a claim. Raw HTML, which Markdown leaves as it is: every value
    is escaped here, and the worker escapes it again where it shows it."""
    kind = KINDS[record.section]
    meta = {"kind": kind.one, **kind.search_meta(briefing, record)}
    # a filter per kind (see _settled); an element a key, as Pagefind reads one from each
    marked = [f'<div hidden data-pagefind-filter="{record.section}:1"></div>']
    marked += [
        f'<div hidden data-pagefind-meta="{key}:{html.escape(value)}"></div>'
        for key, value in meta.items()
    ]
    return "".join(marked)


def original_marks(record: Record, words: str) -> str:
    """What the page of a record's words in their article's language carries: its kind's filter
    and name, as its title those ``words``, and the record's page, which the worker opens for
    it (``page``). Pagefind searches the metadata too: none of it is in the briefing's
    language but the kind's name, so that a query in it finds the record's own page alone (the
    page's address, whose id is words, is written in hexadecimal)."""
    page = f"{record.section}/{record.id}/"  # MkDocs' address, from the site's root
    meta = {"kind": KINDS[record.section].one, "title": words, "page": page.encode().hex()}
    marked = [f'<div hidden data-pagefind-filter="{record.section}:1"></div>']
    marked += [
        f'<div hidden data-pagefind-meta="{key}:{html.escape(value)}"></div>'
        for key, value in meta.items()
    ]
    return "".join(marked)


def page_marks(url: str) -> str:
    """What a page of MkDocs' (by its address) carries for the search beyond its text: a page
    about the briefing a filter, ``meta``, with which the worker lists it after the others."""
    return '<div hidden data-pagefind-filter="meta:1"></div>' if url.startswith(META_PAGES) else ""


def index_site(site: Path) -> None:
    """Index the built ``site`` into ``site/pagefind/``."""
    _index(site, site / "pagefind")
    _settled(site / "pagefind")


CHANGES = "pagefind-changes"  # the preview's index of changes, and its list of pages


def index_changes(site: Path, pages: list[str], fresh: list[str]) -> None:
    """In the preview: the ``pages`` (MkDocs' addresses) changed or removed since the site was
    indexed, listed in ``site/pagefind-changes/`` beside an index of those of them whose HTML
    is ``fresh``. The worker leaves what the first index says of them out, and asks this one
    too."""
    bundle = site / CHANGES
    shutil.rmtree(bundle, ignore_errors=True)
    present = [page for page in fresh if (site / page / "index.html").is_file()]
    if present:
        with tempfile.TemporaryDirectory() as copies:
            for page in present:
                (Path(copies) / page).mkdir(parents=True, exist_ok=True)
                shutil.copyfile(site / page / "index.html", Path(copies) / page / "index.html")
            _index(Path(copies), bundle)
    bundle.mkdir(exist_ok=True)
    listed = {"pages": pages, "indexed": bool(present)}
    (bundle / "changed.json").write_text(json.dumps(listed), encoding="utf-8")


def _index(pages: Path, bundle: Path) -> None:
    command = [*_pagefind(), "--site", str(pages), "--silent"]
    command += ["--output-path", str(bundle)]
    command += ["--root-selector", ROOT_SELECTOR, "--glob", "**/index.html"]
    for selector in IGNORED:
        command += ["--exclude-selectors", selector]
    count = sum(1 for _ in pages.glob("**/index.html"))  # the time limit grows with them
    try:
        result = processes.run("pagefind", command, count)
    except processes.TimedOut as error:
        raise IndexingError(str(error)) from None
    if result.returncode != 0:
        raise IndexingError((result.stderr or result.stdout).strip())


@cache
def _pagefind() -> list[str]:
    """The binary ``python -m pagefind`` runs (the extended one, if installed), run directly:
    the interpreter the module started first took 0.1 s of each refresh of the preview. None
    found, the module says what is missing."""
    from pagefind.service import get_executable

    found = get_executable()
    return [str(found)] if found else [sys.executable, "-m", "pagefind"]


SIGNATURE = b"pagefind_dcd"  # what every file of the index starts with, once unzipped


def _settled(bundle: Path) -> None:
    """The same pages give the same index: Pagefind lists the filters in its metadata in the
    order of a hash map that each run seeds anew, so they are sorted here (the file is renamed
    after its new contents, as the entry file names it). The filters' own files are stable
    while each holds one value, which is why each kind is a filter of its own."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language in entry["languages"].values():
        old = bundle / f"pagefind.{language['hash']}.pf_meta"
        unzipped = gzip.decompress(old.read_bytes())
        meta = cbor2.loads(unzipped[len(SIGNATURE) :])
        meta[3] = sorted(meta[3])  # [version, pages, index chunks, filters, sorts, meta fields]
        data = gzip.compress(SIGNATURE + cbor2.dumps(meta), mtime=0)
        prefix = language["hash"].split("_")[0]
        language["hash"] = f"{prefix}_{hashlib.sha256(data).hexdigest()[:10]}"
        old.unlink()
        (bundle / f"pagefind.{language['hash']}.pf_meta").write_bytes(data)
    entry_path.write_text(json.dumps(entry, separators=(",", ":")), encoding="utf-8")
