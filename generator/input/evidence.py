"""Find a quote in its article's text.

Matching rules (documented in docs/format.md): runs of whitespace of any kind count as one
space, and typographic quotation marks and apostrophes match their straight forms. Nothing else
is forgiven, so a quote on the site is the article's own words.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from generator.input import marks

_FOLD = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})
_SPACE = re.compile(r"\s+")
_LONG_SPACE = re.compile(r"\s{2,}")


@dataclass(frozen=True)
class Match:
    start: int  # offsets into the article text
    end: int
    paragraph: int  # 1-based number of the paragraph (non-blank line) where the quote starts
    occurrences: int


@dataclass(frozen=True)
class Miss:
    matched: str  # the longest beginning of the quote that the text contains
    expected: str  # what the text has where the quote goes on differently ('' at its end)


class SearchableText:
    """An article's text folded for matching, with a map back to the original offsets."""

    def __init__(self, text: str):
        self.text = text
        translated = text.translate(_FOLD)  # same length as the text
        self.folded = _SPACE.sub(" ", translated)
        # Offsets shift only after a run of several whitespace characters became one space:
        # from folded offset _after[k] on, the text is _shift[k] characters further on.
        self._after, self._shift, removed = [0], [0], 0
        for run in _LONG_SPACE.finditer(translated):
            self._after.append(run.start() - removed + 1)
            removed += len(run.group()) - 1
            self._shift.append(removed)
        self.paragraph_starts = [start for start, _ in paragraph_spans(text)]

    def find(self, quote: str, occurrence: int = 1) -> Match | Miss:
        """The ``occurrence``-th place where ``quote`` stands (1 is the first)."""
        needle = fold(quote)
        places = self.places(needle) if needle else []
        if not places:
            return self._miss(needle)
        at = places[min(occurrence, len(places)) - 1]
        start, end = self.origin(at), self.origin(at + len(needle) - 1) + 1
        return Match(start, end, self.paragraph_of(start), len(places))

    def origin(self, offset: int) -> int:
        """Where the character at ``offset`` in the folded text stands in the text."""
        return offset + self._shift[bisect_right(self._after, offset) - 1]

    def places(self, needle: str) -> list[int]:
        found, at = [], self.folded.find(needle)
        while at >= 0:
            found.append(at)
            at = self.folded.find(needle, at + 1)
        return found

    def paragraph_of(self, offset: int) -> int:
        return sum(1 for begin in self.paragraph_starts if begin <= offset)

    def _miss(self, needle: str) -> Miss:
        low, high = 0, len(needle)  # the longest prefix found; found(low) is always true
        while low < high:
            middle = (low + high + 1) // 2
            if needle[:middle] in self.folded:
                low = middle
            else:
                high = middle - 1
        prefix = needle[:low]
        at = self.folded.find(prefix) + low if low else 0
        return Miss(prefix, self.folded[at : at + 40])


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every paragraph: each line that is not blank, as the source page shows it."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def fold(text: str) -> str:
    return _SPACE.sub(" ", text.translate(_FOLD)).strip()


def inside_quotation_marks(text: str, start: int, end: int) -> list[str]:
    """The runs of ``text[start:end]`` that stand inside quotation marks (of any language the
    ``marks`` table knows), read from the start of their line (a paragraph): the words a
    reporter gives as the speaker's own, without the reporter's tag around them ('," he
    added.', '», a déclaré le ministre.')."""
    line = text.rfind("\n", 0, start) + 1
    runs = [text[max(a, start) : b] for a, b in marks.quotations(text, line, end) if b > start]
    words = (" ".join(run.split()).strip(" " + marks.CLAUSE_MARKS) for run in runs)
    return [run for run in words if any(char.isalnum() for char in run)]
