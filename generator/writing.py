"""Write generated pages into ``docs/``, touching only what the generator owns.

A file is rewritten only when its bytes change, so ``mkdocs serve`` does not loop and a rebuild
after one edit rewrites a handful of files. Pages of records that no longer exist are removed.
Hand-written pages elsewhere in ``docs/`` are never read, written or deleted.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from generator.kinds import KINDS

# What the generator owns under docs/, said once: the overview pages (by the template each is
# rendered with), each kind's folder, and the downloads. The writer removes what it no longer
# makes there, ``python -m generator clean`` (``make clean``) deletes them, and a test checks
# that .gitignore lists exactly these.
OVERVIEW_PAGES = {
    "index.md": "home",
    "about.md": "about",
    "coverage.md": "coverage",
    "timeline.md": "timeline",
    "memo.md": "memo",
    "reference.md": "reference",
}
OWNED_FILES = tuple(OVERVIEW_PAGES)
OWNED_FOLDERS = (*KINDS, "data")


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0

    def __str__(self) -> str:
        return (
            f"{len(self.written)} pages written, {self.unchanged} unchanged, "
            f"{len(self.removed)} removed"
        )


def owned_files(docs: Path) -> set[str]:
    """The generated pages now in ``docs/``, as paths relative to it."""
    found = {name for name in OWNED_FILES if (docs / name).is_file()}
    for folder in OWNED_FOLDERS:
        for parent, _, files in os.walk(docs / folder):
            prefix = Path(parent).relative_to(docs).as_posix()
            found.update(f"{prefix}/{name}" for name in files)
    return found


def write_pages(docs: Path, pages: dict[str, str], kept: Iterable[str] = ()) -> WriteReport:
    """Write the ``pages`` whose bytes differ; ``kept`` ones are known to be as they should be.

    Every other generated file is removed."""
    kept = set(kept) - set(pages)
    report = WriteReport(unchanged=len(kept))
    for relative_path, text in sorted(pages.items()):
        target = docs / relative_path
        data = text.encode("utf-8")
        if target.is_file() and target.read_bytes() == data:
            report.unchanged += 1
            continue
        _replace(target, data)
        report.written.append(relative_path)
    for stale in sorted(owned_files(docs) - set(pages) - kept):
        (docs / stale).unlink()
        report.removed.append(stale)
    if report.removed:  # the folders they were the last files of
        for folder in OWNED_FOLDERS:
            _remove_empty_dirs(docs / folder)
    return report


def clean(docs: Path) -> None:
    """Delete every generated file and folder under ``docs/`` (``make clean``)."""
    for name in OWNED_FILES:
        (docs / name).unlink(missing_ok=True)
    for folder in OWNED_FOLDERS:
        shutil.rmtree(docs / folder, ignore_errors=True)


def _replace(target: Path, data: bytes) -> None:
    """Write through a temporary file, so a reader never sees half a page. The file gets the
    permissions any new file gets (mkstemp's are the owner's alone)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.parent / f".{target.name}.{os.urandom(6).hex()}.tmp"
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _remove_empty_dirs(folder: Path) -> None:
    for parent, folders, files in os.walk(folder, topdown=False):  # the deepest first
        inside = Path(parent)
        if inside != folder and not files and not any((inside / f).exists() for f in folders):
            inside.rmdir()
