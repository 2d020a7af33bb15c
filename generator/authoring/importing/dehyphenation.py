"""Lines of a printed paragraph joined back into one: a word the printout broke at the line's
end ("dredg-" / "ing") is made whole again, a hyphenated compound ("two-" / "year") keeps its
hyphen.

Which one a break is cannot be seen on the page; the paragraph's own words decide. The break
is a compound when its second part starts with a capital or a digit (Harbor-Craft, 555-0142),
or when both parts are words the text uses on their own; otherwise it is a word broken in two.
"""

from __future__ import annotations

import re

_BROKEN = re.compile(r"(\w+)[-\u2010]$")
_WORD = re.compile(r"\w+")


def join_lines(lines: list[str]) -> str:
    """One paragraph from the printed lines of it."""
    words = _whole_words(lines)
    text = ""
    for line in lines:
        line = line.strip()
        broken = _BROKEN.search(text)
        if not text:
            text = line
        elif broken and line[:1].islower() and not _compound(broken.group(1), line, words):
            text = text[: broken.end(1)] + line  # the hyphen was the line's, not the word's
        elif broken:
            text += line
        else:
            text += " " + line
    return text


def _whole_words(lines: list[str]) -> set[str]:
    """The words the lines use whole: not the parts of a word broken at a line's end."""
    words: set[str] = set()
    broke = False
    for line in lines:
        found = _WORD.findall(line)
        ends_broken = bool(_BROKEN.search(line.strip()))
        words.update(w.lower() for w in found[int(broke) : len(found) - int(ends_broken)])
        broke = ends_broken
    return words


def _compound(left: str, rest: str, words: set[str]) -> bool:
    right = _WORD.match(rest)
    if not right or left[-1:].isdigit():
        return True
    left_word, right_word = left.lower(), right.group().lower()
    if left_word + right_word in words:
        return False
    return left_word in words and right_word in words
