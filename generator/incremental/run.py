"""The one door to the incremental machinery: check and generate as ``pipeline`` does, taking
from the store what an earlier run worked out, and leaving there what this one did.

A page is rendered again only when something it read from the model changed (``memo``); every
other page would come out byte for byte as it is. The output is the plain pipeline's.
"""

from __future__ import annotations

from pathlib import Path

from generator.incremental.fingerprints import Fingerprints
from generator.incremental.memo import Memo, PageEntry
from generator.incremental.remembering import Remembering
from generator.incremental.store import Codec, Store
from generator.incremental.traced import traced
from generator.incremental.tracing import Rendered, plain
from generator.input.validation import Findings, validate
from generator.model.records import Briefing
from generator.render.rendering import Renderer
from generator.writing import WriteReport, write_pages


class _Run:
    """A store opened for one run, its records rebuilt with their fingerprints."""

    def __init__(self, root: Path):
        self.root, self.fingerprints = root, Fingerprints()
        records = Codec(
            lambda found: [self.fingerprints.stored(record) for record in found],
            lambda stored: [self.fingerprints.restored(values) for values in stored],
        )
        codecs = {
            "records": records,
            "pages": Codec(plain, lambda values: PageEntry(*values)),
            "parts": Codec(plain, lambda values: Rendered(*values)),
        }
        self.store = Store(root, codecs)
        if self.store.companion:  # the maps of this process's last run, with their fingerprints
            self.fingerprints = self.store.companion
        read = self.store.read
        self.earlier = Findings(
            read["documents"], read["quotes"], self.store.world, read["records"]
        )

    def check(self) -> tuple[Briefing, Findings]:
        return validate(self.root, self.earlier)


def check(root: Path) -> Briefing:
    """The checked model; what the store knows is not parsed or checked again (nor kept: a
    check writes nothing)."""
    return _Run(root).check()[0]


def generate(root: Path, workers: int = 1) -> tuple[Briefing, WriteReport]:
    """Check, render the pages that can have changed since the stored run, write those that
    did, and keep what was worked out for the next run."""
    run = _Run(root)
    briefing, findings = run.check()
    docs = root / "docs"
    memo = Memo(run.store.read, briefing, run.fingerprints, docs)
    memory = Remembering(memo.valid_parts)
    renderer = Renderer(root / "templates", traced(briefing), memory, Store.folder(root))
    paths = list(renderer.jobs)
    rendered = renderer.render(memo.stale(paths), workers)
    report = write_pages(docs, {path: page.text for path, page in rendered.items()}, kept=paths)
    kept = memo.remember(paths, rendered, memory.used)
    found = {"documents": findings.documents, "quotes": findings.quotes}
    run.store.save(found | {"records": findings.records} | kept, findings.world, run.fingerprints)
    return briefing, report
