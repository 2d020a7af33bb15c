"""Briefing: seed articles plus YAML annotations in, cross-linked Markdown pages out.

The pipeline reads as the module names do: ``loading`` → ``validation`` → ``model`` →
``rendering`` → ``writing``; ``pipeline`` strings them together and ``cli`` is the front door.
The exceptions a run can end with are public: ``BriefingError``, and its kinds ``InputError``
(problems in the input, each at its file, line and column) and ``BuildError`` (the renderer
failed).

The root also composes the layers: the kinds (``generator/kinds/``) are put together from the
model's and the pages' helpers, so those read them from ``generator.model.kinds.KINDS``, which
is told here where to find them. The kinds' package is imported when the registry is first read.
"""

from pathlib import Path

from generator.model.kinds import KINDS
from generator.problems import BriefingError, BuildError, InputError, Location, Problem


def _found_kinds() -> dict:
    from generator.kinds import discovered

    return discovered()


def _what_kinds_lack(templates: Path) -> list[Problem]:
    from generator.kinds import shortcomings

    return shortcomings(templates)


KINDS.found_by(_found_kinds, _what_kinds_lack)

__all__ = ["BriefingError", "BuildError", "InputError", "Location", "Problem"]
