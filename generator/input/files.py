"""What is under ``seeds/``, and reading it within bounds.

A file's size is known before it is read, and only a regular file is opened: a symlink to
``/dev/zero`` would otherwise be read until memory ran out, and opening a FIFO waits for a
writer forever. Symlinked folders are followed (``Path.rglob`` skips them without a word), each
real folder once; a link that leads out of the project is reported unless ``seeds/briefing.yaml``
allows it, so that no file from elsewhere is published unnoticed.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from generator.problems import InputError, Location, Problem

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def special(mode: int) -> str:
    """What a file of ``mode`` is when it is not a regular file ('' when it is one)."""
    if stat.S_ISREG(mode):
        return ""
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def not_a_file(shown: str, kind: str) -> Problem:
    hint = "only regular files are read: remove it, or put the file itself in its place"
    return Problem(Location(shown), f"this is {kind}, not a file", hint)


def too_large(shown: str, limit: int) -> Problem:
    return Problem(Location(shown), f"file is larger than {limit:,} bytes", "split it up")


def read_bounded(path: Path, shown: str, limit: int) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them, or InputError.

    Opened without waiting (a file swapped for a FIFO since it was looked at cannot hang the
    run), looked at again through the open file, and read no further than the limit allows."""
    try:
        kind = special(os.stat(path).st_mode)
        if kind:
            raise InputError([not_a_file(shown, kind)])
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        with os.fdopen(descriptor, "rb") as file:
            status = os.fstat(file.fileno())
            kind = special(status.st_mode)
            if kind:
                raise InputError([not_a_file(shown, kind)])
            if status.st_size > limit:
                raise InputError([too_large(shown, limit)])
            raw = file.read(limit + 1)  # a file growing meanwhile is cut here
    except OSError as error:
        message = f"cannot read file: {error.strerror}"
        raise InputError([Problem(Location(shown), message)]) from None
    if len(raw) > limit:
        raise InputError([too_large(shown, limit)])
    return raw


def walk(folder: Path) -> list[Path]:
    """Every path under ``folder``, through symlinked folders too, each real folder once (a
    link to a folder above it cannot loop); in no particular order."""
    found: list[Path] = []
    seen: set[str] = set()
    pending = [folder]
    while pending:
        current = pending.pop()
        real = os.path.realpath(current)
        if real in seen:
            continue
        seen.add(real)
        try:
            entries = list(os.scandir(current))
        except OSError:
            continue  # not a folder, or unreadable: the file's own read says why
        for entry in entries:
            path = current / entry.name
            found.append(path)
            if entry.is_dir():  # follows a symlink
                pending.append(path)
    return found


def leaves_project(path: Path, root: Path, known: dict[str, bool] | None = None) -> Path | None:
    """The first symlink on ``path`` (from the project's root down) that leads outside the
    project, or None. ``known``: what earlier calls found of each folder on the way, by its
    path, for the calls over a whole folder's files to look at each folder once."""
    known = {} if known is None else known
    current, text = str(root), str(path)
    inside = text.startswith(current + os.sep) and os.sep + "." not in text  # no '..' to resolve
    parts = text[len(current) + 1 :].split(os.sep) if inside else path.relative_to(root).parts
    for part in parts:
        current = os.path.join(current, part)
        if current not in known:
            known[current] = os.path.islink(current) and not _within(current, root)
        if known[current]:
            return Path(current)
    return None


def _within(path: str, root: Path) -> bool:
    real, inside = os.path.realpath(path), os.path.realpath(root)
    return real == inside or real.startswith(inside.rstrip(os.sep) + os.sep)
