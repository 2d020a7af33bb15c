"""A drafted measure: its status, kind, who acts and who urges, and the words that report it
(the verb's or noun's clause)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.authoring.drafting.article import Sentence
from generator.input import marks

_OPENING = set(marks.OPENING)  # a token that opens a quotation


@dataclass
class Measure:
    status: str
    kind: str
    actors: list[str]
    place: tuple[int, int]
    sentence: int
    urged_by: list[str] = field(default_factory=list)
    inferred: dict[str, str] = field(default_factory=dict)
    events: list[tuple[str, tuple[int, int]]] = field(default_factory=list)
    note: str = ""


def made(
    sentence: Sentence, token: Any, status: str, kind: str, actor: str, urged_by: list[str]
) -> Measure:
    first, last = extent(token)
    place = sentence.place(first, last)
    measure = Measure(status, kind, [actor], place, sentence.index, [u for u in urged_by if u])
    if actor == "TODO":
        measure.note = "who acts?"
    return measure


def extent(verb: Any) -> tuple[Any, Any]:
    """The first and last words of the verb's clause, without the clauses joined to it
    ("raises rates, and delays the repaving": each its own measure)."""
    joined = {
        t.i
        for child in verb.children
        if child.dep_ in {"conj", "ccomp", "parataxis"} and child.pos_ in {"VERB", "AUX"}
        for t in child.subtree
    }
    own = {t.i for t in verb.subtree} - joined
    first = last = verb.i
    while first - 1 in own:
        first -= 1
    while last + 1 in own:
        last += 1
    doc = verb.doc
    while last > verb.i and (doc[last].is_punct or doc[last].dep_ == "cc"):
        last -= 1
    opening = [i for i in range(first, verb.i) if doc[i].text in _OPENING]
    if opening:
        first = opening[-1] + 1  # 'Springfield — "The bridge opens': the words quoted
    while first < verb.i and doc[first].is_punct:
        first += 1
    return doc[first], doc[last]
