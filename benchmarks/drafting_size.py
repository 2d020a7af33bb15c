"""The installed size of the ``draft`` extra: the files of its packages and of their
dependencies that the base install does not already need (importlib.metadata's records)."""

from __future__ import annotations

from importlib import metadata

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

PROJECT, EXTRA = "briefing-site", "draft"  # the distribution's name (pyproject.toml)


def needed(requirements: list[str], extra: str = "") -> set[str]:
    """The installed distributions ``requirements`` need (for ``extra``), and theirs."""
    found: set[str] = set()
    pending = [(line, extra) for line in requirements]
    while pending:
        line, wanted = pending.pop()
        requirement = Requirement(line)
        if requirement.marker and not requirement.marker.evaluate({"extra": wanted}):
            continue
        name = canonicalize_name(requirement.name)
        if name in found:
            continue
        try:
            distribution = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        found.add(name)
        for extra_name in requirement.extras or {""}:
            pending += [(sub, extra_name) for sub in distribution.requires or []]
    return found


def extra_size() -> int | None:
    """Bytes the extra adds, or None when it is not installed."""
    requires = metadata.distribution(PROJECT).requires or []
    base = needed(requires)
    added = needed(requires, EXTRA) - base
    if not added:
        return None
    total = 0
    for name in added:
        for file in metadata.distribution(name).files or []:
            path = file.locate()
            if path.is_file():
                total += path.stat().st_size
    return total
