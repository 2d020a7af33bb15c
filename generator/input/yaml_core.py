"""YAML 1.2's core schema over PyYAML: which plain values are null, booleans, integers and
floats, and how each is read. PyYAML's resolvers are YAML 1.1's (``NO`` is false, ``1:30`` is
90, ``010`` is eight, dates are dates); here any plain value the core schema does not type is
text, as the JSON Schemas expect what the author wrote.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any, ClassVar

import yaml

TEXT = "tag:yaml.org,2002:str"  # most values: taken as they are, without PyYAML's constructor
COLLECTIONS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
PLAIN = "write plain text, numbers, lists and mappings only, without tags"


def _int(text: str) -> int:
    if text.startswith(("0o", "0x")):
        return int(text[2:], 8 if text[1] == "o" else 16)
    return int(text)  # decimal even with leading zeros: YAML 1.2 writes octal as 0o10


def _float(text: str) -> float:
    if text[-4:].lower() in (".inf", ".nan"):
        return float(text.replace(".", ""))  # "-inf", "NaN": Python reads those
    return float(text)


# YAML 1.2's core schema: each plain value's tag, pattern, first characters and how it is built.
# The tags have a space, which no document can write: ``!!int 010`` still reaches PyYAML's
# constructor (YAML 1.1, so eight) as today, and only values resolved here are built here.
_CORE: dict[str, tuple[str, list[str], Callable[[str], Any]]] = {
    "core null": (r"~|null|Null|NULL|", ["~", "n", "N", ""], lambda text: None),
    "core bool": (r"true|True|TRUE|false|False|FALSE", list("tTfF"), lambda text: text[0] in "tT"),
    "core int": (r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+", list("-+0123456789"), _int),
    "core float": (
        r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)",
        list("-+.0123456789"),
        _float,
    ),
}

# An explicit tag (``!!int 7``) may say what a plain value already is in the core schema; any
# other tag (``!!binary``, ``!!timestamp``, ``!!python/...``) is refused.
_EXPLICIT = {
    f"tag:yaml.org,2002:{name}": f"core {name}" for name in ("null", "bool", "int", "float")
}
_FULL = {tag: re.compile(rf"(?:{pattern})\Z") for tag, (pattern, _, _) in _CORE.items()}

# libyaml parses about ten times faster than pure Python, with the same marks and errors.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Loader(_SafeLoader):
    """SafeLoader that resolves plain values by ``_CORE`` alone: PyYAML's resolvers are YAML 1.1's
    (``NO`` is false, ``1:30`` is 90, dates are dates), and any other plain value is text."""

    yaml_implicit_resolvers: ClassVar[dict[str, list[tuple[str, re.Pattern[str]]]]] = {}


for _tag, (_pattern, _first, _) in _CORE.items():  # int before float: "10" is an int
    Loader.add_implicit_resolver(_tag, re.compile(rf"(?:{_pattern})\Z"), _first)


class Unreadable(ValueError):
    """A plain or tagged value that is no value of the core schema: what is wrong, and a hint."""

    def __init__(self, message: str, hint: str):
        super().__init__(message)
        self.message, self.hint = message, hint


def plain_value(node: yaml.ScalarNode, text: str) -> Any:
    """The value of a scalar that is not plain text (``node.tag`` is not ``TEXT``), as YAML
    1.2's core schema reads it; ``text`` is the document it stands in. Unreadable if none."""
    if node.tag in _CORE and text.startswith("!", node.start_mark.index):
        return node.value  # '! 010': YAML's non-specific tag, which makes a plain value text
    core = node.tag if node.tag in _CORE else _EXPLICIT.get(node.tag)
    if core is None:
        raise Unreadable(f"unsupported YAML tag {node.tag}", PLAIN)
    if not _FULL[core].match(node.value):  # an explicit tag on a value of another kind
        kind = core.removeprefix("core ")
        raise Unreadable(f"'{node.value}' is not a YAML {kind}", "drop the tag")
    try:
        value = _CORE[core][2](node.value)
    except ValueError:  # Python reads at most 4,300 decimal digits
        digits = len(node.value.lstrip("+-"))
        message = f"a number of {digits:,} digits is too long to read"
        raise Unreadable(message, "quote it if it is text") from None
    if isinstance(value, float) and not math.isfinite(value):
        message = f"'{node.value}' is not a finite number"
        raise Unreadable(message, "write a number, or quote it if it is text")
    return value
