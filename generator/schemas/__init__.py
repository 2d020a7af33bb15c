"""The JSON Schemas of the input, and the annotation schema put together from its parts.

``annotations.schema.json`` (which editors and the seeds' ``$schema`` lines name) is made of
``annotations.base.json`` (the file's frame and the definitions every kind shares) and one
fragment per kind, ``kinds/<name>.json``: its section's ``plural`` and ``description``, its
``definition``, and any ``$defs`` of its own. The validator composes it afresh on every run
(``composed``), so a new kind's fragment needs no other edit to be checked; the committed file
is written from the same parts by ``python -m generator.schemas`` (``make schemas``), and a test
keeps it current.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
BASE = HERE / "annotations.base.json"
FRAGMENTS = HERE / "kinds"
COMPOSED = HERE / "annotations.schema.json"
WIDTH = 100  # a value whose one-line form fits is written on one line
FRAGMENT_KEYS = ("plural", "description", "definition")  # what every kind's fragment says


def read_fragment(path: Path) -> dict[str, Any]:
    """A kind's fragment; ValueError if it is not JSON (a ``json.JSONDecodeError``, with its
    line and column) or lacks one of ``FRAGMENT_KEYS``."""
    data = _read(path)
    missing = [key for key in FRAGMENT_KEYS if not isinstance(data, dict) or key not in data]
    if missing:
        raise ValueError(f"the schema fragment has no {' or '.join(missing)}")
    return data


def refused_fragments() -> list[tuple[Path, ValueError]]:
    """Each fragment ``read_fragment`` refuses, with why (not UTF-8 and not JSON are
    ``ValueError`` too): the registry's start-up check reports each at its file
    (``kinds._shortcomings``) and stops the run before any input is checked."""
    refused = []
    for path in sorted(FRAGMENTS.glob("*.json")):
        try:
            read_fragment(path)
        except ValueError as error:
            refused.append((path, error))
    return refused


def whole_fragments() -> dict[str, dict[str, Any]]:
    """Each fragment ``read_fragment`` reads, by its file's name; one it refuses is left out
    (see ``refused_fragments``), so that what reads the schema's shared definitions as a module
    is imported (the command line's ``--help``) never fails on it."""
    found = {}
    for path in sorted(FRAGMENTS.glob("*.json")):
        try:
            found[path.stem] = read_fragment(path)
        except ValueError:
            continue
    return found


def fragments() -> dict[str, dict[str, Any]]:
    """Each kind's fragment, by the kind's name (its file's), in the kinds' order, then any
    fragment of no kind by name (its records are then refused with a located message)."""
    from generator.model.kinds import KINDS  # the registry is read when asked, not when imported

    found = whole_fragments()
    order = {kind.name: n for n, kind in enumerate(KINDS.values())}
    return dict(sorted(found.items(), key=lambda item: (order.get(item[0], len(order)), item[0])))


def composed() -> dict[str, Any]:
    """The annotation schema: the base, each kind's section and definitions added."""
    schema = _read(BASE)
    sections, definitions = {}, dict(schema["$defs"])
    for name, fragment in fragments().items():
        items = {"$ref": f"#/$defs/{name}"}
        sections[fragment["plural"]] = {
            "type": "array",
            "items": items,
            "description": fragment["description"],
        }
        own = {name: fragment["definition"], **fragment.get("$defs", {})}
        definitions |= {k: v for k, v in own.items() if k not in definitions}  # see clashes()
    first, *rest = schema["properties"].items()  # 'draft' first, 'more_evidence' last
    schema["properties"] = dict([first, *sections.items(), *rest])
    schema["$defs"] = definitions
    return schema


def clashes(name: str) -> list[str]:
    """The definitions of a kind's fragment that another part already defines (the first one
    given is kept): the registry reports them at the kind."""
    earlier = set(_read(BASE)["$defs"])
    for other, fragment in fragments().items():
        own = [other, *fragment.get("$defs", {})]
        if other == name:
            return [key for key in own if key in earlier]
        earlier.update(own)
    return []


def formatted(value: Any, indent: int = 0) -> str:
    """JSON as the schema files are written: a value on one line when it fits in ``WIDTH``,
    otherwise one member a line, indented by two spaces."""
    flat = json.dumps(value, ensure_ascii=False)
    if not isinstance(value, dict | list) or indent + len(flat) <= WIDTH or not value:
        return flat
    inner = " " * (indent + 2)
    if isinstance(value, dict):
        members = [
            f"{inner}{json.dumps(k, ensure_ascii=False)}: {formatted(v, indent + 2)}"
            for k, v in value.items()
        ]
        return "{\n" + ",\n".join(members) + "\n" + " " * indent + "}"
    members = [f"{inner}{formatted(v, indent + 2)}" for v in value]
    return "[\n" + ",\n".join(members) + "\n" + " " * indent + "]"


def text() -> str:
    """What ``annotations.schema.json`` must hold."""
    return formatted(composed()) + "\n"


def _read(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))
