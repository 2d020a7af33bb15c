"""Figures: numbers the article states, with scale words ("1.4 billion", "half a million",
"three"), their qualifier, the unit from the counted noun and who states them. Dates, times,
ordinals, years and ages are never figures."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from generator.authoring.drafting.article import Article, Sentence
from generator.authoring.drafting.numbers import SCALES, parse, share_word, unlabelled, words
from generator.authoring.drafting.units import duration, unit_of
from generator.input import marks, numerals

MULTIPLY = {"double": 2, "triple": 3, "quadruple": 4, "halve": 0.5, "treble": 3}
QUALIFIERS = [
    ("more-than", r"more than|over|above|upwards of|in excess of|exceeding"),
    ("at-least", r"at least|no fewer than|no less than"),
    ("nearly", r"nearly|almost|close to|just under|just shy of"),
    ("about", r"about|around|approximately|roughly|some|an estimated|estimated|about|circa"),
]
NUMBERED = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
TIMES = {"DATE", "TIME"}  # a length of time in them is a figure: "for 25 years", "two hours"
# "within a week", "for a year": one of the time nouns
_ONE_SPAN = re.compile(r"^(?:a|an|one)\s+(?:year|month|week|day|hour|decade|minute)$", re.I)
LASTING = {"for", "within", "in", "over", "under", "by"}  # "delay it by a year"
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
_ACRONYM = re.compile(r"((?:[a-z][\w-]*\s+){1,5})\(([A-Z]{2,6})\)")
# "$2 to $3", "5-7 million", "between 30 million and 40 million Swiss francs"
_RANGE = re.compile(
    r"^(.*?\d\S*(?:\s+(?:thousand|million|billion|trillion))?)\s*(?:to|and|-|–)\s*(\S*\d.*)$"
)
_SCALE = re.compile(r"\b(thousand|million|billion|trillion)\b")
_COUNTS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
           "eleven", "twelve"]  # fmt: skip
_SIDE = rf"(\d{{1,3}}|{'|'.join(_COUNTS)})"
_TALLY = re.compile(rf"\b{_SIDE}(?:-| to ){_SIDE}\b")  # "voted 5-4", "voted seven to four"
VOTING = {"vote", "ruling", "decision", "verdict", "margin", "tally"}
_CALENDAR = re.compile(r"\s*[年月日号號时時点點]")  # after a number: a date or a time
_PERCENT = re.compile(r"\s?[%％]")
_COUNTED = re.compile(rf"(?:{marks.IDEOGRAPH.pattern}){{1,4}}")  # "公斤毒品": the words counted


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
        if sentence.is_heading:
            continue
        tallies = _tallies(sentence)
        own: list[Figure] = []
        entities = [*sentence.doc.ents, *unlabelled(sentence.doc)]
        for entity in map(share_word, _whole_numbers(sentence, entities, article.language)):
            if any(f.place[0] <= sentence.place(entity[0])[0] < f.place[1] for f in tallies):
                continue
            if _is_figure(sentence, entity):
                own += _as_figures(sentence, entity, expansions, own, article.language)
        own += _among_ideographs(sentence, own, article.language)
        found += sorted(own + tallies, key=lambda f: f.place) + _multiplied(sentence)
    return found


def _whole_numbers(sentence: Sentence, entities: list[Any], language: str | None) -> list[Any]:
    """The entities, each widened to the whole of the numbers it touches: the parser cuts a
    number whose digits a no-break space groups ("1 200") into two. An entity within another,
    once widened, is left out."""
    numbers = [(n.start, n.end) for n in numerals.numbers_in(sentence.text, language)]
    widened = []
    for entity in entities:
        start, end = entity.start_char, entity.end_char
        for a, b in numbers:
            if a < end and start < b:
                start, end = min(start, a), max(end, b)
        if (start, end) != (entity.start_char, entity.end_char):
            whole = sentence.doc.char_span(start, end, entity.label_, alignment_mode="expand")
            entity = whole if whole is not None else entity
        widened.append(entity)
    return [
        entity
        for i, entity in enumerate(widened)
        if not any(_holds(other, entity, j < i) for j, other in enumerate(widened) if j != i)
    ]


def _holds(other: Any, entity: Any, earlier: bool) -> bool:
    """Whether ``other`` holds all of ``entity``: more of the text, or as much and before it."""
    inside = other.start_char <= entity.start_char and entity.end_char <= other.end_char
    same = (other.start_char, other.end_char) == (entity.start_char, entity.end_char)
    return inside and (earlier or not same)


def _as_figures(
    sentence: Sentence,
    entity: Any,
    expansions: dict[str, str],
    before: list[Figure],
    language: str | None,
) -> list[Figure]:
    """One figure, or two for a range ("from $2 to $3": 2 dollars and 3 dollars)."""
    match = _RANGE.match(entity.text)
    if match is None or entity.label_ in TIMES:
        figure = _figure(sentence, entity, expansions, before, language)
        return [figure] if figure is not None else []
    figures = []
    for group in (1, 2):
        part = sentence.doc.char_span(
            entity.start_char + match.start(group), entity.start_char + match.end(group),
            alignment_mode="expand", label=entity.label_,
        )  # fmt: skip
        figure = _figure(sentence, part, expansions, before + figures, language) if part else None
        if figure is not None:
            figures.append(figure)
    whole = _figure(sentence, entity, expansions, before, language)
    scale = _SCALE.search(match[2])
    if len(figures) == 2 and whole is not None:
        if scale and not _SCALE.search(match[1]):  # "between 30 and 40 million": 30 million
            figures[0].value = figures[0].value * SCALES[scale[1]]
        for figure in figures:  # the unit the range names once, at its end
            figure.unit = whole.unit if whole.unit != "TODO" else figure.unit
    return figures


def _tallies(sentence: Sentence) -> list[Figure]:
    """'voted 5-4', 'a 7-2 vote': a vote's two sides, each a number of votes."""
    found = []
    for match in _TALLY.finditer(sentence.text):
        near = sentence.doc.char_span(match.start(), match.end(), alignment_mode="expand")
        window = sentence.doc[max(0, near.start - 3) : near.end + 2] if near else []
        if not any(t.lemma_.lower() in VOTING for t in window):
            continue
        for group in (1, 2):
            place = (sentence.start + match.start(group), sentence.start + match.end(group))
            side = match[group]
            value = int(side) if side.isdigit() else _COUNTS.index(side) + 1
            found.append(Figure(value, "votes", "TODO", place, sentence.index))
    return found


