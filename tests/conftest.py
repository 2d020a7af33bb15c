from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from projects import FIXTURES, HARBOUR, REPO, Run, copy_project, run_cli, snapshot, with_seeds

from generator.input.validation import load_briefing

__all__ = ["FIXTURES", "HARBOUR", "REPO", "Run", "run_cli", "snapshot"]

pytest_plugins = ["browsing"]  # the browser, and the built harbour site served, for any module


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/ from the current output (review the diff afterwards)",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return request.config.getoption("--update-golden")


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    """A small, valid project (tests/fixtures/minimal) using the repository's templates."""
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "minimal", root)
    shutil.copytree(REPO / "templates", root / "templates")
    (root / "docs").mkdir(exist_ok=True)
    return root


@pytest.fixture
def harbour(tmp_path: Path) -> Path:
    """The harbour fixture's seeds with the repository's templates: enough to check and render
    (no mkdocs.yml, so not to build)."""
    root = tmp_path / "harbour"
    shutil.copytree(HARBOUR / "seeds", root / "seeds")
    shutil.copytree(REPO / "templates", root / "templates")
    (root / "docs").mkdir()
    return root


@pytest.fixture
def harbour_project(tmp_path: Path) -> Path:
    """A fresh copy of the repository with the harbour fixture's seeds: ready to build."""
    return with_seeds(copy_project(REPO, tmp_path / "project"), HARBOUR / "seeds")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh copy of the repository with the harbour fixture's seeds, built once with
    ``python -m generator build``: the site the behaviour tests look at."""
    root = copy_project(REPO, tmp_path_factory.mktemp("site") / "project")
    with_seeds(root, HARBOUR / "seeds")
    result = run_cli(root, "build")
    assert result.code == 0, result.err
    return root


@pytest.fixture(scope="session")
def built_briefing(built_site: Path):
    return load_briefing(built_site)
