"""The generated Markdown and mkdocs.yml also build with Zensical (which runs no MkDocs hooks)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import run_cli


def zensical() -> str:
    beside = Path(sys.executable).with_name("zensical")
    found = str(beside) if beside.exists() else shutil.which("zensical")
    assert found, "zensical is not installed; it is a test dependency: pip install -e '.[test]'"
    return found


def test_generated_site_builds_with_zensical(harbour_project: Path) -> None:
    command = zensical()
    generated = run_cli(harbour_project, "generate")
    assert generated.code == 0, generated.err

    built = subprocess.run(
        [command, "build", "--clean", "--strict", "--config-file", "mkdocs.yml"],
        cwd=harbour_project,
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert built.returncode == 0, f"zensical build failed:\n{built.stdout}\n{built.stderr}"
    site = harbour_project / "site"
    pages = ["", "actors/helen-marsh/", "claims/marsh-ships-will-stop-calling/"]
    pages += ["sources/courier-2023-council-backs-dredging/", "questions/"]
    for page in pages:
        assert (site / page / "index.html").is_file(), f"zensical did not write {page}index.html"
    claim = (site / "claims/marsh-ships-will-stop-calling/index.html").read_text(encoding="utf-8")
    assert "the largest ships will stop calling here" in claim
