"""What a kind lacks, found at start-up: ``shortcomings``, each at its class's file and line.

Validation reports these with the input's problems and stops before reading the input with
kinds that are not whole, so a misspelt method, a broken schema fragment or a reference to a
kind that does not exist is a located message with a hint, never a traceback while rendering.
"""

from __future__ import annotations

import functools
import inspect
import json
from pathlib import Path
from typing import Any

from generator import schemas
from generator.kinds.base import Kind
from generator.model.kinds import DATED_FACETS, KINDS, LISTED_FACETS
from generator.problems import Location, Problem

# Each kind's module file, by plural, and the modules that hold no kind, a second one, or
# cannot be imported: what ``discovered`` found, for ``shortcomings`` to place its problems.
MODULES: dict[str, Path] = {}
STRAYS: list[Problem] = []

# The lists with evidence of their own that the model builds (``Record.roles``, an actor's,
# and ``Record.steps``, a measure's dated events): their evidence is exported, marked on the
# source page and anchored apart. Another name's evidence would be checked and then lost.
BUILT_PARTS = ("roles", "events")


def at(path: Path, message: str, hint: str = "", line: int = 0) -> Problem:
    return Problem(Location(shown(path), line, 1 if line else 0), message, hint)


def shown(path: Path) -> str:
    """A file of the package as the project names it (generator/kinds/claim.py)."""
    parts = path.parts
    return "/".join(parts[len(parts) - 1 - parts[::-1].index("generator") :])


def shortcomings(templates: Path) -> list[Problem]:
    """What each kind lacks, at its class in its module: a name, a label, its schema fragment
    (whole, naming its plural and the fields it references, dates and labels with), its two
    templates (the page keeping to the frame), a method of ``Kind`` it misspells or gives
    other parameters, references to kinds that do not exist, facets no template shows, parts
    with evidence the model does not build. Empty when every kind is complete. ``templates`` is
    the folder the pages are rendered with; without one, none is asked for."""
    kinds = dict(KINDS)  # found first: what the finder met on the way is in STRAYS after
    found = list(STRAYS)
    broken = broken_fragments()
    found += broken
    for plural, kind in kinds.items():
        assert isinstance(kind, Kind)  # what discovered() found
        if lacking := _lacks(kind, templates, fragments_whole=not broken):
            line = inspect.getsourcelines(type(kind))[1]  # its class: read only when needed
            found += [at(MODULES[plural], message, hint, line) for message, hint in lacking]
    return found


def broken_fragments() -> list[Problem]:
    """Each schema fragment that is not JSON (at its line and column), or lacks one of
    ``schemas.FRAGMENT_KEYS``: the annotation schema is composed without it meanwhile."""
    problems = []
    for path, error in schemas.refused_fragments():
        if isinstance(error, json.JSONDecodeError):
            where = Location(shown(path), error.lineno, error.colno)
            problems.append(Problem(where, f"not JSON: {error.msg}", "mend the JSON"))
        elif isinstance(error, UnicodeDecodeError):
            problems.append(at(path, f"not UTF-8 text: {error}", "save it as UTF-8"))
        else:
            hint = f"give it {', '.join(schemas.FRAGMENT_KEYS)}, as another kind's fragment does"
            problems.append(at(path, str(error), hint))
    return problems


def _lacks(kind: Kind, templates: Path, fragments_whole: bool) -> list[tuple[str, str]]:
    if not kind.name or not kind.plural:
        return [("the kind has no name or no plural", "set both: name = 'hearing', plural = ...")]
    lacking = _misnamed(kind) + _mistyped(kind) + _unknown_kinds(kind) + _facets(kind)
    lacking += [
        (
            f"parts_with_evidence names '{part}', a list the model does not build",
            f"keep its evidence under the record's evidence: only {' and '.join(BUILT_PARTS)} "
            "(an actor's roles, a measure's events) are parts with evidence of their own",
        )
        for part in kind.parts_with_evidence
        if part not in BUILT_PARTS
    ]
    if not kind.label_field and type(kind).label is Kind.label:
        lacking.append(("it says no label for links", "set label_field, or write label()"))
    fragment = schemas.FRAGMENTS / f"{kind.name}.json"
    if not fragment.is_file():
        lacking.append((f"no schema fragment for '{kind.plural}'", f"write {shown(fragment)}"))
    elif fragments_whole:
        lacking += _fragment_lacks(kind, fragment)
    if not templates.is_dir():  # a folder of seeds alone, checked but never rendered
        return lacking
    for template in (kind.page_template, kind.index_template):
        if not (templates / template).is_file():
            lacking.append((f"no template {template}", f"write templates/{template}"))
    if (templates / kind.page_template).is_file():
        # here, not at the top: it needs Jinja, and make clean lists the kinds with no package
        from generator.render.page_frame import frame_lacks

        lacking += frame_lacks(templates, kind.page_template, kind.lists_referenced_by_itself)
    return lacking


