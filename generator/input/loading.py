"""Read annotation YAML and seed articles, keeping the file, line and column of every value.

PyYAML is used in two steps (compose, then construct) so that each value keeps the mark of the
node it came from: that mark is what lets every later problem name ``path:line:col``. Duplicate
keys, which PyYAML would silently overwrite, are reported here, and plain values are read as
YAML 1.2 reads them (``yaml_core``: ``NO`` and ``1:30`` are text, ``010`` is ten, dates stay
text) so that the JSON Schemas see what the author wrote.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from generator.input import yaml_core as core
from generator.input.files import read_bounded
from generator.model.articles import Article
from generator.problems import InputError, Location, Problem, relative

MAX_NODES = 100_000  # far above any real annotation file; stops alias bombs
MAX_BYTES = 5_000_000
MAX_DEPTH = 40  # mappings and lists inside each other; the schemas need five
# Control characters other than tab and line breaks: invisible, and unsafe in pages
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Not characters at all (U+FFFE, U+FFFF, U+FDD0-U+FDEF and the last two of every plane): a
# damaged or wrongly converted file; PyYAML stops at them with a traceback of its own.
_NONCHARACTER = re.compile(
    "[\ufdd0-\ufdef"
    + "".join(chr(plane + 0xFFFE) + chr(plane + 0xFFFF) for plane in range(0, 0x110000, 0x10000))
    + "]"
)
# Bidi embeddings, overrides and isolates: in a name they reorder the words a page puts after
# it. Refused in annotations (an article may hold them: its pages isolate its text).
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
FRONT_MATTER = "---\n"

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Document:
    """Plain data from one YAML file (or front matter) and where each value stands in it.

    A document may be made without marks (``marks`` None: see ``Parse``); they are found
    when a problem first needs one, by parsing ``text``, the text its data was read from."""

    path: str
    data: Any
    text: str = field(repr=False)
    line_offset: int = field(default=0, repr=False)
    marks: dict[Path_, tuple[int, int]] | None = field(default=None, repr=False)
    key_marks: dict[Path_, tuple[int, int]] | None = field(default=None, repr=False)

    @cached_property
    def _parsed(self) -> Document:
        """This document parsed again, with its marks."""
        return parse_yaml(self.text, self.path, self.line_offset)

    def locate(self, at: Path_ = (), *, key: bool = False) -> Location:
        """The location of the value at ``at`` (or of its key), else of its nearest parent."""
        if self.marks is None or self.key_marks is None:
            return self._parsed.locate(at, key=key)
        if key and at in self.key_marks:
            return Location(self.path, *self.key_marks[at])
        while at not in self.marks and at:
            at = at[:-1]
        return Location(self.path, *self.marks.get(at, (0, 0)))


def read_text(path: Path, shown: str) -> str:
    """A file's text, or a clear problem (at ``shown``, its path as the user sees it) for
    unreadable, oversized, binary or non-UTF-8 input, or anything but a regular file.

    A file this process read before and that has not changed since (the same file, size and
    times) is not read and checked again: the preview reads every input at each save. One
    changed in the last seconds is always read, as a filesystem's clock may tick too coarsely
    to tell two writes apart."""
    stamp = _stamp(path)
    kept = _READ.get(str(path))
    if stamp is not None and kept is not None and kept[0] == stamp:
        return kept[1]
    text = _checked_text(path, shown)
    if stamp is not None and time.time_ns() - stamp[3] > _SETTLED_NS:
        _READ[str(path)] = (stamp, text)
    return text


_READ: dict[str, tuple[tuple[int, ...], str]] = {}  # by path: its stamp when read, its text
_SETTLED_NS = 3_000_000_000  # a file unchanged for this long has a stamp that tells it apart


def _stamp(path: Path) -> tuple[int, ...] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None  # the read says why
    return (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns)


def _checked_text(path: Path, shown: str) -> str:
    raw = read_bounded(path, shown, MAX_BYTES)
    if b"\0" in raw:
        raise InputError(
            [Problem(Location(shown), "file is binary, not text", "save it as UTF-8 text")]
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise InputError(
            [Problem(Location(shown, line, column), "file is not valid UTF-8", "save it as UTF-8")]
        ) from None
    for pattern, what, hint in (
        (_CONTROL, "control character", "remove it: it is invisible, and no page can show it"),
        (_NONCHARACTER, "non-character", _NOT_A_CHARACTER),
    ):
        found = pattern.search(text)
        if found:
            start = found.start()
            line = text.count("\n", 0, start) + 1
            column = start - (text.rfind("\n", 0, start) + 1) + 1
            message = f"{what} U+{ord(found.group()):04X} in the text"
            raise InputError([Problem(Location(shown, line, column), message, hint)])
    return text


_NOT_A_CHARACTER = "remove it: it is not a character (a damaged or wrongly converted file?)"


def parse_yaml(text: str, shown: str, line_offset: int = 0) -> Document:
    """Compose ``text`` and construct plain data, recording a mark for every value and key."""
    try:
        root = yaml.compose(text, Loader=core.Loader)
    except RecursionError:
        message = "YAML nested too deep to read"
        hint = f"keep mappings and lists at most {MAX_DEPTH} levels deep"
        raise InputError([Problem(Location(shown), message, hint)]) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = (
            Location(shown, mark.line + 1 + line_offset, mark.column + 1)
            if mark
            else Location(shown)
        )
        message = " ".join(part for part in (error.context, error.problem) if part)
        raise InputError(
            [Problem(where, f"malformed YAML: {message}", "check the indentation and quoting here")]
        ) from None
    builder = _Builder(shown, line_offset, text)
    data = builder.build(root, ()) if root is not None else None
    if builder.problems:
        raise InputError(builder.problems)
    return Document(shown, data, text, line_offset, builder.marks, builder.key_marks)


class _Builder:
    def __init__(self, shown: str, line_offset: int, text: str):
        self.shown, self.offset, self.text = shown, line_offset, text
        self.marks: dict[Path_, tuple[int, int]] = {}
        self.key_marks: dict[Path_, tuple[int, int]] = {}
        self.problems: list[Problem] = []
        self.nodes = self.characters = 0  # values built and characters of text, aliases expanded
        self.seen: set[int] = set()  # the nodes built: one built again came through an alias
        self.aliased = False

    def where(self, node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + 1 + self.offset, node.start_mark.column + 1

    def build(self, node: yaml.Node, at: Path_) -> Any:
        self.nodes += 1
        self.aliased = self.aliased or id(node) in self.seen
        self.seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            self.characters += len(node.value)
        if self.nodes > MAX_NODES or self.characters > MAX_BYTES:
            self.too_much(node)
        self.marks.setdefault(at, self.where(node))
        if len(at) > MAX_DEPTH:
            message = f"values nested more than {MAX_DEPTH} levels deep (an alias inside itself?)"
            return self.report(node, message, "no record needs more than a few levels")
        if not isinstance(node, yaml.ScalarNode) and node.tag not in core.COLLECTIONS:
            return self.report(node, f"unsupported YAML tag {node.tag}", core.PLAIN)
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key = str(self.scalar(key_node))
                if key in result:
                    first = self.key_marks[(*at, key)]
                    self.problems.append(
                        Problem(
                            Location(self.shown, *self.where(key_node)),
                            f"duplicate key '{key}' (first given on line {first[0]})",
                            "keep one of them: YAML would silently use only the last",
                        )
                    )
                    continue
                self.key_marks[(*at, key)] = self.where(key_node)
                result[key] = self.build(value_node, (*at, key))
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*at, index)) for index, item in enumerate(node.value)]
        return self.scalar(node)

    def too_much(self, node: yaml.Node) -> None:
        """Stop at the value that passes a limit, saying which limit and what repeats it: a
        value repeated by aliases is checked once per repetition (4 MB aliased 20,000 times
        is 80 GB to scan), so the text they expand to is limited as well as the count."""
        counted = (
            f"{MAX_NODES:,} values (each text, number, list and mapping counts one)"
            if self.nodes > MAX_NODES
            else f"{MAX_BYTES:,} characters of text"
        )
        if self.aliased:
            message = f"aliases expand this YAML to more than {counted}"
            hint = "write the values out instead of repeating aliases"
        else:
            message, hint = f"the file holds more than {counted}", "split it into several files"
        raise InputError([Problem(Location(self.shown, *self.where(node)), message, hint)])

    def scalar(self, node: yaml.Node) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            return self.report(node, "a key must be plain text", "write the key as text")
        if node.tag == core.TEXT:
            for pattern, what, hint in _UNWANTED:  # the raw ones are refused by read_text
                found = pattern.search(node.value)
                if found:
                    code = f"U+{ord(found.group()):04X}"
                    name = unicodedata.name(found.group(), "")
                    message = f"{what} {code}{f' ({name})' if name else ''} in the text"
                    return self.report(node, message, hint)
            return node.value
        try:
            return core.plain_value(node, self.text)
        except core.Unreadable as error:
            return self.report(node, error.message, error.hint)

    def report(self, node: yaml.Node, message: str, hint: str) -> None:
        self.problems.append(Problem(Location(self.shown, *self.where(node)), message, hint))


_UNWANTED = (
    (_CONTROL, "control character", "remove its escape: no page can show it"),  # "\a", "\x1b"
    (_NONCHARACTER, "non-character", _NOT_A_CHARACTER),
    (
        _BIDI,
        "bidi control",
        "remove it: it would reorder the words that follow it on the pages (LRM and RLM, "
        "which mark a direction without reordering, are allowed)",
    ),
)


# How a YAML text becomes a document: ``parse_yaml``, unless the caller has a way of its own
# that gives the same data for the same text.
Parse = Callable[[str, str, int], Document]


def load_yaml(path: Path, root: Path, parse: Parse = parse_yaml) -> Document:
    shown = relative(path, root)
    document = parse(read_text(path, shown), shown, 0)
    if document.data is None:
        raise InputError([Problem(Location(shown), "file is empty", "remove it or add records")])
    return document


def load_article(path: Path, root: Path, parse: Parse = parse_yaml) -> Article:
    """Split an article into front matter and text; the text's bytes are never altered."""
    shown = relative(path, root)
    content = read_text(path, shown)
    if content.startswith("\ufeff"):
        message = "the file starts with a byte-order mark (U+FEFF)"
        hint = "save it as UTF-8 without a byte-order mark"
        raise InputError([Problem(Location(shown, 1, 1), message, hint)])
    if "\r" in content:
        where = content.index("\r")
        line = content.count("\n", 0, where) + 1
        column = where - (content.rfind("\n", 0, where) + 1) + 1
        message = "the file has Windows (CR LF) or old Mac (CR) line endings"
        hint = "save it with LF line endings; the SHA-256 is taken of the text as stored"
        raise InputError([Problem(Location(shown, line, column), message, hint)])
    end = content.find("\n" + FRONT_MATTER, len(FRONT_MATTER) - 1)
    if not content.startswith(FRONT_MATTER) or end < 0:
        raise InputError(
            [
                Problem(
                    Location(shown, 1, 1),
                    "article has no front matter",
                    "start the file with a '---' line, the metadata in YAML, and another '---' line",
                )
            ]
        )
    meta = parse(content[len(FRONT_MATTER) : end + 1], shown, 1)
    if meta.data is None:
        meta = Document(shown, {}, meta.text, 1, {(): (2, 1)}, {})
    text = content[end + 1 + len(FRONT_MATTER) :]
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Article(path.stem, meta, text, digest)
