"""The site's search: Pagefind's chunked index of the built pages, read by Material's own search
box through a worker of ours (``docs/assets/search-worker.js``).

At 10,000 records Material's index is one file of 24 MB that a reader loads whole before the
first result; Pagefind's is split into chunks that a search loads a few of. ``index_site`` runs
after MkDocs has written the pages (the MkDocs hook calls it); ``marks`` is what a record's page
carries for it: its kind (a filter named by its plural, as in ``kind:actors``), and an actor's
names, to rank its page first.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import cbor2

from generator.model.records import Record

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
)


class IndexingError(Exception):
    """Pagefind failed; the message is its own output."""


def marks(record: Record) -> str:
    """A record page's search data, in an element no reader sees: its kind (a filter), and an
    actor's name and aliases (the worker ranks an actor first for a query that is one of them)."""
    attributes = f'data-pagefind-filter="{record.section}:1"'  # a filter per kind: see _settled
    if record.section == "actors":  # raw HTML, which Markdown leaves as it is: escaped here
        names = json.dumps([record["name"], *record.get("aliases", [])], ensure_ascii=False)
        attributes += f' data-pagefind-meta="names:{html.escape(names)}"'
    return f"<div hidden {attributes}></div>"


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
    command = [sys.executable, "-m", "pagefind", "--site", str(pages), "--silent"]
    command += ["--output-path", str(bundle)]
    command += ["--root-selector", ROOT_SELECTOR, "--glob", "**/index.html"]
    for selector in IGNORED:
        command += ["--exclude-selectors", selector]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise IndexingError((result.stderr or result.stdout).strip())


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
