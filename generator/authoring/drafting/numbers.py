"""Numbers in words and digits: their value ("1.4 billion", "half a million", "two thirds",
"twenty-five", "1 200" as the language writes it: ``numerals``), the numbers the parser leaves
without an entity, and "a third" it reads as an ordinal."""

from __future__ import annotations

import re
from typing import Any

from generator.input import numerals

SMALL = {
    word: number
    for number, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
} | {
    w: 10 * n
    for n, w in enumerate(
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], 2
    )
}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
FRACTIONS = {"half": 0.5, "quarter": 0.25, "dozen": 12}
PARTS = {"third": 1 / 3, "thirds": 1 / 3, "quarters": 0.25}  # "a third", "two thirds"


_WORD = re.compile(r"[\w.,%]+")


def words(text: str, language: str | None) -> list[str]:
    """The words of ``text`` as ``parse`` reads them: a number whose digits spaces group ("1 200")
    one word, and words a hyphen joins ("twenty-five", "5-7") two."""
    for number in reversed(numerals.numbers_in(text, language)):
        if any(char.isspace() for char in text[number.start : number.end]):
            text = text[: number.start] + number.plain + text[number.end :]
    return _WORD.findall(text.replace("-", " "))


def parse(words: list[str], language: str | None = None) -> float | None:
    """The value of a number's words, its digits read the language's way ("1,5" is 1.5 in
    French, "1,200" is 1200 in English)."""
    total, current, seen = 0.0, 0.0, False
    for word in words:
        word = word.lower().rstrip("%")
        number = numerals.value_of(word, language)
        if number is not None:
            current += float(number.exact)
        elif word in SMALL:
            current += SMALL[word]
        elif word in FRACTIONS:
            current = (
                (current or 1) * FRACTIONS[word] if word == "dozen" else current + FRACTIONS[word]
            )
        elif word in PARTS:
            current = (current or 1) * PARTS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in SCALES:
            total, current = total + (current or 1) * SCALES[word], 0.0
        elif word in {"a", "an", "and", "-"}:
            continue
        else:
            continue
        seen = True
    value = total + current
    return value if seen and value else None


def unlabelled(doc: Any) -> list[Any]:
    """'more than 900 people had signed': numbers the parser gave no entity, as a count (the
    words before them that qualify them included)."""
    found = []
    for token in doc:
        if token.ent_type_ or token.pos_ != "NUM" or not token.like_num:
            continue
        if found and found[-1].end == token.i:
            found[-1] = doc[found[-1].start : token.i + 1]
            continue
        start = token.i
        while start and qualifies(doc[start - 1], start, token.i):
            start -= 1  # "more than", "about"
        found.append(doc[start : token.i + 1])
    return [doc.char_span(s.start_char, s.end_char, label="CARDINAL") for s in found]


def qualifies(word: Any, start: int, end: int) -> bool:
    inside = start <= word.head.i <= end or word.head.i == word.i + 1
    return inside and word.pos_ in {"ADV", "ADJ", "ADP"} and not word.ent_type_


def share_word(entity: Any) -> Any:
    """'A third of our boats', which the parser reads as an ordinal 'third': a number."""
    doc = entity.doc
    if entity.label_ != "ORDINAL" or entity.text.lower() not in {"third", "quarter"}:
        return entity
    if not entity.start or doc[entity.start - 1].lower_ not in {"a", "one"}:
        return entity  # "the third day"
    start = doc[entity.start - 1].idx
    return doc.char_span(start, entity.end_char, label="CARDINAL") or entity
