from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/ from the current output (review the diff afterwards)",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return request.config.getoption("--update-golden")


@dataclass
class Run:
    code: int
    out: str
    err: str


def run_cli(root: Path, *arguments: str) -> Run:
    """Run the generator as a user does, in a separate process."""
    result = subprocess.run(
        [sys.executable, "-m", "generator", *arguments, "--root", str(root)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return Run(result.returncode, result.stdout, result.stderr)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes: two equal snapshots mean nothing changed."""
    if not folder.exists():
        return {}
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    """A small, valid project (tests/fixtures/minimal) using the repository's templates."""
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "minimal", root)
    shutil.copytree(REPO / "templates", root / "templates")
    (root / "docs").mkdir(exist_ok=True)
    return root


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project, copied and built once with ``python -m generator build``."""
    root = tmp_path_factory.mktemp("site") / "project"
    ignore = shutil.ignore_patterns(".venv", ".git", "site", ".site.*", "__pycache__", "*.egg-info")
    shutil.copytree(REPO, root, ignore=ignore)
    result = run_cli(root, "build")
    assert result.code == 0, result.err
    return root
