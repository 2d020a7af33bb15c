"""A drafted figure's number and unit as the drafting benchmark reads them: whether the number
is a date, a time or an ordinal rather than a quantity, and a unit without case or plural."""

from __future__ import annotations

import re

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_FUNCTION_WORDS = (
    r"to|and|or|through|until|till|when|as|with|the|in|on|for|that|but|was|were|is|are|had"
    r"|has|after|before|from|at|by|than|while|its|his|her|their|a|an|of"
)
_PLURAL = rf"(?-i:(?!(?:{_FUNCTION_WORDS})\b)(?:[a-z]*[a-rt-z]s|people|children|men|women|staff)\b)"
_DATE = re.compile(
    "|".join(
        (
            rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}}\b)?",  # May 1, Jan 10, 2018
            rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}}\b)?",  # 1 May 2019
            rf"\b{_MONTH},?\s+\d{{4}}\b",  # March 2019
            r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\b\.?)?",  # 9:30, 9:30 p.m., 03:44
            r"\b\d{1,2}\s*[ap]\.m\.",  # 9 a.m.
            r"\b\d+(?:st|nd|rd|th)\b",  # ordinals
            r"\b(?:19\d\d|20\d\d|2100)s\b",  # decades
            # a year: not part of a longer number, nor counting a plural ("2000 people")
            rf"(?<![\d,.$])\b(?:19\d\d|20\d\d|2100)\b(?![\d,.]\d)(?!\s+{_PLURAL})",
        )
    ),
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_SCALES = (1, 100, 1e3, 1e6, 1e9, 1e12)  # a number as written, or with its scale word


def is_date_figure(text: str, place: tuple[int, int], value: float | None) -> bool:
    """Whether a drafted figure's number is a date, a time or an ordinal: a date form that
    overlaps its quote (read with 20 characters either side) holds it, and no other number of
    the quote does (a value the draft gives no number for: every number of the quote is in one)."""
    start, end = place
    around = max(0, start - 20)
    window = text[around : end + 20]
    dates = [
        (m.start() + around, m.end() + around)
        for m in _DATE.finditer(window)
        if m.start() + around < end and m.end() + around > start
    ]
    if not dates:
        return False
    inside, outside = set(), set()
    for m in _DIGITS.finditer(text, start, end):
        number = float(m.group().replace(",", ""))
        in_date = any(s <= m.start() and m.end() <= e for s, e in dates)
        (inside if in_date else outside).add(number)
    for s, e in dates:  # the date's own numbers, where it reaches past the quote ("May 1")
        inside.update(float(m.group().replace(",", "")) for m in _DIGITS.finditer(text, s, e))
    if value is None:
        return bool(inside) and not outside
    explained = any(
        abs(n * scale - value) < 1e-6 * max(1, value) for n in outside for scale in _SCALES
    )
    return value in inside and not explained


_UNIT_WORDS = {
    "%": "percent",
    "people": "person",
    "persons": "person",
    "$": "dollar",
    "usd": "dollar",
}


def unit_of(unit: str) -> str:
    """A unit compared without case or plural: 'Tons' is 'ton'; '%' is 'percent', '$' and
    'USD' are 'dollar', 'people' is 'person'."""
    word = " ".join(unit.casefold().split()).replace("per cent", "percent")
    word = _UNIT_WORDS.get(word, word)
    for ending, stem in (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("s", "")):
        if word.endswith(ending) and len(word) > len(ending) + 2 and not word.endswith("ss"):
            return word[: -len(ending)] + stem
    return word
