"""What earlier runs worked out, kept so that the next run redoes only what its input changed.

Every entry is keyed by content (file times only tell a generated page changed by hand):

- ``documents``: each YAML document (annotation file, article front matter, briefing.yaml) that
  parsed and met its schema, by its path and the SHA-256 of its text;
- ``quotes``: where each quote stands in an article, by the article's SHA-256;
- ``records``: the records each of those documents held, as checked, by the document's key;
  valid while the ids (with their sections) and the articles' texts, digested as ``world``,
  are those of their run;
- ``digests``, ``pages`` and ``parts``: what each generated page, and each part of a long page,
  read from the model, with the digest each read had then (see ``tracing`` and ``memo``).

A change to the generator's code, its templates or the libraries it renders with starts an empty
cache. It lives in ``.briefing-cache/`` of the project (not committed; not ``.cache/``, which
``zensical build --clean`` empties), in two files: what validation found, as ``marshal`` data
(plain YAML data, which marshal reads and writes fastest), and what rendering found, as a
pickle. A file that cannot be read, for whatever reason, is ignored, and the run does what it
would have spared. Like the code in ``generator/``, both are trusted as the project's own.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from .tracing import Rendered

FOLDER = Path(".briefing-cache")
INPUT, OUTPUT = "input.marshal", "output.pickle"  # what validation and rendering found


def code_version(templates: Path) -> str:
    """A digest of everything besides the input that decides the output."""
    digest = hashlib.sha256(f"{sys.version}|{jinja2.__version__}".encode())
    package = Path(__file__).parent
    code = [*package.glob("*.py"), *package.glob("schemas/*.json"), *templates.glob("*.j2")]
    for path in sorted(code):
        digest.update(f"\0{path.name}\0".encode() + path.read_bytes())
    return digest.hexdigest()


@dataclass
class PageEntry:
    reads: frozenset[str]  # the keys of what the page read (see tracing.Digests)
    size: int  # of the file as written, to notice a page changed or removed by hand
    mtime_ns: int


@dataclass
class Cache:
    version: str = ""
    documents: dict[tuple[str, str], Any] = field(default_factory=dict)
    quotes: dict[tuple[str, str, int], tuple[int, int, int, int]] = field(default_factory=dict)
    world: str = ""  # a digest of the ids (with their sections) and article texts of its run
    # By document's key: Record.stored tuples as read; a run leaves its Records there.
    records: dict[tuple[str, str], list[Any]] = field(default_factory=dict)
    digests: dict[str, str] = field(default_factory=dict)
    pages: dict[str, PageEntry] = field(default_factory=dict)
    parts: dict[tuple, Rendered] = field(default_factory=dict)  # by Renderer.part's key

    @classmethod
    def load(cls, root: Path) -> Cache:
        """The project's cache, empty of what it holds for other code or cannot be read."""
        cache = cls(code_version(root / "templates"))
        found = _read(root / FOLDER / INPUT, marshal.loads, cache.version)
        if found:
            cache.documents, cache.quotes = found["documents"], found["quotes"]
            cache.world, cache.records = found["world"], found["records"]
        found = _read(root / FOLDER / OUTPUT, pickle.loads, cache.version)
        if found:
            cache.digests = found["digests"]
            cache.pages = {path: PageEntry(*entry) for path, entry in found["pages"].items()}
            cache.parts = {key: Rendered(*part) for key, part in found["parts"].items()}
        return cache

    @staticmethod
    def folder(root: Path) -> Path | None:
        """A folder for other caches (compiled templates), or None if it cannot be made."""
        try:
            (root / FOLDER / "templates").mkdir(parents=True, exist_ok=True)
        except OSError:
            return None
        return root / FOLDER / "templates"

    def save(self, root: Path) -> None:
        """Replace the cache's files; one that cannot be written leaves the next run more to do."""
        records = {key: [record.stored for record in found] for key, found in self.records.items()}
        found = {"version": self.version, "documents": self.documents, "quotes": self.quotes}
        found |= {"world": self.world, "records": records}
        with contextlib.suppress(ValueError):  # a value marshal cannot hold: parsed again
            _write(root / FOLDER / INPUT, marshal.dumps(found))
        pages = {path: (e.reads, e.size, e.mtime_ns) for path, e in self.pages.items()}
        parts = {key: (part.text, part.reads) for key, part in self.parts.items()}
        found = {"version": self.version, "digests": self.digests, "pages": pages, "parts": parts}
        _write(root / FOLDER / OUTPUT, pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL))


def _read(path: Path, loads: Callable[[bytes], Any], version: str) -> dict[str, Any] | None:
    try:
        found = loads(path.read_bytes())  # marshal.load reads a file in small pieces: slow
    except Exception:  # missing or damaged: start afresh
        return None
    return found if isinstance(found, dict) and found.get("version") == version else None


def _write(path: Path, data: bytes) -> None:
    """Replace the file at once, so that a failed write leaves the last one whole."""
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except OSError:
        if temporary:
            Path(temporary).unlink(missing_ok=True)
