"""One fixture per known bad input: exact message and location, exit code 1, nothing written.

Each case in fixtures/bad/<case>/ overlays ``files/`` on the minimal project, after the minimal
project has been generated once; ``expected.txt`` is the exact standard error. The cases run
``generate`` in this process (the message is their subject); a case, a failed build and check
run as a user runs them, in a process of their own.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, run_cli, snapshot
from projects import made_once, run_in_process

# Left out by make test-quick: each of its ninety-odd cases generates a whole project's pages.
pytestmark = pytest.mark.slow

CASES = sorted(path for path in (FIXTURES / "bad").iterdir() if path.is_dir())


@pytest.fixture
def generated(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the minimal project (the ``minimal`` fixture's), generated once for every case."""

    def generate(folder: Path) -> None:
        root = folder / "project"
        shutil.copytree(FIXTURES / "minimal", root)
        shutil.copytree(REPO / "templates", root / "templates")
        (root / "docs").mkdir(exist_ok=True)
        assert run_in_process(root, "generate").code == 0

    made = made_once(tmp_path_factory, "minimal-generated", generate) / "project"
    return shutil.copytree(made, tmp_path / "project", symlinks=True)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input_is_reported_and_nothing_is_written(
    case: Path, generated: Path, update_golden: bool
) -> None:
    before = snapshot(generated / "docs")
    shutil.copytree(case / "files", generated, dirs_exist_ok=True)

    result = run_in_process(generated, "generate")

    assert result.code == 1
    assert result.out == ""
    assert "Traceback" not in result.err
    expected = case / "expected.txt"
    if update_golden:  # only once the run failed as it must: a regression is never recorded
        expected.write_text(result.err, encoding="utf-8")
    assert result.err == expected.read_text(encoding="utf-8")
    assert snapshot(generated / "docs") == before


def test_a_case_run_in_a_process_of_its_own_ends_the_same(minimal: Path) -> None:
    assert run_cli(minimal, "generate").code == 0
    before = snapshot(minimal / "docs")
    case = FIXTURES / "bad" / "many-problems"
    shutil.copytree(case / "files", minimal, dirs_exist_ok=True)

    result = run_cli(minimal, "generate")

    assert (result.code, result.out) == (1, "")
    assert result.err == (case / "expected.txt").read_text(encoding="utf-8")
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


def test_check_can_tell_github_each_problem_at_its_place(minimal: Path) -> None:
    """`make check` on GitHub Actions: the usual report on stderr, and on stdout one annotation
    per problem at its file, line and column, its text escaped as workflow commands need."""
    shutil.copytree(FIXTURES / "bad" / "many-problems" / "files", minimal, dirs_exist_ok=True)
    plain = run_in_process(minimal, "check")
    result = run_in_process(minimal, "check", "--github-annotations")
    assert (result.code, result.err) == (1, plain.err)
    lines = [line for line in plain.err.splitlines() if not line.startswith("    hint: ")]
    problems = lines[:-1]  # the last says how many
    annotations = result.out.splitlines()
    assert len(annotations) == len(problems) > 1
    for annotation, problem in zip(annotations, problems, strict=True):
        where, _, message = problem.partition(": ")
        path, line, column = (where.split(":") + ["0", "0"])[:3]
        place = f"file={path}" + (f",line={line},col={column}" if line != "0" else "")
        assert annotation.startswith(f"::error {place}::"), (annotation, problem)
        assert "\n" not in annotation
