"""Taking an article out of the briefing: ``remove-source``, and ``new-source --replace``
putting a new text in its place. Either only while no record outside the article's own draft
quotes it or names it; what goes is moved to ``.briefing-trash/<date-time>/``, never deleted."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from generator.authoring.new_briefing import TRASH, shown, trash_folder
from generator.kinds import KINDS
from generator.model.records import Briefing
from generator.problems import InputError, Location, Problem


def article_files(root: Path, source_id: str) -> tuple[Path, Path]:
    """The article's text and its annotation file (which may not exist)."""
    seeds = root / "seeds"
    return seeds / "articles" / f"{source_id}.txt", seeds / "annotations" / f"{source_id}.yaml"


def blockers(root: Path, source_id: str, briefing: Briefing, command: str) -> list[Problem]:
    """Why the article cannot be taken out: it is not there, a record quotes or names it (each
    at its file and line), or the trash is not a folder."""
    article, _ = article_files(root, source_id)
    if not article.is_file() or source_id not in briefing.articles:
        where = Location(f"{command} ID")
        hint = "give the id of an article in seeds/articles/ (its file name without .txt)"
        return [Problem(where, f"no article has the id '{source_id}'", hint)]
    found = [
        Problem(
            record.location,
            f"{KINDS[record.section].name} '{record.id}' quotes or names the article '{source_id}'",
            "remove it, or its words from this article, first",
        )
        for record in briefing.records.values()
        if record.id != source_id and source_id in _cited(record)
    ]
    trash = root / TRASH
    if trash.is_symlink() or (trash.exists() and not trash.is_dir()):
        hint = f"{command} moves what it removes there: make it a folder, or remove it"
        found.append(Problem(Location(TRASH), "is not a folder of the project", hint))
    return found


def _cited(record) -> set[str]:
    quoted = {e.source for e in record.evidence}
    quoted |= {role.evidence.source for role in record.roles}
    quoted |= {event.evidence.source for event in record.events}
    return quoted | {target for targets in (record.named or {}).values() for target in targets}


def to_trash(root: Path, paths: list[Path]) -> list[tuple[Path, Path]]:
    """Move ``paths`` (those that exist) into a new trash folder, keeping their places under
    the project; return (from, to) for each."""
    present = [path for path in paths if os.path.lexists(path)]
    if not present:
        return []
    folder, moved = trash_folder(root), []
    for path in present:
        target = folder / path.relative_to(root)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(path, target)  # a symlink is moved as itself
        moved.append((path, target))
    return moved


def remove_source(root: Path, source_id: str, briefing: Briefing) -> list[str]:
    """Move the article and its annotation file to the trash; say what moved where."""
    problems = blockers(root, source_id, briefing, "remove-source")
    if problems:
        raise InputError(problems)
    try:
        moved = to_trash(root, list(article_files(root, source_id)))
    except OSError as error:
        where = shown(Path(error.filename), root) if error.filename else "seeds"
        raise InputError([Problem(Location(where), f"cannot move: {error.strerror}")]) from None
    return [f"moved {shown(path, root)} to {shown(target, root)}" for path, target in moved]
