"""The packages depend one way: the model on none of the stages around it, and reading and
rendering on nothing of the incremental machinery, which wraps them from outside."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "generator"

# package: the packages of generator/ it must not import, even for type hints only
FORBIDDEN = {
    "model": {"input", "render", "incremental", "integrations", "authoring", "search"},
    "input": {"incremental", "render"},
    "render": {"incremental"},
}


def imported(path: Path) -> set[str]:
    """The packages of generator/ that a module imports (``generator.input.loading``: input)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
        found |= {name.split(".")[1] for name in names if name.startswith("generator.")}
    return found


def test_no_package_imports_a_stage_it_must_not_know() -> None:
    wrong = {
        path.relative_to(PACKAGE.parent).as_posix(): sorted(imported(path) & forbidden)
        for package, forbidden in FORBIDDEN.items()
        for path in sorted((PACKAGE / package).rglob("*.py"))
    }
    assert {module: names for module, names in wrong.items() if names} == {}