@functools.cache  # Kind is the same for the whole process
def _methods() -> dict[str, Any]:
    """Kind's methods and fields a kind may set, by name."""
    return {name: getattr(Kind, name) for name in dir(Kind) if not name.startswith("_")}


def _misnamed(kind: Kind) -> list[tuple[str, str]]:
    known = _methods()
    methods = ", ".join(n for n, v in known.items() if inspect.isfunction(v))
    return [
        (
            f"{type(kind).__name__}.{name} is not a field or method of Kind",
            f"name it as Kind does ({methods}), or begin a helper's name with '_'",
        )
        for name in sorted(n for n in vars(type(kind)) if not n.startswith("_"))
        if name not in known
    ]


def _mistyped(kind: Kind) -> list[tuple[str, str]]:
    """A method of Kind it overrides with other parameters (their names aside: the stages
    pass them in order), which would end a run in a TypeError while rendering."""
    lacking = []
    for name, value in vars(type(kind)).items():
        base = _methods().get(name)
        if not (inspect.isfunction(value) and inspect.isfunction(base)):
            continue
        wanted = list(inspect.signature(base).parameters.values())
        given = list(inspect.signature(value).parameters.values())
        if [p.kind for p in given] != [p.kind for p in wanted]:
            lacking.append(
                (
                    f"{type(kind).__name__}.{name} takes ({', '.join(p.name for p in given)}), "
                    f"not ({', '.join(p.name for p in wanted)}) as Kind.{name} does",
                    f"write def {name}({', '.join(p.name for p in wanted)})",
                )
            )
    return lacking


def _unknown_kinds(kind: Kind) -> list[tuple[str, str]]:
    """Plurals its references name that no kind has."""
    named = [
        (field, target)
        for field, kinds in kind.references.items()
        for target in ((kinds,) if isinstance(kinds, str) else kinds or ())
    ]
    return [
        (
            f"references names the kind '{target}' for {field}, and there is no such kind",
            f"name one of {', '.join(KINDS)} (a kind's plural), or None for any kind",
        )
        for field, target in named
        if target not in KINDS
    ]


def _facets(kind: Kind) -> list[tuple[str, str]]:
    return [
        (
            f"{attribute} names '{facet}', which no template shows",
            f"name one of {', '.join(facets)}",
        )
        for attribute, facets in (("listed_with", LISTED_FACETS), ("dated_with", DATED_FACETS))
        for facet in getattr(kind, attribute)
        if facet not in facets
    ]


def _fragment_lacks(kind: Kind, fragment: Path) -> list[tuple[str, str]]:
    data = json.loads(fragment.read_text(encoding="utf-8"))
    where = shown(fragment)
    clashing = [
        (
            f"{where} defines $defs/{key}, which another schema part defines already",
            "rename the kind, or its own definition",
        )
        for key in schemas.clashes(kind.name)
    ]
    if clashing:
        return clashing
    if data.get("plural") != kind.plural:
        return [(f"{where} names the plural {data.get('plural')!r}", f"write {kind.plural!r}")]
    definition = data["definition"] if isinstance(data["definition"], dict) else {}
    properties = definition.get("properties", {})
    named = [name.split(".")[0] for name in kind.references] + [f for f, _ in kind.dated]
    lacking = [
        (f"the field '{name}' is not in {where}", "define it under definition.properties")
        for name in dict.fromkeys([*named, *([kind.label_field] if kind.label_field else [])])
        if name not in properties
    ]
    if kind.label_field in properties and kind.label_field not in definition.get("required", []):
        lacking.append(
            (
                f"the label field '{kind.label_field}' is not required in {where}",
                f"add it to definition.required: links to every record read its {kind.label_field}",
            )
        )
    return lacking
