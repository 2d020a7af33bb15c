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
pickle. A run that changes little appends what it changed to a third, the journal, instead of
writing 30 MB again at 10,000 records; the journal is folded into the two files once it is an
eighth of their size. Each journal entry has an id and names the state it was made from (the
files' id, or the id of the entry before it), so an entry made from another state (by a run
beside another, or before the files were written again) is passed over. A file that cannot be read, for whatever reason, is
ignored, and the run does what it would have spared. Like the code in ``generator/``, all three
are trusted as the project's own.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
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

from generator.incremental.tracing import Rendered
from generator.model.records import plain

FOLDER = Path(".briefing-cache")
INPUT, OUTPUT = "input.marshal", "output.pickle"  # what validation and rendering found
JOURNAL = "journal.pickle"  # what later runs changed, entry after entry
FOLD_AT = 8  # the journal is folded into the files when it reaches this fraction of them
# Maps keyed by content (a document's path and SHA-256, an article's SHA-256 and a quote): a key
# keeps its value, so a change is keys added or removed. A run keeps a page or part it did not
# redo as the same object; digests are compared by value.
BY_CONTENT, BY_OBJECT, BY_VALUE = (
    ("documents", "quotes", "records"),
    ("pages", "parts"),
    ("digests",),
)
MAPS = BY_CONTENT + BY_OBJECT + BY_VALUE


