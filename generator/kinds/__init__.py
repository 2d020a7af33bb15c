"""The record kinds: every module of this package but ``base`` (and those named ``_...``) is
one kind.

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
import pkgutil
import traceback
from pathlib import Path

from generator.kinds._shortcomings import MODULES, STRAYS, at, shortcomings, shown
from generator.kinds.base import Kind
from generator.model.kinds import KINDS
from generator.problems import Problem

__all__ = ["KINDS", "Kind", "discovered", "shortcomings"]


def discovered() -> dict[str, Kind]:
    """The kinds of this package's modules by plural, in their order (``KINDS``' finder). A
    module that cannot be imported, holds no kind or a second kind's plural is left out and
    noted in ``STRAYS``, for ``shortcomings`` to report at its file."""
    MODULES.clear()
    STRAYS.clear()
    found: list[tuple[Kind, Path]] = []
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if module_info.name == "base" or module_info.name.startswith("_"):
            continue
        path = Path(__path__[0]) / f"{module_info.name}.py"
        try:
            module = importlib.import_module(f"{__name__}.{module_info.name}")
        except Exception as error:  # a kind's own code: told at its place, never a traceback
            STRAYS.append(_unimportable(path, error))
            continue
        kind = getattr(module, "KIND", None)
        if not isinstance(kind, Kind):
            STRAYS.append(at(path, "holds no kind", "end it with KIND = <its class>()"))
            continue
        found.append((kind, path))
    found.sort(key=lambda pair: (pair[0].order, pair[0].plural))
    kinds: dict[str, Kind] = {}
    for kind, path in found:
        if kind.plural in kinds:
            message = f"a second kind with the plural '{kind.plural}'"
            STRAYS.append(at(path, message, "give each kind its own plural"))
            continue
        kinds[kind.plural] = kind
        MODULES[kind.plural] = path
    return kinds


def _unimportable(path: Path, error: Exception) -> Problem:
    """The module's import error, at the line of the module where it was raised (a syntax
    error's own line), or at the module's top."""
    line = (error.lineno or 0) if isinstance(error, SyntaxError) else 0
    for frame in traceback.extract_tb(error.__traceback__):
        if Path(frame.filename).resolve() == path.resolve():
            line = frame.lineno or 0
    message = f"the module cannot be imported: {type(error).__name__}: {error}"
    return at(path, message, f"mend {shown(path)} so that it imports", line)
