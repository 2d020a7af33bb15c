from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import settings
from projects import (
    FIXTURES,
    HARBOUR,
    REPO,
    Run,
    copy_project,
    made_once,
    run_cli,
    snapshot,
    with_seeds,
)

from generator import pipeline
from generator.input.validation import load_briefing
from generator.model.kinds import KINDS
from generator.render import overviews, timeline

__all__ = ["FIXTURES", "HARBOUR", "REPO", "Run", "run_cli", "snapshot"]

pytest_plugins = [
    "browsing",  # the browser, and the built harbour site served, for any module
    "slow_marks",  # which tests `make test-quick` leaves out
]

# Property tests draw the same examples every run, so a run fails only for a defect; no example
# database is written (parallel workers would share it)
settings.register_profile("briefing", derandomize=True, database=None)
settings.load_profile("briefing")


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

    def build(folder: Path) -> None:
        root = with_seeds(copy_project(REPO, folder / "project"), HARBOUR / "seeds")
        result = run_cli(root, "build")
        assert result.code == 0, result.err

    return made_once(tmp_path_factory, "harbour-site", build) / "project"


@pytest.fixture(scope="session")
def split_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The harbour fixture built as if it were too long for any listing to be one page: every
    split a long briefing's listings make (index, timeline, claims by source, topics), made
    from one record on. Built in this process, where the thresholds are changed."""

    def build(folder: Path) -> None:
        root = with_seeds(copy_project(REPO, folder / "project"), HARBOUR / "seeds")
        with pytest.MonkeyPatch.context() as patch:
            split_from_one(patch)
            pipeline.build(root, cached=False)

    return made_once(tmp_path_factory, "harbour-split-site", build) / "project"


def split_from_one(patch: pytest.MonkeyPatch) -> None:
    """Every listing a long briefing splits into pages split from one record on."""
    for kind in KINDS.values():
        patch.setattr(kind, "split_from", 1)
    patch.setattr(overviews, "BY_SOURCE_SPLIT_FROM", 1)
    patch.setattr(overviews, "TOPICS_SPLIT_FROM", 1)
    patch.setattr(timeline, "SPLIT_FROM", 1)


@pytest.fixture(scope="session")
def built_briefing(built_site: Path):
    return load_briefing(built_site)
