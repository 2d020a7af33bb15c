"""The generated Markdown and mkdocs.yml also build with Zensical (which runs no MkDocs hooks)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO, run_cli

from generator.writing import OWNED_FILES, OWNED_FOLDERS


def zensical() -> str:
    beside = Path(sys.executable).with_name("zensical")
    found = str(beside) if beside.exists() else shutil.which("zensical")
    assert found, "zensical is not installed; it is a test dependency: pip install -e '.[test]'"
    return found


def test_generated_site_builds_with_zensical(minimal: Path) -> None:
    command = zensical()
    shutil.copy(REPO / "mkdocs.yml", minimal / "mkdocs.yml")
    for page in (REPO / "docs").iterdir():  # the hand-written pages mkdocs.yml names
        if page.is_file() and page.suffix == ".md" and page.name not in OWNED_FILES:
            shutil.copy(page, minimal / "docs" / page.name)
        elif page.is_dir() and page.name not in OWNED_FOLDERS:
            shutil.copytree(page, minimal / "docs" / page.name)
    generated = run_cli(minimal, "generate")
    assert generated.code == 0, generated.err

    built = subprocess.run(
        [command, "build", "--clean", "--strict", "--config-file", "mkdocs.yml"],
        cwd=minimal,
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert built.returncode == 0, f"zensical build failed:\n{built.stdout}\n{built.stderr}"
    site = minimal / "site"
    for page in ("", "actors/ann-lee/", "claims/bridge-unsafe/", "sources/bridge-closure/"):
        assert (site / page / "index.html").is_file(), f"zensical did not write {page}index.html"
    claim = (site / "claims/bridge-unsafe/index.html").read_text(encoding="utf-8")
    assert "Safety comes first" in claim
