"""The project's promises about itself: documented commands, clean code, honest CI."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
import yaml
from conftest import REPO
from projects import copy_project, snapshot

from generator.writing import OWNED_FILES, OWNED_FOLDERS

README = (REPO / "README.md").read_text(encoding="utf-8")
MAKEFILE = (REPO / "Makefile").read_text(encoding="utf-8")


def generator_help(*command: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "generator", *command, "--help"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def readme_commands() -> dict[str, str]:
    """The rows of the README's command table, by command."""
    rows = re.finditer(r"^\| `([a-z][a-z-]*)[^`]*` \|.*$", README, re.MULTILINE)
    return {row.group(1): row.group() for row in rows}


def test_the_readme_documents_exactly_the_commands_the_cli_offers() -> None:
    listed = re.findall(r"^    ([a-z][a-z-]*)", generator_help(), re.MULTILINE)
    assert listed, "python -m generator --help lists no command"
    assert sorted(readme_commands()) == sorted(listed)


def test_every_option_the_readme_gives_a_command_is_one_it_takes() -> None:
    for command, row in readme_commands().items():
        accepted = set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", generator_help(command)))
        for option in re.findall(r"`(--[a-z][a-z-]*)", row):
            assert option in accepted, (command, option)


def test_readme_gives_the_two_setup_commands_and_make_defines_them() -> None:
    assert "make site" in README and "make test" in README
    for target in ("site", "test", "test-quick", "check", "serve"):
        assert f"\n{target}:" in MAKEFILE


def test_ci_runs_the_readme_test_command() -> None:
    assert "make test" in (REPO / ".ci" / "run").read_text(encoding="utf-8")


def test_code_is_ruff_clean() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "generator", "tests"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_pre_commit_runs_the_check_on_annotation_changes() -> None:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    [hook] = config["repos"][0]["hooks"]
    assert hook["entry"] == "make check"
    assert re.match(hook["files"], "seeds/annotations/actors.yaml")


def test_a_reader_that_stops_reading_gets_no_traceback(minimal) -> None:
    """``briefing check | head -0``: the output cannot be written; the run ends with status 1,
    as Python's own programs do, and says nothing more."""
    command = [sys.executable, "-m", "generator", "check", "--root", str(minimal)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO)
    process.stdout.close()  # before the generator has written anything
    error = process.stderr.read().decode()
    assert process.wait() == 1 and error == "", error


def test_the_readme_layout_names_every_stage_package() -> None:
    """A newcomer finds where a change belongs from the folder names: each package is listed."""
    layout = README.split("## Layout", 1)[1].split("\n## ", 1)[0]
    packages = sorted(p.parent.name for p in (REPO / "generator").glob("*/__init__.py"))
    assert packages, "generator/ has no packages"
    missing = [name for name in packages if f"  {name}/" not in layout]
    assert not missing, f"README's Layout does not list generator/{missing[0]}/"


@pytest.mark.slow
def test_make_clean_works_on_a_fresh_clone_without_the_virtual_environment(tmp_path) -> None:
    """``make clean`` removes the generated pages, the site and the cache, and keeps the
    hand-written pages, with a Python that has no package installed (``-S``: not even the
    system's): a fresh clone has no .venv."""
    root = copy_project(REPO, tmp_path / "clone")
    hand_written = snapshot(root / "docs")
    generated = [*OWNED_FILES, *(f"{folder}/some-record.md" for folder in OWNED_FOLDERS)]
    for name in [*generated, "../site/index.html", "../.briefing-cache/store.sqlite"]:
        (root / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / name).write_text("generated", encoding="utf-8")

    result = subprocess.run(
        ["make", "clean", f"PYTHON={sys.executable} -S -E"],
        capture_output=True,
        text=True,
        cwd=root,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert snapshot(root / "docs") == hand_written
    assert not (root / "site").exists() and not (root / ".briefing-cache").exists()
