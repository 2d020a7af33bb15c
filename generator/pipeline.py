"""The pipeline as one call per command: check, generate, build.

Everything is validated and rendered in memory before the first byte is written, so a run that
finds a problem leaves ``docs/`` and ``site/`` exactly as they were.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from .model import Briefing
from .problems import BriefingError, Location, Problem
from .rendering import Renderer
from .validation import load_briefing
from .writing import WriteReport, write_pages


def check(root: Path) -> Briefing:
    return load_briefing(root)


def render(root: Path) -> dict[str, str]:
    return Renderer(root / "templates", check(root)).render()


def generate(root: Path) -> WriteReport:
    pages = render(root)
    return write_pages(root / "docs", pages)


def build(root: Path) -> WriteReport:
    """Generate, then ``mkdocs build --strict`` into a fresh folder that replaces ``site/``."""
    report = generate(root)
    site, fresh = root / "site", root / ".site.new"
    shutil.rmtree(fresh, ignore_errors=True)
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
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        shutil.rmtree(fresh, ignore_errors=True)
        output = "\n".join(
            line
            for line in (result.stderr + result.stdout).splitlines()
            if not line.startswith("INFO")
        )
        problem = Problem(Location("mkdocs.yml"), f"mkdocs build --strict failed:\n{output}")
        raise BriefingError([problem], "docs/ is up to date; site/ was left as it was.")
    old = root / ".site.old"
    shutil.rmtree(old, ignore_errors=True)
    if site.exists():
        site.rename(old)
    fresh.rename(site)
    shutil.rmtree(old, ignore_errors=True)
    return report
