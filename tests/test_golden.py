"""The rendered Markdown of the minimal and truth fixtures, compared file by file with
tests/golden/. The truth fixture's golden pages show each case of what the site may say
(``test_truth`` names them).

Regenerate with ``pytest --update-golden`` and review the diff before committing it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, run_cli, snapshot

GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.mark.parametrize("fixture", ["minimal", "truth"])
def test_generated_pages_match_the_golden_files(
    fixture: str, tmp_path: Path, update_golden: bool
) -> None:
    root, golden = tmp_path / "project", GOLDEN / fixture
    shutil.copytree(FIXTURES / fixture, root)
    shutil.copytree(REPO / "templates", root / "templates")
    (root / "docs").mkdir(exist_ok=True)
    result = run_cli(root, "generate")
    assert result.code == 0, result.err
    pages = snapshot(root / "docs")
    if update_golden:
        shutil.rmtree(golden, ignore_errors=True)
        shutil.copytree(root / "docs", golden)
    assert sorted(pages) == sorted(snapshot(golden))
    for name, data in snapshot(golden).items():
        assert pages[name].decode() == data.decode(), name


def test_same_input_gives_byte_identical_output(minimal: Path, tmp_path: Path) -> None:
    twin = tmp_path / "twin"
    shutil.copytree(minimal, twin)
    assert run_cli(minimal, "generate").code == 0
    assert run_cli(twin, "generate").code == 0
    assert snapshot(minimal / "docs") == snapshot(twin / "docs")
