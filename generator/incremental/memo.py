"""Render only the pages that can have changed since the run that wrote them.

A page is rendered again when it is new, when anything it read from the model (see
``tracing``) has a different digest now, or when its file is not as that run left it (removed,
or edited by hand). Every other page would come out byte for byte as it is, so it is left alone.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import cache, cached_property, partial
from pathlib import Path

from generator.incremental.fingerprints import Fingerprints
from generator.incremental.tracing import Rendered, digest, plain
from generator.model.network import edges, edges_by_actor
from generator.model.records import Briefing
from generator.render import cuts

GRAPH = "g:*"  # which record names which, and each record's section: all the edges depend on
WORDS = "t:language"  # the language of the generator's words: every page and part is in it


class Digests:
    """The digest of each read key (see ``tracing``) in one model, computed once when asked.

    ``earlier``: the digests of the stored run. Backlinks and the network's edges follow from
    the graph of references alone, so while it is unchanged their digests are taken from there.
    ``briefing`` is the plain model: computing digests notes nothing."""

    def __init__(self, briefing: Briefing, earlier: dict[str, str], fingerprints: Fingerprints):
        self.briefing, self.earlier, self.fingerprints = briefing, earlier, fingerprints
        self.cut = cache(partial(cuts.cut, briefing))  # the renderer's too
        self.known: dict[str, str] = {}
        if earlier and earlier.get(GRAPH) == self(GRAPH):
            self.known |= {k: v for k, v in earlier.items() if k.startswith(("b:", "e:"))}

    def __call__(self, key: str) -> str:
        found = self.known.get(key)
        if found is None:
            kind, _, name = key.partition(":")
            found = self.known[key] = self._compute(kind, name)
        return found

    def _compute(self, kind: str, name: str) -> str:
        b, of = self.briefing, self.fingerprints.of
        if kind == "r":  # the most frequent key first: a record's digest is kept with it
            if name == "*":
                return digest([of(record)[0] for record in b.records.values()])
            record = b.records.get(name)
            return of(record)[0] if record else ""
        if kind == "s":
            return digest([of(record)[0] for record in b.sections.get(name, ())])
        if kind == "v":
            return digest([(r.id, of(r)[1]) for r in b.referring(name, "evidence")])
        if kind == "w":
            return digest(b.speakers_of(name) if name in b.records else None)
        if kind == "n":
            return digest([r.id for r in b.sections.get(name, ())])
        if kind == "a":
            if name == "*":
                return digest([(a.id, a.sha256) for a in b.articles.values()])
            return b.articles[name].sha256 if name in b.articles else ""
        if kind == "b":
            return digest(dict(b.referrers) if name == "*" else b.referrers.get(name))
        if kind == "t":
            return digest(b.about.get(name))
        if kind == "d":
            return digest(dict(b.added) if name == "*" else b.added.get(name))
        if kind == "f":
            return digest([record.id for record in b.defined_in(name)])
        if kind == "p":
            return digest(cuts.shape(self.cut(name)))
        if kind == "g":
            return digest((dict(b.referrers), [(r.id, r.section) for r in b.records.values()]))
        if kind == "e":
            shown = edges(b) if name == "*" else edges_by_actor(b).get(name, [])
            return digest(list(map(plain, shown)))
        raise ValueError(f"unknown read key {kind}:{name}")


class Memo:
    """What can be taken from the stored run for a model (``digests``, ``pages`` and ``parts``,
    as the store read them), and what this run leaves for the next."""

    def __init__(
        self, stored: dict[str, dict], briefing: Briefing, fingerprints: Fingerprints, docs: Path
    ):
        self.docs = docs
        self.pages: dict[str, frozenset[str]] = stored["pages"]  # the keys each page read
        # each page's file as written (size, time), to notice one changed or removed by hand; apart
        # from the keys, which a listing has thousands of and an edit mostly leaves as they were
        self.written: dict[str, tuple[int, int]] = stored["written"]
        self.parts: dict[tuple, Rendered] = stored["parts"]
        self.earlier: dict[str, str] = stored["digests"]
        self.digests = Digests(briefing, self.earlier, fingerprints)
        self.changed = {key for key, old in self.earlier.items() if self.digests(key) != old}
        if WORDS in self.changed:  # the briefing's language changed: no page is as it was
            self.pages, self.parts = {}, {}

    @cached_property
    def valid_parts(self) -> dict[tuple, Rendered]:
        """The stored parts of long pages that read nothing that changed."""
        return {k: p for k, p in self.parts.items() if p.reads.isdisjoint(self.changed)}

    def stale(self, paths: Iterable[str]) -> set[str]:
        """Of ``paths``, those that must be rendered."""
        found = set()
        for path in paths:
            reads = self.pages.get(path)
            if reads is None or not reads.isdisjoint(self.changed) or not self._as_left(path):
                found.add(path)
        return found

    def _as_left(self, path: str) -> bool:
        try:
            status = self._status(path)
        except OSError:
            return False
        return status == self.written.get(path)

    def _status(self, path: str) -> tuple[int, int]:
        """A page file's size and time, as ``written`` keeps them."""
        status = os.stat(f"{self.docs}/{path}")  # not Path's /: 10,000 joins add up
        return status.st_size, status.st_mtime_ns

    def remember(
        self, paths: Iterable[str], rendered: dict[str, Rendered], parts: dict[tuple, Rendered]
    ) -> dict[str, dict]:
        """What to keep for the next run: for each page now in ``docs/``, what it read and how
        its file was left; the parts still valid; the digest of each key read."""
        pages = {path: self.pages[path] for path in paths if path not in rendered}
        written = {path: self.written[path] for path in pages}
        # Each key once, so that memory holds one copy of each: new reads take the strings the
        # kept pages' reads hold.
        keys = {k: k for k in frozenset().union(*pages.values())}
        keys.setdefault(GRAPH, GRAPH)
        keys.setdefault(WORDS, WORDS)

        def shared(reads: frozenset[str]) -> frozenset[str]:
            return frozenset(keys.setdefault(k, k) for k in reads)

        for path, page in rendered.items():
            reads = shared(page.reads)  # the same object when unchanged: its row is not written
            pages[path] = self.pages[path] if self.pages.get(path) == reads else reads
            written[path] = self._status(path)
        # A part not used now is still valid, and kept while the keys it read are kept (a page
        # that holds it is kept). The keys no page reads now are dropped, with their digests.
        dropped = self.earlier.keys() - keys.keys()
        kept = {k: p for k, p in self.valid_parts.items() if p.reads.isdisjoint(dropped)}
        for key, part in parts.items():
            if kept.get(key) is not part:  # new: its keys were read by the page that used it
                kept[key] = Rendered(part.text, shared(part.reads))
        digests = {key: self.digests(key) for key in keys}
        return {"pages": pages, "written": written, "parts": kept, "digests": digests}
