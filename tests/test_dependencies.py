"""Every package the generator imports is declared in pyproject.toml (issue 31, item 3): one
that only arrives with another (watchdog with MkDocs, markupsafe with Jinja2) can leave with
it at that package's next release."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib

from conftest import REPO


def imported(folder) -> dict[str, str]:
    """Each top-level module imported by the code under ``folder``, with where it first is."""
    found: dict[str, str] = {}
    for path in sorted(folder.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                where = f"{path.relative_to(REPO)}:{node.lineno}"
                found.setdefault(name.partition(".")[0], where)
    return found


def normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared(requirements: list[str]) -> set[str]:
    return {normalised(re.match(r"[A-Za-z0-9._-]+", line).group()) for line in requirements}


def test_every_package_the_generator_imports_is_declared() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    # the core, and the draft extra (spaCy), which the code imports only when it is installed
    allowed = declared(project["dependencies"]) | declared(
        project["optional-dependencies"]["draft"]
    )
    distributions = importlib.metadata.packages_distributions()
    missing = []
    for module, where in sorted(imported(REPO / "generator").items()):
        if module in sys.stdlib_module_names or module in ("generator", "__future__"):
            continue
        names = distributions.get(module)
        if names is None:
            missing.append(f"{where}: {module} is installed by no distribution here")
        elif not {normalised(name) for name in names} & allowed:
            missing.append(f"{where}: {module} ({', '.join(names)}) is not declared")
    assert missing == []


def pinned(lock: str) -> dict[str, str]:
    """The lock file's pins, by normalised name, each with at least one hash."""
    text = (REPO / ".ci" / lock).read_text(encoding="utf-8")
    found = {}
    for block in re.split(r"\n(?=\S)", text):
        pin = re.match(r"([A-Za-z0-9._-]+)==(\S+)", block)
        if pin:
            assert "--hash=sha256:" in block, block
            found[normalised(pin.group(1))] = pin.group(2)
    return found


def test_the_locks_pin_every_declared_dependency_with_hashes() -> None:
    """`make` installs from .ci/requirements.lock (make site) and requirements-test.lock (make
    test, with the draft extra): made by `make lock`, they must hold what pyproject.toml asks."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    core, test = pinned("requirements.lock"), pinned("requirements-test.lock")
    assert declared(project["dependencies"]) - core.keys() == set()
    wanted = declared(project["dependencies"] + extras["test"] + extras["draft"])
    assert wanted - test.keys() == set()
    assert {name: core[name] for name in core} == {name: test[name] for name in core}
