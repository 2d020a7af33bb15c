"""``diff REV`` (issue 31, item 6): the records a pull request adds, changes and removes."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from projects import HARBOUR, REPO, add_further_article, copy_project, run_in_process, with_seeds

CLAIMS = Path("seeds/annotations/courier-2023-council-backs-dredging.yaml")
JUDGMENTS = Path("seeds/annotations/judgments.yaml")


def git(root: Path, *arguments: str) -> None:
    command = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*command, *arguments], check=True, capture_output=True)


def replaced(root: Path, path: Path, old: str, new: str) -> None:
    text = (root / path).read_text(encoding="utf-8")
    assert old in text, old
    (root / path).write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def committed(tmp_path: Path) -> Path:
    root = with_seeds(copy_project(REPO, tmp_path / "project"), HARBOUR / "seeds")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "the briefing")
    return root


def test_diff_lists_the_records_added_changed_and_removed(committed: Path) -> None:
    root = committed
    assert run_in_process(root, "diff", "main").out == (
        "### Records since `main`: 0 added, 0 changed, 0 removed\n"
    )
    replaced(root, CLAIMS, "summary: Without dredging,", "summary: Short of dredging,")
    # a claim renamed: removed under its old id, added under the new one
    replaced(root, JUDGMENTS, "- fishermen-court-challenge\n", "- appeal-by-fishermen\n")
    replaced(root, CLAIMS, "id: fishermen-court-challenge", "id: appeal-by-fishermen")
    result = run_in_process(root, "diff", "main")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == "### Records since `main`: 1 added, 2 changed, 1 removed"
    assert "**Added**" in lines and "**Changed**" in lines and "**Removed**" in lines
    added = lines[lines.index("**Added**") + 2]
    assert added.startswith("- claims/`appeal-by-fishermen`: ")
    changed = lines[lines.index("**Changed**") + 2 : lines.index("**Removed**") - 1]
    assert {line.split(":")[0] for line in changed} == {
        "- claims/`marsh-ships-will-stop-calling`",
        "- judgments/`" + _judgment(root) + "`",
    }
    assert lines[-1].startswith("- claims/`fishermen-court-challenge`: ")


def _judgment(root: Path) -> str:
    text = (root / JUDGMENTS).read_text(encoding="utf-8")
    return text.split("- id: ", 1)[1].split("\n", 1)[0].strip()


def test_an_unknown_revision_is_one_line(committed: Path) -> None:
    result = run_in_process(committed, "diff", "no-such-branch")
    assert result.code == 1
    [line] = result.err.splitlines()
    assert line.startswith("diff: cannot read seeds/ at 'no-such-branch': ")


def test_a_label_cannot_become_markup_in_the_summary() -> None:
    from generator.authoring.changes import _text

    shown = _text("<img src=x onerror=alert(1)> [a](javascript:x) *b* `c`\n# d")
    assert not any(c in shown.replace("\\<", "").replace("\\>", "") for c in "<>")
    for mark in "[]()*`#":
        assert all(shown[i - 1] == "\\" for i, c in enumerate(shown) if c == mark)
    assert "\n" not in shown


def test_an_added_article_is_reported_with_its_records(committed: Path, tmp_path: Path) -> None:
    """As a pull request that adds an article shows it: its source and every record its
    annotation defines are added; the records it extends with more evidence are changed."""
    further = add_further_article(committed, tmp_path / "received")
    result = run_in_process(committed, "diff", "main")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    added = lines[lines.index("**Added**") + 2 :]
    added = added[: added.index("")] if "" in added else added
    named = {line.split("`")[1] for line in added}
    assert named == {further.source, *further.defined}
    changed = set()
    if "**Changed**" in lines:
        rest = lines[lines.index("**Changed**") + 2 :]
        changed = {line.split("`")[1] for line in rest if line.startswith("- ")}
    assert changed == set(further.extended)
