from __future__ import annotations

import errno
import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from projects import REPO, run_cli, run_in_process

from generator import pipeline, site_swap, writing
from generator.problems import InputError, OutputError
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


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_a_hand_written_page_in_a_generated_folder_is_left_alone_and_reported(
    tmp_path: Path,
) -> None:
    write_pages(tmp_path, {"index.md": "x\n", "data/a.csv": "a\n"})
    (tmp_path / "data" / "notes.md").write_text("mine\n")
    report = write_pages(tmp_path, {"index.md": "x\n"})
    assert report.removed == ["data/a.csv"]
    assert (tmp_path / "data" / "notes.md").read_text() == "mine\n"
    assert report.foreign == ["data/notes.md"]
    assert "left alone, as the generator did not write them: docs/data/notes.md" in str(report)


def test_a_file_the_generator_did_not_write_is_never_overwritten(tmp_path: Path) -> None:
    write_pages(tmp_path, {"index.md": "x\n"})
    (tmp_path / "questions").mkdir()
    (tmp_path / "questions" / "why.md").write_text("my own question\n")
    before = snapshot(tmp_path)
    with pytest.raises(OutputError) as error:
        write_pages(tmp_path, {"index.md": "y\n", "questions/why.md": "generated\n"})
    assert "questions/why.md: this file was not written by the generator" in error.value.report()
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("failure", ["name too long", "disk full"])
def test_a_failed_write_leaves_docs_as_it_was(tmp_path: Path, monkeypatch, failure: str) -> None:
    write_pages(tmp_path, {"index.md": "x\n", "claims/a.md": "a\n"})
    before = snapshot(tmp_path)
    pages = {"index.md": "y\n", "claims/a.md": "b\n", "claims/new/c.md": "c\n"}
    if failure == "name too long":
        pages[f"claims/{'x' * 300}.md"] = "long\n"
    else:
        temporary = writing._temporary

        def full(target: Path, data: bytes) -> Path:
            if target.name == "c.md":
                raise OSError(errno.ENOSPC, "No space left on device")
            return temporary(target, data)

        monkeypatch.setattr(writing, "_temporary", full)
    with pytest.raises(OutputError) as error:
        write_pages(tmp_path, pages)
    assert "cannot write the page" in error.value.report()
    assert "docs/ was left as it was." in error.value.report()
    assert snapshot(tmp_path) == before
    assert not (tmp_path / "claims" / "new").exists()