def _is_figure(sentence: Sentence, entity: Any) -> bool:
    """A number with its scale words, or a length of time ("for 25 years"); never a date."""
    if entity.label_ in TIMES:  # "within two hours", not "6:40 p.m."
        return duration(entity.text) is not None
    return entity.label_ in NUMBERED and not _not_a_figure(sentence, entity)


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
    previous = sentence.doc[entity.start - 1] if entity.start else None
    if (
        previous is not None
        and previous.pos_ == "PROPN"
        and previous.text[:1].isupper()
        and entity.text.isdigit()
        and entity.root.i in {previous.head.i, previous.i + 1}
    ):
        return True  # "Local 17", "Route 66": part of a name
    return (
        any(c.isdigit() for c in words) and entity.root.dep_ == "compound" and after[:1].isupper()
    )


def _figure(
    sentence: Sentence,
    entity: Any,
    expansions: dict[str, str],
    earlier: list[Figure],
    language: str | None,
) -> Figure | None:
    """The figure an entity states, its digits read the ``language``'s way."""
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
    value = parse(words(rest, language), language)
    before = sentence.doc[entity.start - 1].lower_ if entity.start else ""
    if value is None and entity.label_ in TIMES and _ONE_SPAN.match(text) and before in LASTING:
        value = 1
    if value is None:
        return None
    if _share(sentence, entity):  # "nearly half of the lectures": 50 percent of them
        value, last = round(value * 100, 1), sentence.doc[entity.end - 1]
        start, end = sentence.place(sentence.doc[entity.start], last)
        counted = _of_noun(sentence, entity)
        return Figure(value, "percent", counted or "TODO", (start, end), sentence.index, qualifier)
    value = int(value) if float(value).is_integer() else round(value, 6)
    if entity.label_ in TIMES:
        unit, counts, last = duration(entity.text) or "TODO", "TODO", sentence.doc[entity.end - 1]
    else:
        known = next((f.unit for f in reversed(earlier) if f.unit != "TODO"), None)
        unit, counts, last = unit_of(sentence, entity, expansions, known)
    start, end = sentence.place(sentence.doc[entity.start], last)
    return Figure(value, unit, counts, (start, end), sentence.index, qualifier)


