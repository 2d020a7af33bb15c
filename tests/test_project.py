"""The project's promises about itself: documented commands, clean code, honest CI."""

from __future__ import annotations

import re
import subprocess
import sys

import yaml
from conftest import REPO

from generator.cli import COMMANDS, parser

README = (REPO / "README.md").read_text(encoding="utf-8")
MAKEFILE = (REPO / "Makefile").read_text(encoding="utf-8")


def test_every_cli_command_is_documented_in_the_readme() -> None:
    for command in COMMANDS:
        assert f"| `{command}" in README, command


def test_readme_gives_the_two_setup_commands_and_make_defines_them() -> None:
    assert "make site" in README and "make test" in README
    for target in ("site", "test", "check", "serve"):
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


def test_the_cli_help_lists_every_command() -> None:
    help_text = parser().format_help()
    for command in COMMANDS:
        assert command in help_text


def test_pre_commit_runs_the_check_on_annotation_changes() -> None:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    [hook] = config["repos"][0]["hooks"]
    assert hook["entry"] == "make check"
    assert re.match(hook["files"], "seeds/annotations/actors.yaml")


def test_a_reader_that_stops_reading_gets_no_traceback(tmp_path) -> None:
    """``briefing check | head -0``: the output cannot be written; the run ends with status 1,
    as Python's own programs do, and says nothing more."""
    command = [sys.executable, "-m", "generator", "check", "--root", str(REPO)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO)
    process.stdout.close()  # before the generator has written anything
    error = process.stderr.read().decode()
    assert process.wait() == 1 and error == "", error