def test_a_damaged_manifest_cannot_name_a_file_outside_the_generated_pages(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_pages(docs, {"index.md": "x\n"})
    (tmp_path / "precious.txt").write_text("keep\n")
    (docs / "format.md").write_text("hand-written\n")
    listed = ["index.md", "../precious.txt", "format.md", "claims/../../precious.txt"]
    (docs / writing.MANIFEST).write_text(json.dumps(listed))
    write_pages(docs, {"index.md": "x\n"})
    assert (tmp_path / "precious.txt").read_text() == "keep\n"
    assert (docs / "format.md").read_text() == "hand-written\n"


def _written(docs: Path) -> dict[str, bytes]:
    write_pages(docs, {"index.md": "x\n", "claims/a.md": "a\n", "claims/b.md": "b\n"})
    return snapshot(docs)


@pytest.mark.parametrize("obstacle", ["folder", "symlink", "file for a folder"])
def test_an_obstacle_in_docs_is_found_before_anything_is_replaced(
    tmp_path: Path, obstacle: str
) -> None:
    docs = tmp_path / "docs"
    _written(docs)
    (tmp_path / "elsewhere.md").write_text("not a page\n")
    if obstacle == "folder":
        (docs / "claims" / "b.md").unlink()
        (docs / "claims" / "b.md").mkdir()
        where = "docs/claims/b.md: a folder is where a generated page goes"
    elif obstacle == "symlink":
        (docs / "claims" / "b.md").unlink()
        (docs / "claims" / "b.md").symlink_to(tmp_path / "elsewhere.md")
        where = "docs/claims/b.md: a symlink is where a generated page goes"
    else:
        (docs / "measures").write_text("mine\n")
        where = "docs/measures: a file is where a folder of generated pages goes"
    before = snapshot(docs)
    pages = {"index.md": "y\n", "claims/a.md": "A\n", "claims/b.md": "B\n", "measures/m.md": "m\n"}
    with pytest.raises(OutputError) as error:
        write_pages(docs, pages)
    assert where in error.value.report()
    assert snapshot(docs) == before
    assert (tmp_path / "elsewhere.md").read_text() == "not a page\n"
    assert not list(docs.rglob("*.tmp"))


@pytest.mark.parametrize("step", ["link", "replace", "unlink"])
def test_a_file_the_system_will_not_let_go_of_leaves_docs_as_it_was(
    tmp_path: Path, monkeypatch, step: str
) -> None:
    """An immutable file (chattr +i, which needs root) refuses a hard link, a rename onto it
    and its removal with EPERM: each is simulated, at the last page, after others were done."""
    docs = tmp_path / "docs"
    write_pages(docs, {"index.md": "x\n", "claims/a.md": "a\n", "claims/z.md": "z\n"})
    before = {p: (p.stat().st_ino, p.read_bytes()) for p in docs.rglob("*") if p.is_file()}
    immutable = docs / ("claims/a.md" if step == "unlink" else "claims/z.md")
    real = {"link": os.link, "replace": os.replace, "unlink": Path.unlink}[step]
    concerned = 1 if step == "replace" else 0  # the argument that is the immutable file

    def refuse(*args, **kwargs):
        if Path(args[concerned]) == immutable:
            raise PermissionError(errno.EPERM, "Operation not permitted")
        return real(*args, **kwargs)

    if step == "unlink":
        monkeypatch.setattr(Path, "unlink", refuse)
        pages = {"index.md": "y\n", "claims/z.md": "Z\n", "claims/new.md": "n\n"}
    else:
        monkeypatch.setattr(os, step, refuse)
        pages = {"index.md": "y\n", "claims/a.md": "A\n", "claims/z.md": "Z\n", "new/c.md": "c\n"}
    with pytest.raises(OutputError) as error:
        write_pages(docs, pages)
    monkeypatch.undo()
    name = immutable.relative_to(tmp_path).as_posix()
    assert f"{name}: " in error.value.report() and "Operation not permitted" in error.value.report()
    after = {p: (p.stat().st_ino, p.read_bytes()) for p in docs.rglob("*") if p.is_file()}
    assert after == before
    assert not (docs / "new").exists()


def test_temporary_files_of_a_killed_run_are_removed_by_the_next(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_pages(docs, {"index.md": "x\n", "claims/a.md": "a\n"})
    left = [docs / ".0123456789ab.tmp", docs / "claims" / ".abcdef012345.tmp"]
    for path in left:
        path.write_text("half a page")
    (docs / "claims" / ".notes.tmp").write_text("mine")  # not a name the writer gives
    write_pages(docs, {"index.md": "x\n", "claims/a.md": "a\n"})
    assert not any(path.exists() for path in left)
    assert (docs / "claims" / ".notes.tmp").read_text() == "mine"


def test_a_symlinked_site_is_refused_not_replaced(harbour_project: Path, tmp_path: Path) -> None:
    served = tmp_path / "served"
    served.mkdir()
    (served / "index.html").write_text("the last site\n")
    (harbour_project / "site").symlink_to(served)
    docs = snapshot(harbour_project / "docs")
    result = run_cli(harbour_project, "build")
    assert result.code == 1 and "Traceback" not in result.err, result.err
    assert "site/: site/ is a symlink, which a build would replace with a folder" in result.err
    assert "1 problem found; docs/ and site/ were left as they were." in result.err
    assert (harbour_project / "site").is_symlink()
    assert snapshot(served) == {"index.html": b"the last site\n"}
    assert snapshot(harbour_project / "docs") == docs


def test_a_site_near_github_pages_limit_is_warned_of_with_what_to_do(
    harbour_project: Path, monkeypatch
) -> None:
    """GitHub Pages refuses a site over 1 GB: the build says so from 800 MB (here, from 1 kB),
    and still succeeds; a site at the limit or under it is not warned of."""
    monkeypatch.setattr(site_swap, "WARN_FROM_BYTES", 1_000)
    result = run_in_process(harbour_project, "build")
    assert result.code == 0, result.err
    built = sum(f.stat().st_size for f in (harbour_project / "site").rglob("*") if f.is_file())
    assert f"warning: site/ is {built / 10**6:,.0f} MB, and GitHub Pages refuses" in result.err
    assert "split the briefing into topics of their own" in result.err
    monkeypatch.setattr(site_swap, "WARN_FROM_BYTES", built)
    assert site_swap.size_warning(harbour_project) is None
    monkeypatch.setattr(site_swap, "WARN_FROM_BYTES", 800 * 10**6)
    assert site_swap.size_warning(harbour_project) is None


@pytest.mark.parametrize("name", [".site.new", ".site.old"])
def test_a_stale_file_named_like_the_builds_folders_is_refused(
    harbour_project: Path, name: str
) -> None:
    (harbour_project / name).write_text("not a folder\n")
    docs = snapshot(harbour_project / "docs")
    result = run_cli(harbour_project, "build")
    assert result.code == 1 and "Traceback" not in result.err, result.err
    assert f"{name}: {name} is in the way: the build writes a folder" in result.err
    assert (harbour_project / name).read_text() == "not a folder\n"
    assert snapshot(harbour_project / "docs") == docs
    assert not (harbour_project / "site").exists()


def test_a_site_that_is_a_mount_point_is_refused_before_the_build(
    harbour_project: Path, monkeypatch
) -> None:
    """Mounting needs root: the check's answer is injected."""
    (harbour_project / "site").mkdir()
    (harbour_project / "site" / "index.html").write_text("mounted\n")
    docs = snapshot(harbour_project / "docs")
    site = str(harbour_project / "site")
    ismount = os.path.ismount
    monkeypatch.setattr(os.path, "ismount", lambda path: str(path) == site or ismount(path))
    with pytest.raises(InputError, match="site/: site/ is a mount point"):
        pipeline.build(harbour_project, cached=False)
    assert snapshot(harbour_project / "docs") == docs
    assert snapshot(harbour_project / "site") == {"index.html": b"mounted\n"}


@pytest.mark.parametrize("error", [errno.EBUSY, errno.EPERM])
def test_a_site_the_system_will_not_rename_is_left_as_it_was(
    harbour_project: Path, monkeypatch, error: int
) -> None:
    """A mount point (EBUSY) or an immutable folder (EPERM) refuses the rename that replaces
    it, which comes after MkDocs has built: simulated at that rename."""
    (harbour_project / "site").mkdir()
    (harbour_project / "site" / "index.html").write_text("the last site\n")
    site, rename = harbour_project / "site", os.rename

    def refuse(source, target, *args, **kwargs):
        if Path(source) == site:
            raise OSError(error, os.strerror(error))
        return rename(source, target, *args, **kwargs)

    monkeypatch.setattr(os, "rename", refuse)
    with pytest.raises(InputError) as raised:
        pipeline.build(harbour_project, cached=False)
    report = raised.value.report()
    assert f"site/: cannot replace site/ with the new build: {os.strerror(error)}" in report
    assert "docs/ is up to date; site/ was left as it was." in report
    assert snapshot(site) == {"index.html": b"the last site\n"}
    assert not (harbour_project / ".site.new").exists()


def test_an_unwritable_cache_means_running_without_it_with_one_line(
    harbour: Path, monkeypatch, capsys
) -> None:
    """A read-only .briefing-cache/ (which root cannot make: it writes anyway) is simulated
    by what SQLite says to a write there."""
    from generator.incremental import store

    def read_only(*args, **kwargs):
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(store.sqlite3, "connect", read_only)
    monkeypatch.setattr(store, "_TOLD", set())
    pipeline.generate(harbour)
    pipeline.generate(harbour)  # told once
    told = [line for line in capsys.readouterr().err.splitlines() if "briefing-cache" in line]
    assert told == [
        ".briefing-cache/ cannot be written (attempt to write a readonly database): running "
        "without the cache, which keeps nothing of this run's work"
    ]
    monkeypatch.undo()
    cached = snapshot(harbour / "docs")
    pipeline.generate(harbour, cached=False)
    assert snapshot(harbour / "docs") == cached


KILLED_WRITE = """
import os, signal, sys
from pathlib import Path
from generator import replacing, writing
replacing.commit = lambda *args: os.kill(os.getpid(), signal.SIGKILL)  # staged, not yet in place
writing.write_pages(Path(sys.argv[1]), {"index.md": "y\\n", "claims/a.md": "A\\n", "claims/b.md": "b\\n"})
"""


def test_a_run_killed_while_writing_leaves_docs_as_it_was_and_the_next_cleans_up(
    tmp_path: Path,
) -> None:
    docs = tmp_path / "docs"
    write_pages(docs, {"index.md": "x\n", "claims/a.md": "a\n"})
    before = snapshot(docs)
    killed = subprocess.run([sys.executable, "-c", KILLED_WRITE, str(docs)], cwd=REPO)
    assert killed.returncode == -signal.SIGKILL
    left = [path.name for path in docs.rglob("*.tmp")]
    assert left  # the staged pages and the backups
    assert {k: v for k, v in snapshot(docs).items() if not k.endswith(".tmp")} == before
    write_pages(docs, {"index.md": "y\n", "claims/a.md": "a\n"})
    assert not list(docs.rglob("*.tmp"))
    assert snapshot(docs)["index.md"] == b"y\n"


def test_an_immutable_site_is_refused_before_docs_is_touched(
    harbour_project: Path, monkeypatch
) -> None:
    """chattr +i needs root: the attribute lsattr would read is injected at the ioctl."""
    import fcntl

    site = harbour_project / "site"
    site.mkdir()
    (site / "index.html").write_text("the last site\n")
    docs = snapshot(harbour_project / "docs")
    ioctl = fcntl.ioctl

    def attributes(handle, request, *args):
        if request == site_swap.FS_IOC_GETFLAGS and os.readlink(f"/proc/self/fd/{handle}") == str(
            site
        ):
            args[0][0] = site_swap.IMMUTABLE
            return 0
        return ioctl(handle, request, *args)

    monkeypatch.setattr(fcntl, "ioctl", attributes)
    with pytest.raises(InputError, match="site/: site/ is immutable or append-only"):
        pipeline.build(harbour_project, cached=False)
    assert snapshot(harbour_project / "docs") == docs
    assert snapshot(site) == {"index.html": b"the last site\n"}


def test_a_manifest_the_system_will_not_replace_leaves_docs_as_it_was(
    tmp_path: Path, monkeypatch
) -> None:
    """The manifest is put in place with the pages: an immutable one (EPERM on the rename
    onto it, simulated) undoes the pages replaced before it."""
    docs = tmp_path / "docs"
    write_pages(docs, {"index.md": "x\n", "claims/a.md": "a\n"})
    before = snapshot(docs)
    manifest, replace = docs / writing.MANIFEST, os.replace

    def refuse(source, target, *args, **kwargs):
        if Path(target) == manifest:
            raise PermissionError(errno.EPERM, "Operation not permitted")
        return replace(source, target, *args, **kwargs)

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OutputError, match="docs/.briefing-manifest.json: cannot replace"):
        write_pages(docs, {"index.md": "y\n", "claims/a.md": "A\n", "claims/b.md": "b\n"})
    monkeypatch.undo()
    assert snapshot(docs) == before


def test_a_folder_that_cannot_be_removed_is_left_and_the_run_goes_on(
    tmp_path: Path, monkeypatch
) -> None:
    """A generated folder that is a mount point refuses rmdir (EBUSY, simulated)."""
    docs = tmp_path / "docs"
    write_pages(docs, {"index.md": "x\n", "claims/a.md": "a\n", "claims/deep/b.md": "b\n"})
    rmdir = Path.rmdir

    def busy(self: Path) -> None:
        if self.name == "deep":
            raise OSError(errno.EBUSY, "Device or resource busy")
        rmdir(self)

    monkeypatch.setattr(Path, "rmdir", busy)
    report = write_pages(docs, {"index.md": "x\n", "claims/a.md": "a\n"})
    assert report.removed == ["claims/deep/b.md"]
    assert (docs / "claims" / "deep").is_dir()


def test_a_file_where_site_goes_is_refused_and_a_killed_builds_folders_removed(
    tmp_path: Path,
) -> None:
    (tmp_path / "site").write_text("mine\n")
    for name in (".site.new", ".site.old"):
        (tmp_path / name / "pagefind").mkdir(parents=True)  # what a killed build left
    with pytest.raises(InputError, match="site/: a file is where site/ goes"):
        site_swap.check(tmp_path)
    assert (tmp_path / "site").read_text() == "mine\n"
    assert not (tmp_path / ".site.new").exists() and not (tmp_path / ".site.old").exists()
