"""Measures named by a noun ("a hiring freeze, in place since January", "the ban on ...") and
the items of a list of demands ("The union listed its demands: a guarantee of ..., ...")."""

from __future__ import annotations

import re
from typing import Any

from generator.authoring.drafting.article import Sentence
from generator.authoring.drafting.measure import Measure, made
from generator.authoring.drafting.measure_actors import Actors

# a measure named by a noun ("a hiring freeze, in place since January"; "a ban on ...")
MEASURE_NOUNS = {"freeze", "ban", "moratorium", "embargo", "curfew", "lockdown", "tariff",
                 "sanctions", "quota", "cap", "levy", "subsidy", "pledge", "recall",
                 "evacuation", "helpline", "lawsuit", "audit", "inquiry"}  # fmt: skip
DEMANDS = {"demand", "call", "condition", "request", "proposal", "recommendation", "ask"}
IN_FORCE = ("in place", "in effect", "in force", "since")
_ITEMS = re.compile(r",\s*(?:and|or)\s+|;\s*(?:and|or)?\s*|,\s+")


def named_measure(sentence: Sentence, token: Any) -> Measure | None:
    """A measure a noun names: 'a hiring freeze, in place since January', 'the ban on ...',
    and any noun said to be in force or to have begun ('a parking scheme already in force',
    'site work, which began last week')."""
    if token.pos_ != "NOUN":
        return None
    if _in_force(token):
        return made(sentence, token, "in-effect", "other", "TODO", [])
    if token.lemma_.lower() not in MEASURE_NOUNS:
        return None
    status = "in-effect" if any(w in sentence.text for w in IN_FORCE) else "announced"
    return made(sentence, token, status, "other", "TODO", [])


def _in_force(noun: Any) -> bool:
    after = " ".join(t.lower_ for t in noun.doc[noun.i + 1 : noun.i + 4])
    if re.match(r"(?:already |now )?in (?:force|effect)\b", after):
        return True
    return any(  # "site work, which began last week", not "whose equipment started the fire"
        c.dep_ == "relcl"
        and c.lemma_ in {"begin", "start"}
        and any(d.dep_ == "nsubj" and d.lower_ in {"which", "that"} for d in c.children)
        and not any(d.dep_ == "dobj" for d in c.children)
        for c in noun.children
    )


def listed_demands(sentence: Sentence, actors: Actors) -> list[Measure]:
    """'The union listed its demands: a guarantee of ..., a seat on ..., and a study of ...':
    each item is a measure urged by the one who demands it."""
    colon = sentence.text.find(":")
    if colon < 0 or not any(
        t.lemma_.lower() in DEMANDS and t.pos_ == "NOUN" and t.idx < colon for t in sentence.doc
    ):
        return []
    owner = next((t for t in sentence.doc if t.dep_ == "nsubj" and t.idx < colon), None)
    urged_by = [actors.id_of(owner)] if owner is not None else []
    if actors.speaker is not None and urged_by in ([], ["TODO"]):
        urged_by = [actors.speaker.id]
    found, at = [], colon + 1
    rest = sentence.text[at:].rstrip(' ."”')
    for item in [*_ITEMS.split(rest)]:
        start = sentence.text.find(item, at)
        if len(item.split()) >= 2 and start >= 0:
            place = (sentence.start + start, sentence.start + start + len(item))
            found.append(Measure("urged", "other", ["TODO"], place, sentence.index, urged_by))
            found[-1].note = "who is to act?"
            at = start + len(item)
    return found


def overlap(one: Measure, other: Measure) -> bool:
    return one.place[0] < other.place[1] and other.place[0] < one.place[1]
