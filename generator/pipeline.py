"""The pipeline as one call per command: check, generate, build.

Everything is validated and rendered in memory before the first byte is written, so a run that
finds a problem leaves ``docs/`` and ``site/`` exactly as they were.
"""

from __future__ import annotations

import os
import shutil
import sys
from datetime import UTC, datetime
from pathlib import Path

from generator import processes, site_swap
from generator.input.validation import load_briefing
from generator.locking import one_run_at_a_time
from generator.model.records import Briefing
from generator.problems import BuildError
from generator.render.rendering import Renderer
from generator.render.timeline import entries
from generator.writing import WriteReport, write_pages


def check(root: Path, cached: bool = True) -> Briefing:
    """The checked model; ``cached``: what the store knows is not parsed or checked again."""
    if cached:
        from generator.incremental import run  # the one door; the plain path never opens it

        return run.check(root)
    return load_briefing(root)


def generate(root: Path, workers: int = 1, cached: bool = True) -> WriteReport:
    """Validate and write the pages; ``workers`` > 1 only from a process without threads.
    ``cached``: render only what changed since the stored run, and keep what this one found."""
    with one_run_at_a_time(root):
        return _generate(root, workers, cached)[1]


def available_cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _generate(root: Path, workers: int, cached: bool) -> tuple[Briefing, WriteReport]:
    if cached:
        from generator.incremental import run

        return run.generate(root, workers)
    briefing = load_briefing(root)
    renderer = Renderer(root / "templates", briefing)
    pages = renderer.render(workers=workers)
    return briefing, write_pages(root / "docs", pages)


GENERATED = "BRIEFING_PAGES_GENERATED"


def content_epoch(briefing: Briefing) -> int:
    """The latest date the records give, in seconds: a build date only the input can change.
    Kept within what the sitemap's gzip header can hold (1970 to 2106)."""
    latest = max((entry.date for entry in entries(briefing)), default="1970")
    year, month, day = (latest.split("-") + ["1", "1"])[:3]
    seconds = int(datetime(int(year), int(month), int(day), tzinfo=UTC).timestamp())
    return min(max(seconds, 0), 2**32 - 1)


def build(root: Path, cached: bool = True) -> WriteReport:
    """Generate, then ``mkdocs build --strict`` into a fresh folder that replaces ``site/``.

    MkDocs stamps the sitemap with the build date; SOURCE_DATE_EPOCH (the caller's, or the
    input's latest date) makes the same input give byte-identical output. What would stop the
    swap (see ``site_swap``) is found before ``docs/`` is touched.
    """
    with one_run_at_a_time(root):
        site_swap.check(root)
        processes.time_limit(0)  # a limit the user set wrongly, said before anything is written
        return _build(root, cached)


def _build(root: Path, cached: bool) -> WriteReport:
    briefing, report = _generate(root, available_cores(), cached)
    fresh = site_swap.fresh(root)
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--config-file",
        str(root / "mkdocs.yml"),
        "--site-dir",
        str(fresh),
    ]
    env = {"SOURCE_DATE_EPOCH": str(content_epoch(briefing)), **os.environ}
    env["NO_MKDOCS_2_WARNING"] = "1"
    env[GENERATED] = "1"  # the pages are fresh: the MkDocs hook need not generate them again
    outcome = "docs/ is up to date; site/ was left as it was."
    pages = report.unchanged + len(report.written)
    try:
        result = processes.run("mkdocs build", command, pages, cwd=root, env=env)
    except processes.TimedOut as error:
        shutil.rmtree(fresh, ignore_errors=True)
        raise BuildError("mkdocs build --strict", str(error), outcome) from None
    if result.returncode != 0:
        shutil.rmtree(fresh, ignore_errors=True)
        output = "\n".join(
            line
            for line in (result.stderr + result.stdout).splitlines()
            if not line.startswith("INFO")
        )
        raise BuildError("mkdocs build --strict", output, outcome)
    site_swap.replace(root)
    return report
