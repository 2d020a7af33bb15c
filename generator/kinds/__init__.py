"""The record kinds: every module of this package but ``base`` is one kind.

Validation, the model, the pages, the previews, the downloads, the search, the timeline,
coverage, the format reference and the list of generated files all iterate over ``KINDS``
(plural -> kind, in the kinds' ``order``), which they read from ``generator.model.kinds``:
this package is the layer above them, which puts each kind together from their helpers, and
none of them imports it. ``discovered`` is the registry's finder (the package's root hands it
over, ``generator/__init__.py``). Adding a kind takes a module here holding a
``Kind`` subclass and its one instance ``KIND``, its schema fragment
(``generator/schemas/kinds/<name>.json``) and two templates (``templates/<name>.md.j2``, which
extends ``_record.md.j2``, and ``templates/<plural>.md.j2``); see the README's "Contributing".

The modules are found and imported on first use of ``KINDS``, not when this package is
imported: a kind's module imports the model and the render helpers, which read the registry.
Two rules follow. No module a kind imports may read ``KINDS`` at its top level (the registry
says so if one does). And a kind's module imports at its top only what needs no installed
package (the model, ``render.contexts``, ``render.phrasing``, ``render.open_data``): ``make
clean`` lists the kinds' folders on a fresh clone, without the virtual environment; what needs
one (YAML, Pagefind) is imported in the method that uses it.
``shortcomings`` checks each kind has what it needs, each at its class's file and line.
"""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
from pathlib import Path

from generator import schemas
from generator.kinds.base import Kind
from generator.model.kinds import KINDS
from generator.problems import Location, Problem

__all__ = ["KINDS", "Kind", "discovered", "shortcomings"]

FRAME = "_record.md.j2"  # the page frame every record page extends


# Each kind's module file, by plural, and the modules that hold no kind or a second one: what
# ``discovered`` found, for ``shortcomings`` to place its problems.
MODULES: dict[str, Path] = {}
STRAYS: list[Problem] = []


def discovered() -> dict[str, Kind]:
    """The kinds of this package's modules by plural, in their order (``KINDS``' finder)."""
    found: list[tuple[Kind, Path]] = []
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if module_info.name == "base" or module_info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        path = Path(inspect.getfile(module))
        kind = getattr(module, "KIND", None)
        if not isinstance(kind, Kind):
            STRAYS.append(_at(path, "holds no kind", "end it with KIND = <its class>()"))
            continue
        found.append((kind, path))
    found.sort(key=lambda pair: (pair[0].order, pair[0].plural))
    kinds: dict[str, Kind] = {}
    for kind, path in found:
        if kind.plural in kinds:
            message = f"a second kind with the plural '{kind.plural}'"
            STRAYS.append(_at(path, message, "give each kind its own plural"))
            continue
        kinds[kind.plural] = kind
        MODULES[kind.plural] = path
    return kinds


def _at(path: Path, message: str, hint: str = "", line: int = 0) -> Problem:
    return Problem(Location(_shown(path), line, 1 if line else 0), message, hint)


def _shown(path: Path) -> str:
    """A module's file as the project names it (generator/kinds/claim.py)."""
    parts = path.parts
    return "/".join(parts[len(parts) - 1 - parts[::-1].index("generator") :])


def shortcomings(templates: Path) -> list[Problem]:
    """What each kind lacks, at its class in its module: a name, a label, its schema fragment
    (naming its plural and the fields it says it references and dates), its two templates (the
    page's extending the frame), or a method of ``Kind`` it misspells. Empty when every kind is
    complete; validation reports them with the input's problems, before anything is written.
    ``templates`` is the folder the pages are rendered with; without one, none is asked for."""
    found = list(STRAYS)
    for plural, kind in KINDS.items():
        assert isinstance(kind, Kind)  # what discovered() found
        path, line = MODULES[plural], inspect.getsourcelines(type(kind))[1]
        found += [_at(path, message, hint, line) for message, hint in _lacks(kind, templates)]
    return found


def _lacks(kind: Kind, templates: Path) -> list[tuple[str, str]]:
    lacking = []
    if not kind.name or not kind.plural:
        return [("the kind has no name or no plural", "set both: name = 'hearing', plural = ...")]
    base_names = {name for name in dir(Kind) if not name.startswith("_")}
    for name in sorted({n for n in vars(type(kind)) if not n.startswith("_")} - base_names):
        lacking.append(
            (
                f"{type(kind).__name__}.{name} is not a field or method of Kind",
                "name it as Kind does (page, index, check, check_together, preview, json_ld, "
                "search_meta, row, label), or begin a helper's name with '_'",
            )
        )
    if not kind.label_field and type(kind).label is Kind.label:
        lacking.append(("it says no label for links", "set label_field, or write label()"))
    fragment = schemas.FRAGMENTS / f"{kind.name}.json"
    if not fragment.is_file():
        lacking.append((f"no schema fragment for '{kind.plural}'", f"write {_shown(fragment)}"))
    else:
        lacking += _fragment_lacks(kind, fragment)
    if not templates.is_dir():  # a folder of seeds alone, checked but never rendered
        return lacking
    for template in (kind.page_template, kind.index_template):
        if not (templates / template).is_file():
            lacking.append((f"no template {template}", f"write templates/{template}"))
    page = templates / kind.page_template
    if page.is_file() and f'{{% extends "{FRAME}" %}}' not in page.read_text("utf-8"):
        lacking.append(
            (
                f"templates/{kind.page_template} does not extend {FRAME}",
                f'begin it with {{% extends "{FRAME}" %}} and put the page in '
                "{% block body %}: the frame shows what every record page must",
            )
        )
    return lacking


def _fragment_lacks(kind: Kind, fragment: Path) -> list[tuple[str, str]]:
    data = json.loads(fragment.read_text(encoding="utf-8"))
    where = _shown(fragment)
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
    properties = data.get("definition", {}).get("properties", {})
    named = [name.split(".")[0] for name in kind.references] + [f for f, _ in kind.dated]
    return [
        (f"the field '{name}' is not in {where}", "define it under definition.properties")
        for name in dict.fromkeys(named)
        if name not in properties
    ]
