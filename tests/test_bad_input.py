"""One fixture per known bad input: exact message and location, exit code 1, nothing written.

Each case in fixtures/bad/<case>/ overlays ``files/`` on the minimal project, after the minimal
project has been generated once; ``expected.txt`` is the exact standard error.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, run_cli, snapshot

CASES = sorted(path for path in (FIXTURES / "bad").iterdir() if path.is_dir())


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input_is_reported_and_nothing_is_written(
    case: Path, minimal: Path, update_golden: bool
) -> None:
    assert run_cli(minimal, "generate").code == 0
    before = snapshot(minimal / "docs")
    shutil.copytree(case / "files", minimal, dirs_exist_ok=True)

    result = run_cli(minimal, "generate")

    assert result.code == 1
    assert result.out == ""
    assert "Traceback" not in result.err
    expected = case / "expected.txt"
    if update_golden:  # only once the run failed as it must: a regression is never recorded
        expected.write_text(result.err, encoding="utf-8")
    assert result.err == expected.read_text(encoding="utf-8")
    assert snapshot(minimal / "docs") == before


def test_check_reports_the_same_problems_as_generate(minimal: Path) -> None:
    shutil.copytree(FIXTURES / "bad" / "many-problems" / "files", minimal, dirs_exist_ok=True)
    assert run_cli(minimal, "check").err == run_cli(minimal, "generate").err


def test_a_failed_build_leaves_site_as_it_was(minimal: Path) -> None:
    site = minimal / "site"
    site.mkdir()
    (site / "index.html").write_text("the last good site", encoding="utf-8")
    shutil.copytree(FIXTURES / "bad" / "misquote" / "files", minimal, dirs_exist_ok=True)

    result = run_cli(minimal, "build")

    assert result.code == 1
    assert "seeds/annotations/bad.yaml:7:16: quote not found" in result.err
    assert snapshot(site) == {"index.html": b"the last good site"}
