"""``diff REV``: the records a change adds, changes and removes, for a pull request's reviewers.

The briefing at ``REV`` is the ``seeds/`` folder git holds there, checked with this project's
templates; the briefing now is the working tree's. Records are the same record when their kind
and id are; one whose fields, evidence, roles or steps differ is changed (where it is written in
its file is not part of it). The report is Markdown, for GitHub's job summary.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator.input.validation import load_briefing
from generator.model.records import Briefing, Record
from generator.problems import BriefingError, InputError


@dataclass
class Changes:
    added: list[Record]
    changed: list[Record]
    removed: list[Record]


def between(before: Briefing, now: Briefing) -> Changes:
    old, new = before.records, now.records
    return Changes(
        added=[record for key, record in new.items() if key not in old],
        changed=[record for key, record in new.items() if key in old and old[key] != record],
        removed=[record for key, record in old.items() if key not in new],
    )


def at_revision(root: Path, revision: str) -> Briefing:
    """The briefing ``seeds/`` held at ``revision``, checked with the project's templates."""
    archive = subprocess.run(
        ["git", "-C", str(root), "archive", "--format=tar", revision, "seeds"],
        capture_output=True,
    )
    if archive.returncode != 0:
        said = archive.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = said[-1] if said else "git archive failed"
        raise BriefingError(f"diff: cannot read seeds/ at {revision!r}: {reason}")
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder)
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(copy, filter="data")
        shutil.copytree(root / "templates", copy / "templates")
        try:
            return load_briefing(copy)
        except InputError as error:
            count = len(error.problems)
            raise BriefingError(
                f"diff: the briefing at {revision!r} does not pass check ({count} problem"
                f"{'s' if count != 1 else ''}): check it out and run check to see them"
            ) from None


def report(changes: Changes, revision: str) -> str:
    """The changes as Markdown: a heading with the counts, then a list per kind of change."""
    counts = (len(changes.added), len(changes.changed), len(changes.removed))
    lines = [
        f"### Records since {_code(revision)}: {counts[0]} added, {counts[1]} changed, "
        f"{counts[2]} removed"
    ]
    for name, records in (
        ("Added", changes.added),
        ("Changed", changes.changed),
        ("Removed", changes.removed),
    ):
        if records:
            lines += ["", f"**{name}**", ""]
            lines += [
                f"- {record.section}/{_code(record.id)}: {_text(record.label)}"
                for record in records
            ]
    return "\n".join(lines) + "\n"


def _code(text: str) -> str:
    return "`" + text.replace("`", "'") + "`"


def _text(text: str) -> str:
    """A label as plain Markdown text: what would make it markup is escaped."""
    escaped = "".join("\\" + c if c in "\\`*_{}[]<>()#+-.!|~&" else c for c in text)
    return " ".join(escaped.split())
