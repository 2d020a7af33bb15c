"""Problems found in a user's input, and the public exceptions a run can end with.

Every stage collects problems instead of raising on the first one, so an author sees all of
their mistakes in one run. ``BriefingError`` and its kinds are the only exceptions the CLI and
the MkDocs hook turn into a message and an exit code: ``InputError`` (the input has problems,
each at its place), ``OutputError`` (the pages cannot be written) and ``BuildError`` (the
renderer failed on pages we wrote).
Anything else is a bug in the generator and keeps its traceback.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

# How alike a choice must be to be offered (rapidfuzz's ratio, 0-100: the share of characters
# the two have in common, in order; difflib's ratio, which the hints used before, at its 0.6).
HINT_CUTOFF = 60


@dataclass(frozen=True, order=True)
class Location:
    """A place in an input file; line and column count from 1, as editors show them."""

    path: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        path = visible(
            self.path, keep=""
        )  # a file named with an escape must not drive the terminal
        return f"{path}:{self.line}:{self.column}" if self.line else path


@dataclass(frozen=True, order=True)
class Problem:
    location: Location
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.location}: {visible(self.message)}"
        return f"{text}\n    hint: {visible(self.hint)}" if self.hint else text


class BriefingError(Exception):
    """A run that cannot go on for a reason the user can act on; ``report`` says it all."""

    def report(self) -> str:
        return str(self)


class InputError(BriefingError):
    """The input cannot be built; ``problems`` says every reason, in file order."""

    def __init__(self, problems: Iterable[Problem], outcome: str = "nothing was written."):
        self.problems = sorted(set(problems))
        self.outcome = outcome
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        lines = [str(problem) for problem in self.problems]
        lines.append(f"{count} problem{'s' if count != 1 else ''} found; {self.outcome}")
        return "\n".join(lines)


class OutputError(InputError):
    """The pages cannot be written (a file in the way, permissions, a full disk), each problem
    at the path in ``docs/`` it concerns; nothing in ``docs/`` was changed."""

    def __init__(self, problems: Iterable[Problem]):
        super().__init__(problems, "docs/ was left as it was.")


class BuildError(BriefingError):
    """The renderer (``mkdocs build``) failed on the pages we wrote: no input file is at fault,
    so there is no location, only what the renderer said."""

    def __init__(self, command: str, output: str, outcome: str):
        self.command, self.output, self.outcome = command, output, outcome
        super().__init__(self.report())

    def report(self) -> str:
        return f"{self.command} failed:\n{self.output}\n{self.outcome}"


# Characters a reader cannot see, or that act on the terminal or on the order of what follows:
# controls, format characters (zero-width, bidi, soft hyphen), non-characters, unassigned ones,
# private use, line and paragraph separators.
_INVISIBLE = {"Cc", "Cf", "Cn", "Co", "Cs", "Zl", "Zp"}


def visible(text: str, keep: str = "\n\t") -> str:
    """``text`` with each invisible character (but those in ``keep``) written as ``<U+200B>``:
    messages print what the user wrote, and two texts that differ only there must look
    different, and print nothing a terminal would act on."""
    if text.isprintable() and text.isascii():
        return text
    return "".join(
        f"<U+{ord(char):04X}>"
        if char not in keep and unicodedata.category(char) in _INVISIBLE
        else char
        for char in text
    )


def counted(number: int, noun: str) -> str:
    """'1 record', '2 records': a count in a message."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A hint naming the closest choices, or an empty string when none is close."""
    # here, not at the top: `make clean` imports the package with no package installed
    from rapidfuzz import fuzz, process

    matches = process.extract(
        word, sorted(set(choices)), scorer=fuzz.ratio, limit=3, score_cutoff=HINT_CUTOFF
    )
    close = [choice for choice, _, _ in matches]
    if not close:
        return ""
    return "did you mean " + " or ".join(f"'{choice}'" for choice in close) + "?"


def relative(path: Path, root: Path) -> str:
    """The path as the user should see it: relative to the project when it is inside it."""
    shown, inside = path.as_posix(), root.as_posix().rstrip("/") + "/"
    return shown[len(inside) :] if shown.startswith(inside) else shown


def workflow_commands(problems: Iterable[Problem]) -> list[str]:
    """Each problem as a GitHub Actions error annotation (``::error file=…,line=…,col=…::``),
    which GitHub shows on the pull request's diff at that place."""

    def data(text: str) -> str:
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    def value(text: str) -> str:
        return data(text).replace(":", "%3A").replace(",", "%2C")

    found = []
    for problem in problems:
        where = problem.location
        place = [f"file={value(visible(where.path, keep=''))}"]
        place += [f"line={where.line}", f"col={where.column}"] if where.line else []
        hint = f" (hint: {problem.hint})" if problem.hint else ""
        found.append(f"::error {','.join(place)}::{data(visible(problem.message + hint))}")
    return found
