"""The public exceptions: an input problem names its place, a failed build says what the
renderer said and names no input file; the CLI and the MkDocs hook print either cleanly."""

from __future__ import annotations

import contextlib
import marshal
import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import FIXTURES, run_cli, snapshot
from mkdocs.exceptions import Abort
from projects import run_in_process

import generator
from generator import pipeline
from generator.integrations import mkdocs_hook
from generator.problems import BuildError, InputError, Location

BROKEN_LINK = "[a page nobody wrote](nowhere.md)\n"


def _with_mkdocs(root: Path) -> Path:
    """A plain MkDocs configuration (no hook, default theme) naming the project's title."""
    config = "site_name: The Springfield bridge\nsite_description: A minimal briefing used by the tests.\n"
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root


def test_the_exception_types_are_public_and_share_one_base() -> None:
    assert issubclass(generator.InputError, generator.BriefingError)
    assert issubclass(generator.BuildError, generator.BriefingError)
    assert not issubclass(generator.BuildError, generator.InputError)


def test_an_input_error_carries_every_located_problem(minimal: Path) -> None:
    shutil.copytree(FIXTURES / "bad" / "misquote" / "files", minimal, dirs_exist_ok=True)

    with pytest.raises(InputError) as caught:
        pipeline.check(minimal)

    [problem] = caught.value.problems
    assert problem.location == Location("seeds/annotations/bad.yaml", 7, 16)
    assert caught.value.report().endswith("1 problem found; nothing was written.")


def test_a_failed_mkdocs_build_is_a_build_error_with_its_output_and_no_location(
    minimal: Path,
) -> None:
    _with_mkdocs(minimal)
    (minimal / "docs" / "notes.md").write_text(BROKEN_LINK, encoding="utf-8")

    with pytest.raises(BuildError) as caught:
        pipeline.build(minimal)

    error = caught.value
    assert not isinstance(error, InputError)
    assert error.command == "mkdocs build --strict"
    assert "nowhere.md" in error.output
    assert "mkdocs.yml" not in error.report().splitlines()[0]  # no made-up place in the input
    assert error.report().endswith("docs/ is up to date; site/ was left as it was.")


def test_the_cli_prints_a_failed_build_without_a_traceback(minimal: Path) -> None:
    _with_mkdocs(minimal)
    (minimal / "docs" / "notes.md").write_text(BROKEN_LINK, encoding="utf-8")
    site = minimal / "site"
    site.mkdir()
    (site / "index.html").write_text("the last good site", encoding="utf-8")

    result = run_cli(minimal, "build")

    assert result.code == 1
    assert "Traceback" not in result.err
    assert result.err.startswith("mkdocs build --strict failed:\n")
    assert "nowhere.md" in result.err
    assert result.err.rstrip().endswith("site/ was left as it was.")
    assert snapshot(site) == {"index.html": b"the last good site"}


class _Config:
    def __init__(self, root: Path):
        self.config_file_path = str(root / "mkdocs.yml")


def test_the_hook_aborts_a_build_with_the_report(minimal: Path) -> None:
    shutil.copytree(FIXTURES / "bad" / "misquote" / "files", minimal, dirs_exist_ok=True)
    mkdocs_hook.on_startup("build", dirty=False)

    with pytest.raises(Abort) as caught:
        mkdocs_hook.on_pre_build(_Config(minimal))

    assert "seeds/annotations/bad.yaml:7:16: quote not found" in str(caught.value)


def test_the_hook_keeps_serving_after_any_briefing_error(
    minimal: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(root: Path) -> None:
        raise BuildError("a renderer", "it said no", "nothing changed.")

    monkeypatch.setattr(pipeline, "generate", failing)
    mkdocs_hook.on_startup("serve", dirty=False)
    try:
        mkdocs_hook.on_pre_build(_Config(minimal))
    finally:
        mkdocs_hook.on_startup("build", dirty=False)

    err = capsys.readouterr().err
    assert (
        err
        == "a renderer failed:\nit said no\nnothing changed.\nStill serving the last good pages.\n"
    )


@pytest.mark.parametrize("damage", [b"\x00\xff\x00\xff", "a list"])
def test_a_damaged_store_is_discarded_with_one_line(minimal: Path, damage: object) -> None:
    assert run_in_process(minimal, "generate").code == 0
    pages = snapshot(minimal / "docs")
    with contextlib.closing(sqlite3.connect(minimal / ".briefing-cache" / "store.sqlite")) as db:
        rows = db.execute("SELECT map, bucket, entries FROM buckets").fetchall()
        # raw garbage, or well-formed marshal data of the wrong shape written over a row
        entries = damage if isinstance(damage, bytes) else marshal.dumps([1, 2, 3])
        db.execute("UPDATE buckets SET entries = ? WHERE rowid = 1", (entries,))
        db.commit()
    assert rows
    shutil.rmtree(minimal / "docs")
    (minimal / "docs").mkdir()

    result = run_cli(minimal, "generate")

    assert result.code == 0
    assert "Traceback" not in result.err
    [line] = result.err.splitlines()
    assert line.startswith(".briefing-cache/store.sqlite is damaged (")
    assert line.endswith("): discarded; this run does all the work")
    assert snapshot(minimal / "docs") == pages
    assert run_cli(minimal, "generate").err == ""  # made again whole


def test_file_names_are_printed_with_their_control_characters_escaped(minimal: Path) -> None:
    # a file name that clears the screen and forges a line of its own
    name = "x\x1b[2J\x1b[H\rfake.yaml:1:1: ok\u202e.txt"
    (minimal / "seeds" / "annotations" / name).write_text("claims: []\n", encoding="utf-8")

    result = run_cli(minimal, "check")

    assert result.code == 1
    assert "\x1b" not in result.err and "\r" not in result.err and "\u202e" not in result.err
    assert result.err.startswith(
        "seeds/annotations/x<U+001B>[2J<U+001B>[H<U+000D>fake.yaml:1:1: ok<U+202E>.txt: "
        "this file is not read\n"
    )