def _share(sentence: Sentence, entity: Any) -> bool:
    """A fraction of something ('half of the lectures', 'a third of the posts')."""
    words = {w.lower() for w in entity.text.split()}
    after = sentence.doc[entity.end] if entity.end < len(sentence.doc) else None
    shares = {"half", "third", "thirds", "quarter", "quarters"}
    before = sentence.doc[entity.start - 1].lower_ if entity.start else ""
    return (
        bool(words & shares)
        and not words & set(SCALES)
        and ((after is not None and after.lower_ == "of") or before == "by")
    )  # "a third of our colleagues", "exceed the advice by about a third"


def _of_noun(sentence: Sentence, entity: Any) -> str:
    after = sentence.doc[entity.end] if entity.end < len(sentence.doc) else None
    target = next((c for c in after.children if c.dep_ == "pobj"), None) if after else None
    return target.text if target is not None else ""


def in_aside(sentence: Sentence, place: tuple[int, int]) -> bool:
    """Whether the words at ``place`` stand in a clause set off by a comma ("The union, which
    represents some 2,400 workers, said") or in parentheses: the reporter's description, not
    the speaker's words."""
    words = sentence.doc.char_span(
        place[0] - sentence.start, place[1] - sentence.start, alignment_mode="expand"
    )
    before = sentence.text[: place[0] - sentence.start]
    if before.count("(") > before.count(")"):
        return True  # "40 million Swiss francs ($50 million)": the reporter's conversion
    token = words.root if words is not None and len(words) else None
    while token is not None and token.head.i != token.i:
        if token.dep_ == "relcl":
            first = min(token.subtree, key=lambda t: t.i)
            return first.i > 0 and sentence.doc[first.i - 1].text == ","
        token = token.head
    return False


def _among_ideographs(
    sentence: Sentence, found: list[Figure], language: str | None
) -> list[Figure]:
    """Numbers in Chinese or Japanese writing ("两千公斤", "1.4亿元"), which the parser, reading
    English, leaves out: each with the words after it (what it counts), its unit left to the
    reviewer but percent. A year, a month, a day or an hour (2023年, 3月) and an ordinal (第三)
    are not figures."""
    text, added = sentence.text, []
    for number in numerals.numbers_in(text, language):
        start, end = sentence.start + number.start, sentence.start + number.end
        before, after = text[number.start - 1 : number.start], text[number.end :]
        written = text[number.start : number.end]
        if not (marks.IDEOGRAPH.search(before + written + after[:1])) or before == "第":
            continue
        if _CALENDAR.match(after) or any(f.place[0] < end and start < f.place[1] for f in found):
            continue
        percent = _PERCENT.match(after)
        counted = percent or _COUNTED.match(after)
        place = (start, end + (counted.end() if counted else 0))
        unit = "percent" if percent else "TODO"
        added.append(Figure(number.value, unit, "TODO", place, sentence.index))
    return added


def _multiplied(sentence: Sentence) -> list[Figure]:
    """'the number ... has quadrupled': four times; 'called my bank twice': two."""
    found = []
    for token in sentence.doc:
        if token.lower_ in {"twice", "thrice"}:
            place = sentence.place(token)
            value = 2 if token.lower_ == "twice" else 3
            found.append(Figure(value, "times", "TODO", place, sentence.index))
        if token.pos_ == "VERB" and token.lemma_.lower() in MULTIPLY:
            subject = next((c for c in token.children if c.dep_.startswith("nsubj")), None)
            first = min(subject.subtree, key=lambda t: t.i) if subject is not None else token
            counts = " ".join(t.text for t in subject.subtree) if subject is not None else "TODO"
            place = sentence.place(first, token)
            found.append(
                Figure(MULTIPLY[token.lemma_.lower()], "times", counts, place, sentence.index)
            )
    return found
