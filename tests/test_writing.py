from __future__ import annotations

from pathlib import Path

from generator.writing import write_pages


def test_only_changed_pages_are_rewritten(tmp_path: Path) -> None:
    write_pages(tmp_path, {"index.md": "home\n", "claims/a.md": "a\n", "claims/b.md": "b\n"})
    before = (tmp_path / "claims" / "a.md").stat().st_mtime_ns

    report = write_pages(
        tmp_path, {"index.md": "home\n", "claims/a.md": "a\n", "claims/b.md": "B\n"}
    )

    assert report.written == ["claims/b.md"]
    assert report.unchanged == 2
    assert (tmp_path / "claims" / "a.md").stat().st_mtime_ns == before
    assert (tmp_path / "claims" / "b.md").read_text() == "B\n"


def test_pages_of_deleted_records_are_removed_and_hand_written_pages_kept(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("hand-written\n")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "draft.md").write_text("mine\n")
    write_pages(tmp_path, {"index.md": "x\n", "actors/old.md": "x\n", "actors/deep/er.md": "x\n"})

    report = write_pages(tmp_path, {"index.md": "x\n"})

    assert report.removed == ["actors/deep/er.md", "actors/old.md"]
    assert not (tmp_path / "actors" / "deep").exists()
    assert (tmp_path / "notes.md").read_text() == "hand-written\n"
    assert (tmp_path / "notes" / "draft.md").read_text() == "mine\n"
    assert sorted(p.name for p in tmp_path.rglob("*.tmp")) == []


def test_pages_get_the_permissions_of_any_new_file(tmp_path: Path) -> None:
    """Not the owner's alone: a deploy step or server running as another user reads them."""
    write_pages(tmp_path, {"index.md": "home\n", "claims/a.md": "a\n"})
    (tmp_path / "by-hand.md").write_text("mine\n")
    expected = (tmp_path / "by-hand.md").stat().st_mode
    assert (tmp_path / "index.md").stat().st_mode == expected
    assert (tmp_path / "claims" / "a.md").stat().st_mode == expected
