"""Taking an article out of the briefing: ``remove-source``, and ``new-source --replace``
putting a new text in its place. Either only while no record outside the article's own draft
quotes it or names it, but for the actors made with it (its byline's author, its publisher:
quoted from it alone, and named by nothing else), which ``remove-source`` takes out with it.
What goes is moved to ``.briefing-trash/<date-time>/``, never deleted: a file an actor's entry
is taken out of is saved there first, as it was."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import yaml

from generator.authoring.metadata import actors_file
from generator.authoring.new_briefing import TRASH, shown, trash_folder
from generator.kinds import KINDS
from generator.model.records import Briefing, Record
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
    made = {actor.id for actor in made_with(source_id, briefing)}
    found = [
        Problem(
            record.location,
            f"{KINDS[record.section].name} '{record.id}' quotes or names the article '{source_id}'",
            "take this article's words out of it first (its evidence, or the more_evidence "
            "entry of another file that adds them), or the reference to the article",
        )
        for record in briefing.records.values()
        if record.id != source_id and source_id in _cited(record) and record.id not in made
    ]
    trash = root / TRASH
    if trash.is_symlink() or (trash.exists() and not trash.is_dir()):
        hint = f"{command} moves what it removes there: make it a folder, or remove it"
        found.append(Problem(Location(TRASH), "is not a folder of the project", hint))
    return found


def made_with(source_id: str, briefing: Briefing) -> list[Record]:
    """The actors that belong to the article alone: what evidence they have is its, and no
    record but the article names them (as new-source makes its author and publisher)."""
    made = []
    for actor in briefing.in_section("actors"):
        quoted = _quoted(actor)
        namers = {r.id for r in briefing.records.values() if actor.id in _named(r)}
        if quoted | namers and quoted <= {source_id} and namers <= {source_id}:
            made.append(actor)
    return made


def _named(record: Record) -> set[str]:
    return {target for targets in (record.named or {}).values() for target in targets}


def _cited(record: Record) -> set[str]:
    return _quoted(record) | _named(record)


def _quoted(record: Record) -> set[str]:
    quoted = {e.source for e in record.evidence}
    quoted |= {role.evidence.source for role in record.roles}
    return quoted | {event.evidence.source for event in record.steps}


def to_trash(root: Path, paths: list[Path], folder: Path | None = None) -> list[tuple[Path, Path]]:
    """Move ``paths`` (those that exist) into a new trash folder (or ``folder``), keeping their
    places under the project; return (from, to) for each."""
    present = [path for path in paths if os.path.lexists(path)]
    if not present:
        return []
    folder, moved = folder or trash_folder(root), []
    for path in present:
        target = folder / path.relative_to(root)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(path, target)  # a symlink is moved as itself
        moved.append((path, target))
    return moved


def remove_source(root: Path, source_id: str, briefing: Briefing) -> list[str]:
    """Move the article, its annotation file and its actors file to the trash, and take out the
    actors made with it from the files that stay; say what went where. Everything is worked out
    before anything moves, and an actors file that would not read back as itself less those
    actors is left alone, with the entries named for the user to remove."""
    problems = blockers(root, source_id, briefing, "remove-source")
    goes = [*article_files(root, source_id), root / actors_file(source_id)]
    made = [a for a in made_with(source_id, briefing) if root / a.location.path not in goes]
    try:
        edits = {path: _without(path, ids) for path, ids in _by_file(root, made).items()}
    except OSError as error:
        problems.append(Problem(Location(shown(Path(error.filename), root)), error.strerror))
        edits = {}
    for path, edit in edits.items():
        if edit is None:
            ids = ", ".join(a.id for a in made if root / a.location.path == path)
            message = f"cannot take {ids} out of this file safely (a flow-style list?)"
            hint = f"take them out by hand, then run remove-source {source_id} again"
            problems.append(Problem(Location(shown(path, root)), message, hint))
    if problems:
        raise InputError(problems)
    try:
        folder = trash_folder(root)
        moved = to_trash(root, goes, folder)
        said = [f"moved {shown(path, root)} to {shown(target, root)}" for path, target in moved]
        for path, content in edits.items():
            saved = folder / path.relative_to(root)
            saved.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, saved)
            staged = path.with_name(f".{path.name}.new")
            staged.write_text(content, encoding="utf-8")
            os.replace(staged, path)
            ids = ", ".join(a.id for a in made if root / a.location.path == path)
            said.append(f"took {ids} out of {shown(path, root)} (as it was: {shown(saved, root)})")
    except OSError as error:
        where = shown(Path(error.filename), root) if error.filename else "seeds"
        raise InputError([Problem(Location(where), f"cannot move: {error.strerror}")]) from None
    return said


def _by_file(root: Path, actors: list[Record]) -> dict[Path, set[str]]:
    found: dict[Path, set[str]] = {}
    for actor in actors:
        found.setdefault(root / actor.location.path, set()).add(actor.id)
    return found


def _without(path: Path, ids: set[str]) -> str | None:
    """The file's text without the entries of the actors ``ids`` (block-style list items, from
    their dash to the next line indented no deeper), or None when the result would not read
    back as the file less exactly those actors."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(True)
    gone: set[int] = set()
    for node in _actor_nodes(text):
        if node[0] in ids:
            first = node[1]
            while first > 0 and not lines[first].lstrip().startswith("-"):
                first -= 1
            dash = len(lines[first]) - len(lines[first].lstrip())
            last = first + 1
            while last < len(lines) and (
                not lines[last].strip() or len(lines[last]) - len(lines[last].lstrip()) > dash
            ):
                last += 1
            gone.update(range(first, last))
    kept = [line for i, line in enumerate(lines) if i not in gone]
    kept = [
        _EMPTIED.sub(r"\1 []\2", line) if _emptied(kept, i) else line for i, line in enumerate(kept)
    ]
    result = "".join(kept)
    try:
        before, after = yaml.safe_load(text) or {}, yaml.safe_load(result) or {}
    except yaml.YAMLError:
        return None
    if {k: v for k, v in before.items() if k != "actors"} != {
        k: v for k, v in after.items() if k != "actors"
    }:
        return None
    expected = [
        a for a in before.get("actors") or [] if not (isinstance(a, dict) and a.get("id") in ids)
    ]
    return result if (after.get("actors") or []) == expected else None


def _actor_nodes(text: str) -> list[tuple[str, int]]:
    """(id, line) of each actor in the file's top-level actors list, as YAML places them."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []
    if not isinstance(node, yaml.MappingNode):
        return []
    found = []
    for key, value in node.value:
        if key.value == "actors" and isinstance(value, yaml.SequenceNode):
            for item in value.value:
                if isinstance(item, yaml.MappingNode):
                    ids = [v.value for k, v in item.value if k.value == "id"]
                    found += [(ids[0], item.start_mark.line)] if ids else []
    return found


_EMPTIED = re.compile(r"^([a-z_]+:)[ \t]*(\r?\n?)$")


def _emptied(lines: list[str], index: int) -> bool:
    """Whether ``lines[index]`` is a top-level key whose list has no entry left below it."""
    if not _EMPTIED.match(lines[index]):
        return False
    below = (
        line for line in lines[index + 1 :] if line.strip() and not line.lstrip().startswith("#")
    )
    following = next(below, "")
    return not following.startswith((" ", "\t", "-"))
