"""What earlier runs worked out, kept in SQLite so that the next run redoes only what changed.

Seven maps, each kept in ``BUCKETS`` rows by a digest of the key, each row a dict of its keys and
plain values as ``marshal`` data (which marshal reads and writes fastest):

- ``documents``, ``quotes`` and ``records``: what validation found (see
  ``recalling``; records as ``Fingerprints.stored`` gives them), and ``world`` in
  the ``meta`` table;
- ``digests``, ``pages`` and ``parts``: what each generated page, and each part of a long page,
  read from the model, with the digest each read had then (see ``tracing`` and ``memo``);
- ``written``: how each page's file was left.

A run writes only the buckets holding what it changed, in one transaction, so a run cut short
leaves the last one's whole, and two runs at once take turns. A process that runs again (the
preview) takes what it saved last from memory, unless another process wrote since: each save
writes a new token, which the next run compares with the one it kept. A change to the
generator's code, its templates or the libraries it renders with starts the tables empty. The
database lives in ``.briefing-cache/`` (not committed; not ``.cache/``, which ``zensical build
--clean`` empties). A database that cannot be opened or read is started afresh, and one whose
rows are damaged (each row carries a digest of its data) is discarded with one line; a folder that
cannot be written leaves the run without a store: it does all the work, and keeps none of it.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sqlite3
import sys
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import babel
import jinja2

FOLDER = Path(".briefing-cache")
DATABASE = "store.sqlite"
# A run keeps each value it did not change as the same object, so a change is a value that is
# not the one read; digests are strings made again each run, so they are compared by value.
BY_OBJECT = ("documents", "quotes", "records", "pages", "parts")
BY_VALUE = ("digests", "written")
MAPS = BY_OBJECT + BY_VALUE
BUCKETS = 256  # per map: a run rewrites the buckets holding what it changed
_DIGEST = 16  # bytes of the digest each row starts with


def _same(value: Any) -> Any:
    return value


class Codec:
    """How the values of one map become plain values for marshal, and back."""

    def __init__(self, plain: Callable[[Any], Any] = _same, restored: Callable[[Any], Any] = _same):
        self.plain, self.restored = plain, restored


PACKAGE = Path(__file__).parent.parent  # generator/


def code_version(templates: Path, package: Path = PACKAGE) -> str:
    """A digest of everything besides the input that decides the output: the generator's code,
    its schemas (each kind's fragment too), its catalogues of words and the templates."""
    # Babel's locale data write the dates and numbers
    digest = hashlib.sha256(f"{sys.version}|{jinja2.__version__}|{babel.__version__}".encode())
    code = [*package.rglob("*.py"), *package.rglob("*.json"), *package.rglob("*.po")]
    code += templates.glob("*.j2")
    for path in sorted(code):
        name = path.relative_to(path.parent.parent).as_posix()  # 'render/markup.py'
        digest.update(f"\0{name}\0".encode() + path.read_bytes())
    return digest.hexdigest()


class Store:
    """The project's store, and the maps as this run read them, each value as its ``Codec``
    (if any) restores it."""

    def __init__(self, root: Path, codecs: dict[str, Codec] | None = None):
        self.codecs = {name: (codecs or {}).get(name) or Codec() for name in MAPS}
        self.version = code_version(root / "templates")
        self.path = root / FOLDER / DATABASE
        self.read: dict[str, dict[Any, Any]] = {name: {} for name in MAPS}
        self.world = ""
        self._buckets: dict[str, dict[int, list[Any]]] = {name: {} for name in MAPS}  # keys read
        self._fresh = True  # the table holds nothing of this code's: written whole
        self.companion: Any = None  # what the run that saved the maps kept with them (see save)
        try:
            self._load()
        except (sqlite3.OperationalError, OSError):  # locked, unreadable: this run does without
            pass
        except Exception as error:  # damaged (not a database, a bad row): nothing of it is trusted
            self.read = {name: {} for name in MAPS}
            self._buckets = {name: {} for name in MAPS}
            self.world, self._fresh = "", True
            shown = f"{FOLDER.as_posix()}/{DATABASE}"
            message = f"{shown} is damaged ({error}): discarded; this run does all the work"
            print(message, file=sys.stderr)

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        database = sqlite3.connect(self.path, timeout=60, isolation_level=None)
        # A write-ahead log synced at checkpoints: a crash may lose the last run's rows, never
        # leave them half-written, and a run need not wait for the disk twice.
        database.execute("PRAGMA journal_mode = WAL")
        database.execute("PRAGMA synchronous = NORMAL")
        database.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)")
        database.execute(
            "CREATE TABLE IF NOT EXISTS buckets "
            "(map TEXT, bucket INTEGER, entries BLOB, PRIMARY KEY (map, bucket))"
        )
        return database

    def _load(self) -> None:
        if not self.path.exists():
            return
        with contextlib.closing(sqlite3.connect(self.path, timeout=60)) as database:
            meta = dict(database.execute("SELECT name, value FROM meta"))
            if meta.get("version") != self.version:
                return
            saved = _SAVED.get(self.path.resolve())
            if saved and saved.version == self.version and meta.get("token") == saved.token:
                self.read, self._buckets = dict(saved.read), dict(saved.buckets)
                self.world, self.companion, self._fresh = saved.world, saved.companion, False
                return  # this process wrote it last: what it wrote, not read back
            rows = database.execute("SELECT map, bucket, entries FROM buckets").fetchall()
        for name, bucket, data in rows:
            entries = _restored(data, self.codecs[name].restored)
            self.read[name].update(entries)
            self._buckets[name][bucket] = list(entries)
        self.world, self._fresh = meta.get("world", ""), False

    def save(self, maps: dict[str, dict[Any, Any]], world: str, companion: Any = None) -> None:
        """Write the buckets holding what differs from what was read, in one transaction; a
        store that cannot be written leaves the next run more to do. The next run in this
        process takes the maps as they are (with ``companion``) unless another wrote since."""
        _SAVED.pop(self.path.resolve(), None)
        try:
            self._save(maps, world, companion)
        except (sqlite3.OperationalError, OSError) as error:  # read-only, unwritable, locked
            _not_kept(self.path, error)
        except sqlite3.DatabaseError:  # not a database, or damaged: made again
            with contextlib.suppress(OSError):
                self.path.unlink(missing_ok=True)
            self._fresh, self._buckets = True, {name: {} for name in MAPS}
            try:
                self._save(maps, world, companion)
            except (sqlite3.Error, OSError) as error:
                _not_kept(self.path, error)

    def _save(self, maps: dict[str, dict[Any, Any]], world: str, companion: Any) -> None:
        changed = [row for name in MAPS for row in self._changed_buckets(name, maps[name])]
        rows = [row[:3] for row in changed]
        token = os.urandom(8).hex()
        with contextlib.closing(self._connect()) as database:
            database.execute("BEGIN IMMEDIATE")
            try:
                if self._fresh:
                    database.execute("DELETE FROM buckets")
                database.executemany(
                    "DELETE FROM buckets WHERE map = ? AND bucket = ?",
                    [(name, bucket) for name, bucket, data in rows if data is None],
                )
                database.executemany(
                    "INSERT OR REPLACE INTO buckets VALUES (?, ?, ?)",
                    [row for row in rows if row[2] is not None],
                )
                meta = {"version": self.version, "world": world, "token": token}
                database.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", meta.items())
                database.execute("COMMIT")
            except BaseException:
                database.execute("ROLLBACK")
                raise
        buckets = {name: dict(self._buckets[name]) for name in MAPS}
        for name, bucket, data, keys in changed:
            if data is None:
                buckets[name].pop(bucket, None)
            else:
                buckets[name][bucket] = keys
        read = {name: maps[name] for name in MAPS}
        saved = _Saved(token, self.version, read, buckets, world, companion)
        _SAVED[self.path.resolve()] = saved

    def _changed_buckets(self, name: str, new: dict[Any, Any]) -> Iterator[tuple]:
        """(map, bucket, its entries as marshal data or None to drop it, its keys) for each
        bucket that holds a key added, removed or changed since the map was read."""
        old, read = self.read[name], self._buckets[name]
        if name in BY_VALUE:
            changed = [key for key, value in new.items() if old.get(key) != value]
        else:
            changed = [key for key, value in new.items() if old.get(key) is not value]
        dirty: dict[int, list[Any]] = {}  # by bucket: the keys not read there before
        for key in changed:
            dirty.setdefault(_bucket(key), []).extend(() if key in old else (key,))
        for key in old.keys() - new.keys():
            dirty.setdefault(_bucket(key), [])
        plain = self.codecs[name].plain
        for bucket, added in sorted(dirty.items()):
            keys = [key for key in read.get(bucket, ()) if key in new] + added
            yield name, bucket, _entries({key: plain(new[key]) for key in keys}), keys

    @staticmethod
    def folder(root: Path) -> Path | None:
        """A folder for other caches (compiled templates), or None if it cannot be made."""
        try:
            (root / FOLDER / "templates").mkdir(parents=True, exist_ok=True)
        except OSError:
            return None
        return root / FOLDER / "templates"


