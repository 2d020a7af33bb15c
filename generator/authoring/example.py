"""The example's own files: the list ``init`` trusts to tell the example from the user's work.

``seeds/briefing.yaml`` of the example that ships with Briefing lists every file under
``seeds/articles/`` and ``seeds/annotations/`` with its SHA-256 (``example_files``). ``init``
replaces only files that are on that list and still hold those bytes; an article the user added
while the example was still there, or an example file they edited, is theirs, and stops it.

After editing the example itself, refresh the list with ``make example-files`` (or
``python -m generator.authoring.example``); ``tests/test_init.py`` fails until the list matches.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

FOLDERS = ("articles", "annotations")  # what init empties, under seeds/
KEY = "example_files"
HEADER = (
    "# The example's own files and their SHA-256: init replaces only these, unchanged.\n"
    "# After editing the example, refresh the list: make example-files\n"
)


def digest(path: Path) -> str:
    """The file's SHA-256, read in chunks: a large file the user put there is not loaded whole."""
    with path.open("rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


def entries(seeds: Path) -> list[Path]:
    """Everything init would remove: each file, symlink or other non-folder under the folders
    it empties. A symlink is an entry of its own and is never followed (a symlinked
    ``seeds/articles`` is one entry, not a way out of the project)."""
    found: list[Path] = []

    def walk(folder: Path) -> None:
        if folder.is_symlink() or not folder.is_dir():
            if os.path.lexists(folder):
                found.append(folder)
            return
        with os.scandir(folder) as listing:
            names = sorted(entry.name for entry in listing)
        for name in names:
            walk(folder / name)

    for name in FOLDERS:
        walk(seeds / name)
    return sorted(found)


def listed(seeds: Path) -> dict[str, str]:
    """The example's files (relative to ``seeds/``) with their SHA-256, as found now."""
    return {
        path.relative_to(seeds).as_posix(): digest(path)
        for path in entries(seeds)
        if path.is_file() and not path.is_symlink()
    }


def block(files: dict[str, str]) -> str:
    """The list as it stands at the end of seeds/briefing.yaml."""
    lines = [f'  "{name}": "{sha}"\n' for name, sha in sorted(files.items())]
    return HEADER + f"{KEY}:\n" + "".join(lines)


def refresh(seeds: Path) -> None:
    """Rewrite the list at the end of seeds/briefing.yaml from the files as they are; every
    other line stays as it was."""
    overview = seeds / "briefing.yaml"
    kept, inside = [], False
    for line in overview.read_text(encoding="utf-8").splitlines(keepends=True):
        inside = line.startswith(f"{KEY}:") or (inside and line.startswith((" ", "\t")))
        if not inside and line not in HEADER.splitlines(keepends=True):
            kept.append(line)
    text = "".join(kept).rstrip("\n") + "\n"
    overview.write_text(text + block(listed(seeds)), encoding="utf-8")


if __name__ == "__main__":  # pragma: no cover - run by make example-files
    refresh(Path(sys.argv[1] if len(sys.argv) > 1 else "seeds"))
