"""Which tests are slow: `make test-quick` runs ``pytest -m "not slow"``, the rest of the suite
(a pytest plugin: ``conftest`` loads it).

A test is slow when it builds a site or drives Chromium (it is given one of ``SLOW_FIXTURES``),
or starts a process or runs the command line on a project as one would: its own code, or a
function of the suite it names (a helper, a fixture it is given, a nested function or a lambda
it passes), names ``subprocess`` or ``run_in_process``. A test may also say it
is slow itself (``@pytest.mark.slow``), as the long property tests do, and a module of tests
that each generate a whole project's pages (the bad-input cases, the incremental runs) marks
all of its tests (``pytestmark``).
"""

from __future__ import annotations

import inspect
import types
from pathlib import Path

import pytest

SLOW_FIXTURES = {"browser", "page", "server", "site", "built_site", "built_briefing"}
# The names code that starts a process uses, and the suite's helper that runs the command line
# in this process instead (on a whole project, as a process would)
PROCESS_NAMES = {"subprocess", "Popen", "run_in_process"}
TESTS = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    seen: dict[types.CodeType, bool] = {}
    for item in items:
        fixtures = getattr(item, "_fixtureinfo", None)
        defined = fixtures.name2fixturedefs.values() if fixtures else ()
        functions = [getattr(item, "obj", None), *(d.func for defs in defined for d in defs)]
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())) or any(
            starts_processes(function, seen) for function in functions
        ):
            item.add_marker(pytest.mark.slow)


def starts_processes(function: object, seen: dict[types.CodeType, bool]) -> bool:
    """Whether ``function``, or a function of the suite it names (a helper, a nested function,
    a lambda it passes), names ``subprocess``."""
    function = getattr(getattr(function, "hypothesis", None), "inner_test", function)
    function = inspect.unwrap(function) if callable(function) else function
    if not isinstance(function, types.FunctionType):
        return False
    return _names_processes(function.__code__, function.__globals__, seen)


def _names_processes(code: types.CodeType, names: dict, seen: dict[types.CodeType, bool]) -> bool:
    if code in seen:
        return seen[code]
    seen[code] = False  # while looking: a recursive helper says no more than its other paths
    found = bool(PROCESS_NAMES & set(code.co_names)) or any(
        _names_processes(inner, names, seen)
        for inner in code.co_consts
        if isinstance(inner, types.CodeType)
    )
    for name in code.co_names:
        if found:
            break
        target = names.get(name)
        target = inspect.unwrap(target) if callable(target) else target
        if (
            isinstance(target, types.FunctionType)
            and TESTS in Path(target.__code__.co_filename).parents
        ):
            found = _names_processes(target.__code__, target.__globals__, seen)
    seen[code] = found
    return found