_TOLD: set[Path] = set()  # the stores this process has said it cannot write


def _not_kept(path: Path, error: Exception) -> None:
    """Say once, in one line, that a run went without the cache (a read-only or unwritable
    folder): its output is the same, only the next run does all the work again."""
    if path not in _TOLD:
        _TOLD.add(path)
        reason = getattr(error, "strerror", None) or str(error)
        print(
            f"{FOLDER.as_posix()}/ cannot be written ({reason}): running without the cache, "
            "which keeps nothing of this run's work",
            file=sys.stderr,
        )


def _restored(data: bytes, restored: Callable[[Any], Any]) -> dict[Any, Any]:
    """A bucket's entries, from the row ``_entries`` wrote; ValueError if its digest, which
    comes first, is not that of the rest (a damaged row can still be valid marshal data)."""
    digest, data = data[:_DIGEST], data[_DIGEST:]
    if hashlib.blake2b(data, digest_size=_DIGEST).digest() != digest:
        raise ValueError("a row does not match its digest")
    entries = marshal.loads(data)
    if not isinstance(entries, dict):
        raise TypeError(f"a row holds {type(entries).__name__}, not a dict")
    return entries if restored is _same else {k: restored(v) for k, v in entries.items()}


@dataclass
class _Saved:
    """What this process last wrote to a store, and the token it wrote with it."""

    token: str
    version: str
    read: dict[str, dict[Any, Any]]
    buckets: dict[str, dict[int, list[Any]]]
    world: str
    companion: Any


_SAVED: dict[Path, _Saved] = {}  # by the database's path


def _bucket(key: Any) -> int:
    """The bucket a key is kept in: the same for the same key, in any process."""
    return zlib.crc32(marshal.dumps(key, 2)) % BUCKETS


def _entries(entries: dict[Any, Any]) -> bytes | None:
    """A bucket's entries as marshal data, without any marshal cannot hold (found again by
    the next run); None for none."""
    try:
        data = marshal.dumps(entries) if entries else None
    except ValueError:
        kept = {}
        for key, value in entries.items():
            with contextlib.suppress(ValueError):
                marshal.dumps(value)
                kept[key] = value
        data = marshal.dumps(kept) if kept else None
    return data and hashlib.blake2b(data, digest_size=_DIGEST).digest() + data
