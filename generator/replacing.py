"""Staged pages put in place all or nothing, whatever is in ``docs/``.

``writing`` stages every changed page in a temporary file; this module finds what would stop
one taking its place before any does (a folder or a symlink where a page or a generated folder
goes, a file where a folder goes, a file the system will not let go of), and puts them in
place with a way back: each page replaced or removed is first kept under a hard link, so a
rename the system refuses halfway (an immutable file, a busy mount) is undone, and ``docs/``
is as it was, to the inode. The hard link is also the test for an immutable file, which
refuses to be linked as it refuses to be replaced.
"""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path

from generator.problems import Location, OutputError, Problem

HINT = "move it out of the way (or make it writable: chattr -i, chmod); nothing was changed"
REFUSED = (errno.EPERM, errno.EACCES, errno.EROFS)  # link: immutable, not ours, read-only


def in_the_way(docs: Path, changed: dict[str, bytes]) -> list[Problem]:
    """What stands where a page, or a folder of pages, is to be written."""
    found: dict[Path, str] = {}
    for relative_path in changed:
        target = docs / relative_path
        for folder in reversed(target.relative_to(docs).parents[:-1]):
            path = docs / folder
            if path.is_symlink():
                found[path] = "a symlink is where a folder of generated pages goes"
            elif path.exists() and not path.is_dir():
                found[path] = "a file is where a folder of generated pages goes"
        if target.is_symlink():
            found[target] = "a symlink is where a generated page goes"
        elif target.is_dir():
            found[target] = "a folder is where a generated page goes"
    return [_problem(docs, path, message) for path, message in found.items()]


def back_up(
    docs: Path, paths: list[str], staged: dict[str, Path], made_folders: list[Path]
) -> dict[str, Path]:
    """A hard link to each page about to be replaced or removed; if the system refuses one,
    everything staged is removed and every refusal is raised at its page."""
    backups: dict[str, Path] = {}
    problems = []
    for relative_path in paths:
        target = docs / relative_path
        backup = target.parent / f".{os.urandom(6).hex()}.tmp"
        try:
            os.link(target, backup, follow_symlinks=False)
        except OSError as error:
            if error.errno in REFUSED:
                reason = f"the system will not let this page be replaced: {error.strerror}"
                problems.append(_problem(docs, target, reason))
            continue  # a file system without hard links: replaced without a way back
        backups[relative_path] = backup
    if problems:
        _discard(staged.values(), backups.values(), made_folders)
        raise OutputError(problems)
    return backups


def commit(
    docs: Path,
    staged: dict[str, Path],
    stale: list[str],
    backups: dict[str, Path],
    made_folders: list[Path],
) -> None:
    """Put each staged page in its place and remove the ``stale`` ones; a step the system
    refuses undoes the steps before it, and is raised at its page."""
    done: list[str] = []
    relative_path = ""
    try:
        for relative_path, temporary in staged.items():
            os.replace(temporary, docs / relative_path)
            done.append(relative_path)
        for relative_path in stale:
            (docs / relative_path).unlink()
            done.append(relative_path)
    except OSError as error:
        for undone in reversed(done):
            if undone in backups:
                os.replace(backups.pop(undone), docs / undone)
            else:
                (docs / undone).unlink(missing_ok=True)
        _discard(staged.values(), backups.values(), made_folders)
        reason = f"cannot replace this page: {error.strerror or error}"
        raise OutputError([_problem(docs, docs / relative_path, reason)]) from None
    _discard((), backups.values(), ())


def _discard(staged, backups, made_folders) -> None:
    for path in [*staged, *backups]:
        with contextlib.suppress(OSError):
            os.unlink(path)
    for folder in reversed(made_folders):
        with contextlib.suppress(OSError):
            folder.rmdir()


def _problem(docs: Path, path: Path, message: str) -> Problem:
    return Problem(Location(f"{docs.name}/{path.relative_to(docs).as_posix()}"), message, HINT)
