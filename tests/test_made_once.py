"""``projects.made_once``: what parallel workers share is made once, and a failure is not kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from projects import made_once


class Factory:
    """A worker's tmp_path_factory, as far as made_once asks it."""

    def __init__(self, base: Path) -> None:
        self.base = base

    def getbasetemp(self) -> Path:
        return self.base


def test_the_workers_of_one_run_share_what_the_first_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = []

    def make(folder: Path) -> None:
        made.append(folder)
        (folder / "site.html").write_text("built", encoding="utf-8")

    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw0")
    first = made_once(Factory(tmp_path / "gw0"), "site", make)
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw1")
    second = made_once(Factory(tmp_path / "gw1"), "site", make)

    assert first == second and len(made) == 1
    assert (second / "site.html").read_text(encoding="utf-8") == "built"


def test_a_failed_make_is_made_again_from_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PYTEST_XDIST_WORKER", raising=False)  # one process: its own base

    def fail(folder: Path) -> None:
        (folder / "half.html").write_text("half", encoding="utf-8")
        raise AssertionError("the build failed")

    with pytest.raises(AssertionError, match="the build failed"):
        made_once(Factory(tmp_path), "site", fail)
    again = made_once(Factory(tmp_path), "site", lambda folder: None)
    assert list(again.iterdir()) == []
