"""Points of contention set out by side: each claim's stance is the side it is listed under,
and a page says when only one side is represented, or when no sides are set out."""

from __future__ import annotations

from pathlib import Path

import yaml
from conftest import run_cli
from projects import as_read


def _page(root: Path, question: str) -> str:
    return (root / "docs" / "questions" / f"{question}.md").read_text(encoding="utf-8")


def test_each_claim_stands_under_its_side(harbour: Path) -> None:
    assert run_cli(harbour, "generate").code == 0
    page = _page(harbour, "does-the-harbour-need-dredging")
    assert "| Who | Side | Claim | When | Where reported |" in page
    rows = [line for line in page.splitlines() if line.startswith("| [")]
    sides = [row.split(" | ")[1] for row in rows[:4]]
    assert sides == [  # in the order the sides are given, the unplaced last
        "Yes: without it, ships will stop calling",
        "Yes: without it, ships will stop calling",
        "No: it will destroy the oyster beds",
        "not placed",
    ]
    assert "Only one side" not in page and "not set out" not in page
    assert "not set out" in _page(harbour, "is-the-dredging-harming-the-estuary")


def test_a_question_with_one_side_says_so(harbour: Path) -> None:
    path = harbour / "seeds" / "annotations" / "questions.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["questions"][0]["positions"] = data["questions"][0]["positions"][:1]
    path.write_text(as_read(data), encoding="utf-8")
    assert run_cli(harbour, "generate").code == 0
    page = _page(harbour, "does-the-harbour-need-dredging")
    assert (
        "*Only one side is represented in these sources: Yes: without it, ships will stop "
        "calling. No claim here takes another side.*" in page
    )
    memo = (harbour / "docs" / "memo.md").read_text(encoding="utf-8")
    assert "calling*: [Helen Marsh](actors/helen-marsh.md)" in memo
    assert "Only one side is represented." in memo
