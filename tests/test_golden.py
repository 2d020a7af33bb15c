"""The rendered Markdown of the minimal project, compared file by file with tests/golden/.

Regenerate with ``pytest --update-golden`` and review the diff before committing it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import run_cli, snapshot

GOLDEN = Path(__file__).resolve().parent / "golden" / "minimal"


def test_generated_pages_match_the_golden_files(minimal: Path, update_golden: bool) -> None:
    result = run_cli(minimal, "generate")
    assert result.code == 0, result.err
    pages = snapshot(minimal / "docs")
    if update_golden:
        shutil.rmtree(GOLDEN, ignore_errors=True)
        shutil.copytree(minimal / "docs", GOLDEN)
    assert sorted(pages) == sorted(snapshot(GOLDEN))
    for name, data in snapshot(GOLDEN).items():
        assert pages[name].decode() == data.decode(), name


def test_same_input_gives_byte_identical_output(minimal: Path, tmp_path: Path) -> None:
    twin = tmp_path / "twin"
    shutil.copytree(minimal, twin)
    assert run_cli(minimal, "generate").code == 0
    assert run_cli(twin, "generate").code == 0
    assert snapshot(minimal / "docs") == snapshot(twin / "docs")
