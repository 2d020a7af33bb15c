"""Briefing: seed articles plus YAML annotations in, cross-linked Markdown pages out.

The pipeline reads as the module names do: ``loading`` → ``validation`` → ``model`` →
``rendering`` → ``writing``; ``pipeline`` strings them together and ``cli`` is the front door.
The exceptions a run can end with are public: ``BriefingError``, and its kinds ``InputError``
(problems in the input, each at its file, line and column) and ``BuildError`` (the renderer
failed).
"""

from generator.problems import BriefingError, BuildError, InputError, Location, Problem

__all__ = ["BriefingError", "BuildError", "InputError", "Location", "Problem"]
