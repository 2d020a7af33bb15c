"""The packages depend one way, through any chain of imports.

From the bottom: ``problems``; the model (which reads the kinds from its own registry,
``model.kinds``); the schemas, reading (``input``), the search marks and the writer; the pages
(``render``); the kinds (``kinds/``, each put together from the model's, the input's and the
pages' helpers); and around them all, the incremental run, the integrations, authoring, the
pipeline and the command line. Every import counts: at a module's top, inside a function
(it runs when called, and then the package needs the other) and for type hints only (the
reader still has to know the other package).
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
ROOT = "generator"  # the package's own __init__.py: it composes the layers

# package: the packages of generator/ it must not reach, through any chain of imports
NEVER_REACHES = {
    "model": {"input", "render", "kinds", "schemas", "search", "incremental", "writing"},
    "input": {"render", "kinds", "search", "incremental"},
    "schemas": {"input", "render", "kinds", "incremental"},
    "search": {"input", "render", "kinds", "incremental"},
    "writing": {"input", "render", "kinds", "incremental"},
    "render": {"kinds", "incremental"},
    "kinds": {"incremental", "integrations", "authoring"},
}


def node(package: Path, path: Path) -> str:
    """The package (or top-level module) of generator/ that ``path`` belongs to."""
    parts = path.relative_to(package).with_suffix("").parts
    return ROOT if parts == ("__init__",) else parts[0]


def imported(package: Path, path: Path) -> set[str]:
    """The packages and top-level modules of ``package`` that a module imports anywhere in it
    (``generator.input.loading``: input; ``from generator import schemas``: schemas)."""
    name = package.name
    module_parts = path.relative_to(package.parent).with_suffix("").parts
    found = set()
    for statement in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(statement, ast.Import):
            names = [alias.name for alias in statement.names]
        elif isinstance(statement, ast.ImportFrom):
            if statement.level:  # relative: from the module's own package, up level - 1
                here = module_parts[: len(module_parts) - statement.level]
                base = ".".join(here + ((statement.module,) if statement.module else ()))
            else:
                base = statement.module or ""
            names = [base, *(f"{base}.{alias.name}" for alias in statement.names)]
        else:
            continue
        found |= {n.split(".")[1] for n in names if n.startswith(f"{name}.")}
    return found


def graph(package: Path) -> dict[str, set[str]]:
    """Which packages (and top-level modules) of ``package`` each imports, itself left out."""
    known = {path.stem for path in package.glob("*.py")} | {
        path.parent.name for path in package.glob("*/__init__.py")
    }
    edges: dict[str, set[str]] = {}
    for path in sorted(package.rglob("*.py")):
        source = node(package, path)
        edges.setdefault(source, set())
        edges[source] |= (imported(package, path) & known) - {source}
    return edges


def reached(edges: dict[str, set[str]], start: str) -> dict[str, list[str]]:
    """Each package ``start`` reaches, with one chain of imports that gets there."""
    chains = {start: [start]}
    waiting = [start]
    while waiting:
        current = waiting.pop()
        for target in sorted(edges.get(current, ())):
            if target not in chains:
                chains[target] = [*chains[current], target]
                waiting.append(target)
    del chains[start]
    return chains


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """A chain of imports back to where it began, for each package that has one."""
    found = []
    for start in sorted(edges):
        for target in sorted(edges[start]):
            back = reached(edges, target).get(start)
            if back or target == start:
                found.append([start, *(back or [target])])
                break
    return found


def test_the_packages_import_each_other_in_no_cycle() -> None:
    assert cycles(graph(PACKAGE)) == []


def test_no_package_reaches_a_layer_above_it() -> None:
    edges = graph(PACKAGE)
    wrong = {
        package: {
            target: " -> ".join(chain)
            for target, chain in reached(edges, package).items()
            if target in forbidden
        }
        for package, forbidden in NEVER_REACHES.items()
    }
    assert {package: chains for package, chains in wrong.items() if chains} == {}


def test_the_checks_see_function_level_relative_and_typing_imports(tmp_path: Path) -> None:
    """A package whose low layer imports a higher one only inside a function, one under
    TYPE_CHECKING and one relatively: each edge is found, and the cycle through them."""
    package = tmp_path / "generator"
    for folder in ("low", "high", "top"):
        (package / folder).mkdir(parents=True)
        (package / folder / "__init__.py").write_text("")
    (package / "__init__.py").write_text("")
    (package / "low" / "a.py").write_text("def f():\n    from generator.high import b\n")
    (package / "high" / "b.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ..top import c\n"
    )
    (package / "top" / "c.py").write_text("from generator import low\n")
    edges = graph(package)
    assert edges == {ROOT: set(), "low": {"high"}, "high": {"top"}, "top": {"low"}}
    assert reached(edges, "low") == {"high": ["low", "high"], "top": ["low", "high", "top"]}
    assert cycles(edges)[0] == ["high", "top", "low", "high"]
