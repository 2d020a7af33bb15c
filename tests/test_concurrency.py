"""Runs on one project take turns: none loses site/ or docs/, none prints a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from projects import REPO


def start(root: Path, command: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "generator", command, "--root", str(root)],
        cwd=REPO,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(run: subprocess.Popen) -> tuple[int, str, str]:
    out, err = run.communicate(timeout=600)
    return run.returncode, out, err


def test_builds_and_generates_at_once_take_turns(harbour_project: Path) -> None:
    runs = [start(harbour_project, command) for command in ("build", "build", "generate")]
    results = [finish(run) for run in runs]
    for code, out, err in results:
        assert code == 0 and "Traceback" not in err, err
        assert out.startswith("ok: ")
    assert any("another run is using this project: waiting" in err for _, _, err in results)
    site = harbour_project / "site"
    assert (site / "index.html").is_file() and (site / "claims" / "index.html").is_file()
    assert not (harbour_project / ".site.new").exists()
    alone = start(harbour_project, "generate")
    code, out, err = finish(alone)
    assert code == 0 and out.startswith("ok: 0 pages written"), (out, err)
