"""The one door to the incremental machinery: check and generate as ``pipeline`` does, taking
from the store what an earlier run worked out, and leaving there what this one did.

A page is rendered again only when something it read from the model changed (``memo``); every
other page would come out byte for byte as it is. The output is the plain pipeline's.
"""

from __future__ import annotations

from pathlib import Path

from generator.incremental.fingerprints import Fingerprints
from generator.incremental.memo import Memo
from generator.incremental.recalling import RecallingSteps
from generator.incremental.remembering import RememberingRenderer
from generator.incremental.store import Codec, Store
from generator.incremental.traced import traced
from generator.incremental.tracing import Rendered, plain
from generator.input.validation import load_briefing
from generator.model.records import Briefing
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
            "parts": Codec(plain, lambda values: Rendered(*values)),
        }
        self.store = Store(root, codecs)
        if self.store.companion:  # the maps of this process's last run, with their fingerprints
            self.fingerprints = self.store.companion
        self.steps = RecallingSteps(self.store.read, self.store.world)

    def check(self) -> Briefing:
        return load_briefing(self.root, self.steps)


def check(root: Path) -> Briefing:
    """The checked model; what the store knows is not parsed or checked again (nor kept: a
    check writes nothing)."""
    return _Run(root).check()


def generate(root: Path, workers: int = 1) -> tuple[Briefing, WriteReport]:
    """Check, render the pages that can have changed since the stored run, write those that
    did, and keep what was worked out for the next run."""
    run = _Run(root)
    briefing = run.check()
    docs = root / "docs"
    memo = Memo(run.store.read, briefing, run.fingerprints, docs)
    renderer = RememberingRenderer(
        root / "templates", traced(briefing), memo.valid_parts, memo.digests.cut, Store.folder(root)
    )
    paths = list(renderer.jobs)
    rendered = renderer.render(memo.stale(paths), workers)
    report = write_pages(docs, {path: page.text for path, page in rendered.items()}, kept=paths)
    kept = memo.remember(paths, rendered, renderer.used)
    run.store.save(run.steps.found() | kept, run.steps.world, run.fingerprints)
    return briefing, report
