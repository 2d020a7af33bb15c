"""What is left to review in a draft annotation file: its TODOs and its inferred values.

``check`` neither checks nor publishes a draft, so a draft may hold anything a user typed, even
YAML that does not parse. The TODOs are therefore found line by line in the text (a value or a
comment), and placed in their record when the YAML parses; the inferred values, each with the
field it is for and its reason, come from the YAML alone.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from generator.input.loading import Document, Path_, parse_yaml, read_text
from generator.input.raw import ADDED
from generator.input.schemas import dotted
from generator.kinds import KINDS
from generator.problems import InputError, counted, visible

_TODO = re.compile(r"\bTODO\b")
_AROUND = " :-\t\"'"  # around a TODO: not what it says
_COMMENT = re.compile(r"(?:^|\s)#(.*)$")  # YAML's comment: a '#' at the start or after a space
_REASON = 120  # characters of an inferred value's reason shown: enough to recognise it


def left_to_review(path: Path, shown: str | None = None) -> list[str]:
    """Lines to print under the draft's name: how much is left, then each TODO and each
    inferred value at its ``path:line:col``, in file order. ``shown``: the path as the user
    sees it (relative to the project)."""
    shown = shown or path.as_posix()
    try:
        text = read_text(path, shown)
    except InputError as error:
        return [
            f"{problem.location}: cannot be read: {problem.message}" for problem in error.problems
        ]
    lines: list[str] = []
    document = None
    try:
        document = parse_yaml(text, shown)
    except InputError as error:
        lines += [
            f"{problem.location}: not valid YAML yet ({problem.message}): fix it before the "
            "draft can be published"
            for problem in error.problems
        ]
    todos = sorted(_todos(text, _Keys(document) if document else None))
    inferred = sorted(_inferred(document.data, (), document)) if document else []
    found = sorted(todos + inferred)
    if not found and not document:
        summary = "no TODO left; the YAML does not parse yet"
    elif not found:
        summary = "no TODO or inferred value left: review the records, then remove 'draft: true'"
    else:
        inferred_count = (
            counted(len(inferred), "inferred value")
            if document
            else ("the inferred values once the YAML parses")
        )
        summary = f"left to review: {counted(len(todos), 'TODO')}, {inferred_count}"
    items = [f"{shown}:{line}:{column}: {what}" for line, column, what in found]
    return [visible(line) for line in (summary, *lines, *items)]


def _todos(text: str, keys: _Keys | None) -> Iterator[tuple[int, int, str]]:
    """(line, column, what) of each TODO: a value that says TODO, or a comment that starts with
    it (a comment that only mentions one, as the draft's instructions do, is not one), with
    what follows it on its line, or the line's comment, and where it stands when the YAML
    parses."""
    for number, line in enumerate(text.splitlines(), 1):
        comment = _COMMENT.search(line)
        value = line[: comment.start()] if comment else line
        remark = comment.group(1).strip() if comment else ""
        places = [
            (
                m.start(),
                value[m.end() :].strip(_AROUND) or remark.removeprefix("TODO").strip(_AROUND),
            )
            for m in _TODO.finditer(value)
        ]
        if comment and remark.startswith("TODO") and not places:  # one TODO a line: its own
            places.append((line.index("TODO", comment.start()), remark[4:].strip(_AROUND)))
        for start, said in places:
            where = keys.place(number, start + 1) if keys else ""
            yield number, start + 1, f"TODO{where}{': ' + said if said else ''}"


class _Keys:
    """The keys of a parsed draft in file order, to name the record and field at a place."""

    def __init__(self, document: Document):
        self.data = document.data
        found = sorted((at, path) for path, at in (document.key_marks or {}).items())
        self.marks, self.paths = [at for at, _ in found], [path for _, path in found]

    def place(self, line: int, column: int) -> str:
        """' in <record>, <field>' for the key on the line (at or before the column), else
        ' in <record>' for the record the line stands in; '' before the first key."""
        index = bisect_right(self.marks, (line, column)) - 1
        if index < 0:
            return ""
        path = self.paths[index]
        return f" in {_described(self.data, path if self.marks[index][0] == line else path[:2])}"


def _inferred(value: Any, at: Path_, document: Document) -> Iterator[tuple[int, int, str]]:
    """(line, column, what) of each field named under an ``inferred`` mapping, with its reason."""
    if isinstance(value, dict):
        reasons = value.get("inferred")
        if isinstance(reasons, dict):
            for name, reason in reasons.items():
                line, column = (document.key_marks or {}).get((*at, "inferred", name), (0, 0))
                field = _described(document.data, (*at, name))
                said = " ".join(str(reason).split())
                said = said if len(said) <= _REASON else said[: _REASON - 3] + "..."
                yield line, column, f"inferred in {field}: {said}"
        for key, item in value.items():
            if key != "inferred":
                yield from _inferred(item, (*at, key), document)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _inferred(item, (*at, index), document)


def _described(data: Any, path: Path_) -> str:
    """A place in the file as its reader names it: "claim 'x', speaker", "the file's draft"."""
    if len(path) >= 2 and isinstance(path[1], int) and isinstance(path[0], str):
        section, index, rest = path[0], path[1], path[2:]
        items = data.get(section) if isinstance(data, dict) else None
        item = items[index] if isinstance(items, list) and index < len(items) else None
        item = item if isinstance(item, dict) else {}
        if section == ADDED:
            record = f"more evidence for '{item.get('record', '?')}'"
        else:
            kind = KINDS[section].name if section in KINDS else section
            record = f"{kind} '{item['id']}'" if isinstance(item.get("id"), str) else kind
        return f"{record}, {dotted(rest)}" if rest else record
    return dotted(path)
