"""Render only the pages that can have changed since the run that wrote them.

A page is rendered again when it is new, when anything it read from the model (see
``tracing``) has a different digest now, or when its file is not as that run left it (removed,
or edited by hand). Every other page would come out byte for byte as it is, so it is left alone.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from .cache import Cache, PageEntry
from .model import Briefing
from .network import edges, edges_by_actor
from .tracing import Rendered, digest, unnoted


class Digests:
    """The digest of each read key (see ``tracing``) in one model, computed once when asked."""

    def __init__(self, briefing: Briefing):
        self.briefing = briefing
        self.known: dict[str, str] = {}

    def __call__(self, key: str) -> str:
        if key not in self.known:
            with unnoted():
                self.known[key] = self._compute(*key.split(":", 1))
        return self.known[key]

    def _compute(self, kind: str, name: str) -> str:
        b = self.briefing
        if kind == "r" and name == "*":
            return digest([self(f"r:{i}") for i in b.records])
        if kind == "r":
            record = b.records.get(name)
            if record is None:
                return ""
            return digest((record.section, record.evidence, record.roles, record.fields))
        if kind == "s":
            return digest([self(f"r:{r.id}") for r in b.sections.get(name, ())])
        if kind == "a":
            if name == "*":
                return digest([(a.source, a.sha256) for a in b.articles.values()])
            return b.articles[name].sha256 if name in b.articles else ""
        if kind == "b":
            return digest(b.referrers if name == "*" else b.referrers.get(name))
        if kind == "e":
            return digest(edges(b) if name == "*" else edges_by_actor(b).get(name))
        raise ValueError(f"unknown read key {kind}:{name}")


class Memo:
    """What can be taken from the cache's run for a model, and what this run leaves in it."""

    def __init__(self, cache: Cache, briefing: Briefing, docs: Path):
        self.cache, self.docs, self.digests = cache, docs, Digests(briefing)
        self.changed = {key for key, old in cache.digests.items() if self.digests(key) != old}

    def valid_parts(self) -> dict[str, Rendered]:
        return {k: p for k, p in self.cache.parts.items() if p.reads.isdisjoint(self.changed)}

    def stale(self, paths: Iterable[str]) -> set[str]:
        """Of ``paths``, those that must be rendered."""
        found = set()
        for path in paths:
            entry = self.cache.pages.get(path)
            if entry is None or not entry.reads.isdisjoint(self.changed) or not self._as_left(path):
                found.add(path)
        return found

    def _as_left(self, path: str) -> bool:
        try:
            status = os.stat(self.docs / path)
        except OSError:
            return False
        entry = self.cache.pages[path]
        return (status.st_size, status.st_mtime_ns) == (entry.size, entry.mtime_ns)

    def remember(
        self, paths: Iterable[str], rendered: dict[str, Rendered], parts: dict[str, Rendered]
    ) -> None:
        """Keep, for each page now in ``docs/``, what it read and how its file was left."""
        pages = {}
        for path in paths:
            if path in rendered:
                status = os.stat(self.docs / path)
                pages[path] = PageEntry(rendered[path].reads, status.st_size, status.st_mtime_ns)
            else:
                pages[path] = self.cache.pages[path]
        keys = set().union(*(entry.reads for entry in pages.values()))
        # a part not used now is still valid, and its page, unchanged, still holds it
        self.cache.pages, self.cache.parts = pages, self.valid_parts() | parts
        self.cache.digests = {key: self.digests(key) for key in sorted(keys)}
