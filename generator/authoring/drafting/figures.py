"""Figures: numbers the article states, with scale words ("1.4 billion", "half a million",
"three"), their qualifier, the unit from the counted noun and who states them. Dates, times,
ordinals, years and ages are never figures."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from generator.authoring.drafting.article import Article, Sentence

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
MULTIPLY = {"double": 2, "triple": 3, "quadruple": 4, "halve": 0.5, "treble": 3}
QUALIFIERS = [
    ("more-than", r"more than|over|above|upwards of|in excess of|exceeding"),
    ("at-least", r"at least|no fewer than|no less than"),
    ("nearly", r"nearly|almost|close to|just under|just shy of"),
    ("about", r"about|around|approximately|roughly|some|an estimated|estimated|about|circa"),
]
PEOPLE = {
    "people", "person", "user", "abuser", "addict", "resident", "worker", "citizen", "patient",
    "child", "adult", "student", "victim", "migrant", "suspect", "individual", "inhabitant",
    "voter", "employee", "member", "soldier", "refugee", "casualty",
}  # fmt: skip
DYING = {"die", "kill", "perish"}
NUMBERED = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
_ACRONYM = re.compile(r"((?:[a-z][\w-]*\s+){1,5})\(([A-Z]{2,6})\)")


@dataclass
class Figure:
    value: float
    unit: str
    counts: str
    place: tuple[int, int]
    sentence: int
    qualifier: str = ""
    inferred: dict[str, str] = field(default_factory=dict)


def draft_figures(article: Article) -> list[Figure]:
    expansions = {m[2]: m[1].split()[-1] for m in _ACRONYM.finditer(article.text)}
    found = []
    for sentence in article.sentences:
        for entity in sentence.doc.ents:
            if entity.label_ in NUMBERED and not _not_a_figure(sentence, entity):
                figure = _figure(sentence, entity, expansions)
                if figure is not None:
                    found.append(figure)
        found += _multiplied(sentence)
    return found


def _not_a_figure(sentence: Sentence, entity: Any) -> bool:
    words = entity.text.lower()
    before = sentence.doc[max(0, entity.start - 1)].lower_ if entity.start else ""
    after = sentence.doc[entity.end].lower_ if entity.end < len(sentence.doc) else ""
    if _YEAR.match(entity.text) and entity.root.head.pos_ in {"ADP", "VERB"}:
        return True  # "in 2017", "since 1999"
    if "year-old" in after or before == "aged" or after in {"years-old"}:
        return True
    if before == "the" and entity.text.isalpha():
        return True  # "the two countries": who, not how many
    return (
        any(c.isdigit() for c in words) and entity.root.dep_ == "compound" and after[:1].isupper()
    )


def parse(words: list[str]) -> float | None:
    total, current, seen = 0.0, 0.0, False
    for word in words:
        word = word.lower().replace(",", "").rstrip("%")
        if re.fullmatch(r"\d+(\.\d+)?", word):
            current += float(word)
        elif word in SMALL:
            current += SMALL[word]
        elif word in FRACTIONS:
            current = (
                (current or 1) * FRACTIONS[word] if word == "dozen" else current + FRACTIONS[word]
            )
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


def _figure(sentence: Sentence, entity: Any, expansions: dict[str, str]) -> Figure | None:
    text = entity.text
    qualifier, rest = "", text
    for name, pattern in QUALIFIERS:
        match = re.match(rf"(?:{pattern})\s+", text, re.IGNORECASE)
        before = sentence.text[: entity.start_char].lower().split()
        if match:
            qualifier, rest = name, text[match.end() :]
        elif (
            before
            and re.fullmatch(pattern, " ".join(before[-2:]))
            or (before and re.fullmatch(pattern, before[-1]))
        ):
            qualifier = name
    value = parse(re.findall(r"[\w.,%]+", rest.replace("-", " ")))
    if value is None:
        return None
    value = int(value) if float(value).is_integer() else round(value, 6)
    unit, counts, last = _unit(sentence, entity, expansions)
    start, end = sentence.place(sentence.doc[entity.start], last)
    return Figure(value, unit, counts, (start, end), sentence.index, qualifier)


def _unit(sentence: Sentence, entity: Any, expansions: dict[str, str]) -> tuple[str, str, Any]:
    """The unit, what is counted, and the last token of the words to quote."""
    doc, last = sentence.doc, sentence.doc[entity.end - 1]
    after = doc[entity.end] if entity.end < len(doc) else None
    if (
        entity.label_ == "PERCENT"
        or "%" in entity.text
        or (after is not None and after.lower_ in {"percent", "per"})
    ):
        return "percent", _number_of(entity) or "TODO", last
    if entity.label_ == "MONEY":
        return _currency(entity.text), "TODO", last
    if after is not None and after.lower_ == "times":
        return "times", "TODO", after
    head = entity.root.head if entity.root.dep_ in {"nummod", "quantmod"} else None
    if head is None and after is not None and after.pos_ in {"NOUN", "PROPN"}:
        head = after
    if head is None or head.i < entity.start:
        counted = _number_of(entity)
        unit = "people" if counted and counted.split()[-1].rstrip("s") in PEOPLE else "TODO"
        return unit, counted or "TODO", last
    lemma = head.lemma_.lower()
    counts = " ".join(t.text for t in head.subtree if t.i >= entity.end and t.i <= head.i + 3)
    if lemma in PEOPLE or head.ent_type_ == "NORP":
        verb = head.head
        unit = "deaths" if verb.lemma_ in DYING else "people"
    else:
        unit = expansions.get(head.text, head.text.lower() if head.pos_ == "NOUN" else head.text)
    return unit, counts or head.text, head


def _number_of(entity: Any) -> str:
    """'the number of drug abusers ... rose to 2.55 million': what the number counts."""
    for token in entity.sent if hasattr(entity, "sent") else []:
        if token.lower_ == "number":
            of = next((c for c in token.children if c.lower_ == "of"), None)
            target = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
            if target is not None:
                return " ".join(t.text for t in target.subtree if t.i <= target.i)
    return ""


def _currency(text: str) -> str:
    for sign, unit in (("$", "US dollars"), ("€", "euros"), ("£", "pounds"), ("¥", "yuan")):
        if sign in text:
            return unit
    return text.split()[-1].lower()


def _multiplied(sentence: Sentence) -> list[Figure]:
    """'the number ... has quadrupled': four times."""
    found = []
    for token in sentence.doc:
        if token.pos_ == "VERB" and token.lemma_.lower() in MULTIPLY:
            subject = next((c for c in token.children if c.dep_.startswith("nsubj")), None)
            first = min(subject.subtree, key=lambda t: t.i) if subject is not None else token
            counts = " ".join(t.text for t in subject.subtree) if subject is not None else "TODO"
            place = sentence.place(first, token)
            found.append(
                Figure(MULTIPLY[token.lemma_.lower()], "times", counts, place, sentence.index)
            )
    return found