def code_version(templates: Path) -> str:
    """A digest of everything besides the input that decides the output."""
    digest = hashlib.sha256(f"{sys.version}|{jinja2.__version__}".encode())
    package = Path(__file__).parent.parent
    code = [*package.rglob("*.py"), *package.glob("schemas/*.json"), *templates.glob("*.j2")]
    for path in sorted(code):
        name = path.relative_to(path.parent.parent).as_posix()  # 'render/markup.py'
        digest.update(f"\0{name}\0".encode() + path.read_bytes())
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
    found: Found | None = field(default=None, repr=False, compare=False)  # see Found

    @classmethod
    def load(cls, root: Path) -> Cache:
        """The project's cache, empty of what it holds for other code or cannot be read."""
        cache = cls(code_version(root / "templates"))
        folder = root / FOLDER
        given = _read(folder / INPUT, marshal.loads, cache.version)
        if given:
            cache.documents, cache.quotes = given["documents"], given["quotes"]
            cache.world, cache.records = given["world"], given["records"]
        taken = _read(folder / OUTPUT, pickle.loads, cache.version)
        if taken:
            cache.digests = taken["digests"]
            cache.pages = {path: PageEntry(*entry) for path, entry in taken["pages"].items()}
            cache.parts = {key: Rendered(*part) for key, part in taken["parts"].items()}
        if given and taken and given.get("id") == taken.get("id"):
            cache.found = Found(given["id"], given["size"] + taken["size"])
            cache._replay(folder / JOURNAL)
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
        """Journal what this run changed, or write the files again when the journal cannot
        take it; a file that cannot be written leaves the next run more to do."""
        entry = self._journal_entry()
        if entry == b"":  # nothing changed
            return
        if not (entry and self._fits(entry) and _append(root / FOLDER / JOURNAL, entry)):
            self._write(root)

    def _fits(self, entry: bytes) -> bool:
        """Whether the journal, with ``entry``, stays within its share of the files."""
        return bool(self.found) and self.found.journal + len(entry) <= self.found.files / FOLD_AT

    def _write(self, root: Path) -> None:
        name = os.urandom(8).hex()  # ties the journal's entries to these files
        records = {key: _stored(found) for key, found in self.records.items()}
        given = {"version": self.version, "id": name, "documents": self.documents}
        given |= {"quotes": self.quotes, "world": self.world, "records": records}
        pages = {path: plain(entry) for path, entry in self.pages.items()}
        parts = {key: plain(part) for key, part in self.parts.items()}
        taken = {"version": self.version, "id": name, "digests": self.digests}
        taken |= {"pages": pages, "parts": parts}
        try:
            given_data = marshal.dumps(given)
        except ValueError:  # a value marshal cannot hold: parsed again next time
            given_data = b""
        written = bool(given_data) and _replace(root / FOLDER / INPUT, given_data)
        written = (
            _replace(root / FOLDER / OUTPUT, pickle.dumps(taken, pickle.HIGHEST_PROTOCOL))
            and written
        )
        if written:  # the journal's entries name the files replaced: dead weight from now on
            with contextlib.suppress(OSError):
                (root / FOLDER / JOURNAL).unlink(missing_ok=True)

    def _journal_entry(self) -> bytes | None:
        """What this run changed since the files and journal were read, pickled as a journal
        entry; empty if nothing, None if the files must be written whole: there are none,
        part of the journal could not be read, or the ids or articles changed (every record
        is checked again then, and the change is the whole map)."""
        if not self.found or self.found.broken or self.world != self.found.world:
            return None
        was = self.found.maps
        changes: dict[str, tuple[dict, list]] = {}
        for name in BY_CONTENT:
            old, new = was[name], getattr(self, name)
            changes[name] = {k: new[k] for k in new.keys() - old.keys()}, [*old.keys() - new.keys()]
        for name in BY_OBJECT + BY_VALUE:
            old, new = was[name], getattr(self, name)
            if name in BY_OBJECT:
                changed = {k: v for k, v in new.items() if old.get(k) is not v}
            else:
                changed = {k: v for k, v in new.items() if old.get(k) != v}
            changes[name] = changed, [*old.keys() - new.keys()]
        if not any(added or removed for added, removed in changes.values()):
            return b""
        added = changes["records"][0]
        for key, found in added.items():
            added[key] = _stored(found)
        pages, parts = changes["pages"][0], changes["parts"][0]
        for path, e in pages.items():  # a page's reads are often those it had: not repeated
            same = path in was["pages"] and was["pages"][path].reads is e.reads
            pages[path] = (None if same else e.reads, e.size, e.mtime_ns)
        for key, part in parts.items():
            parts[key] = plain(part)
        return pickle.dumps(
            (self.found.last, os.urandom(8).hex(), changes), pickle.HIGHEST_PROTOCOL
        )

    def _replay(self, path: Path) -> None:
        """Apply the journal's entries made from these files, in order; note what was read."""
        assert self.found
        try:
            data = path.read_bytes()
        except OSError:
            data = b""
        stream = io.BytesIO(data)
        try:
            while stream.tell() < len(data):
                base, name, changes = pickle.load(stream)
                if base == self.found.last:
                    self._apply(changes)
                    self.found.last = name
                    self.found.entries += 1
        except Exception:  # cut short or damaged: what came before stands, and it is written whole
            self.found.broken = True
        self.found.journal = len(data)
        self.found.world = self.world
        self.found.maps = {name: dict(getattr(self, name)) for name in MAPS}

    def _apply(self, changes: dict[str, tuple[dict, list]]) -> None:
        pages, parts = changes["pages"][0], changes["parts"][0]
        for path, (reads, size, mtime_ns) in pages.items():
            pages[path] = PageEntry(
                self.pages[path].reads if reads is None else reads, size, mtime_ns
            )
        for key, (text, reads) in parts.items():
            parts[key] = Rendered(text, reads)
        for name, (added, removed) in changes.items():
            found = getattr(self, name)
            for key in removed:
                found.pop(key, None)
            found.update(added)


@dataclass
class Found:
    """The cache's files as a run found them: what it changes is journaled against this."""

    last: str  # the id of the state read: the files', or that of the last entry applied
    files: int  # their size in bytes
    entries: int = 0  # how many journal entries were applied
    journal: int = 0  # the journal's size in bytes
    broken: bool = False  # part of the journal could not be read
    world: str = ""
    maps: dict[str, dict] = field(default_factory=dict)  # copies of the maps as found


def _stored(found: list[Any]) -> list[Any]:
    return [record if isinstance(record, tuple) else record.stored for record in found]


def _read(path: Path, loads: Callable[[bytes], Any], version: str) -> dict[str, Any] | None:
    try:
        data = path.read_bytes()
        found = loads(data)  # marshal.load reads a file in small pieces: slow
    except Exception:  # missing or damaged: start afresh
        return None
    if not isinstance(found, dict) or found.get("version") != version:
        return None
    return found | {"size": len(data)}


def _append(path: Path, entry: bytes) -> bool:
    """Add an entry to the journal in one write; False if it could not be written."""
    try:
        with open(path, "ab") as stream:
            stream.write(entry)
    except OSError:
        return False
    return True


def _replace(path: Path, data: bytes) -> bool:
    """Replace the file at once, so that a failed write leaves the last one whole; False if
    it could not be written."""
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
        return False
    return True
