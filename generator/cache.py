"""What earlier runs worked out, kept so that the next run redoes only what its input changed.

Every entry is keyed by content (file times only tell a generated page changed by hand):

- ``documents``: each YAML document (annotation file, article front matter, briefing.yaml) that
  parsed and met its schema, by its path and the SHA-256 of its text;
- ``quotes``: where each quote stands in an article, by the article's SHA-256;
- ``digests``, ``pages`` and ``parts``: what each generated page, and each part of a long page,
  read from the model, with the digest each read had then (see ``tracing`` and ``memo``).

A change to the generator's code, its templates or the libraries it renders with starts an empty
cache. The file lives in ``.briefing-cache/`` of the project (not committed; not ``.cache/``,
which ``zensical build --clean`` empties); one that cannot be read, for whatever reason, is
ignored, and the run does everything, as if there were none. It is a pickle: like the code in
``generator/``, it is trusted because it is the project's own.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from .tracing import Rendered

FOLDER = Path(".briefing-cache")
FILE = "cache.pickle"


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
    digests: dict[str, str] = field(default_factory=dict)
    pages: dict[str, PageEntry] = field(default_factory=dict)
    parts: dict[tuple, Rendered] = field(default_factory=dict)  # by Renderer.part's key

    @classmethod
    def load(cls, root: Path) -> Cache:
        """The project's cache, or an empty one if there is none for this code."""
        version = code_version(root / "templates")
        try:
            with open(root / FOLDER / FILE, "rb") as stream:
                cache = pickle.load(stream)
        except Exception:  # missing, damaged or from another version: start afresh
            return cls(version)
        return cache if isinstance(cache, cls) and cache.version == version else cls(version)

    @staticmethod
    def folder(root: Path) -> Path | None:
        """A folder for other caches (compiled templates), or None if it cannot be made."""
        try:
            (root / FOLDER / "templates").mkdir(parents=True, exist_ok=True)
        except OSError:
            return None
        return root / FOLDER / "templates"

    def save(self, root: Path) -> None:
        """Replace the cache's file at once; if it cannot be written, the next run does more."""
        folder, temporary = root / FOLDER, None
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=folder, prefix=".", suffix=".tmp")
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(self, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, folder / FILE)
        except OSError:
            if temporary:
                Path(temporary).unlink(missing_ok=True)
