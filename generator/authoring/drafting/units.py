"""What a number counts: its unit from the noun it counts ("2,400 workers", "four branch
libraries", "30 miles"), a currency from its sign ("$4.2 million" dollars, "€" euros), percent
from "%", "percent" or "per cent", deaths from a verb of dying, and a noun left out after a
number ("1.5 million containers, up from 900,000") from the figure before it."""

from __future__ import annotations

from typing import Any

from generator.authoring.drafting.article import Sentence

PEOPLE = {
    "people", "person", "user", "abuser", "addict", "resident", "worker", "citizen", "patient",
    "child", "adult", "student", "victim", "migrant", "suspect", "individual", "inhabitant",
    "voter", "employee", "member", "soldier", "refugee", "casualty",
}  # fmt: skip
DYING = {"die", "kill", "perish"}
CURRENCIES = (
    ("US$", "US dollars"), ("$", "dollars"), ("€", "euros"), ("£", "pounds"), ("¥", "yen"),
    ("₹", "rupees"), ("₩", "won"),
)  # fmt: skip
SCALE_WORDS = {"thousand", "million", "billion", "trillion"}
TIME_NOUNS = {"year", "month", "week", "day", "hour", "decade", "minute", "second", "season"}


def unit_of(
    sentence: Sentence, entity: Any, expansions: dict[str, str], before: str | None
) -> tuple[str, str, Any]:
    """The unit, what is counted, and the last token of the words to quote. ``before`` is the
    unit of the figure before it in the sentence, if any."""
    doc, last = sentence.doc, sentence.doc[entity.end - 1]
    after = doc[entity.end] if entity.end < len(doc) else None
    if (
        entity.label_ == "PERCENT"
        or "%" in entity.text
        or entity.text.lower().endswith(("percent", "per cent"))
        or (after is not None and after.lower_ == "percent")
        or (after is not None and after.lower_ == "per" and _next(after).lower_ == "cent")
    ):
        return "percent", number_of(entity) or "TODO", last
    if entity.label_ == "MONEY" or _sign_before(sentence, entity):
        unit = currency(sentence.text[max(0, entity.start_char - 3) : entity.end_char])
        if unit.lower() in SCALE_WORDS and after is not None:  # "15 million Norwegian kroner"
            words = [t for t in doc[after.i : after.i + 3] if t.pos_ in {"ADJ", "PROPN", "NOUN"}]
            noun = next((i for i, t in enumerate(words) if t.pos_ == "NOUN"), None)
            if noun is not None:
                return " ".join(t.text for t in words[: noun + 1]), "TODO", words[noun]
        return unit, "TODO", last
    if after is not None and after.lower_ == "times":
        return "times", "TODO", after
    if entity.label_ == "QUANTITY" and " per " in f" {entity.text} ":
        words = entity.text.split()
        at = max(i for i, w in enumerate(words) if any(c.isdigit() for c in w))
        return " ".join(words[at + 1 :]), "TODO", last  # "41 km per hour"
    if entity.label_ == "QUANTITY" and last.pos_ == "NOUN":
        if after is not None and after.lower_ == "per" and _next(after).pos_ == "NOUN":
            rate = f"{last.text} per {_next(after).text}"  # "120 km" "per hour"
            return rate.lower(), "TODO", _next(after)
        return last.text.lower(), last.text, last  # "30 miles"
    if after is not None and after.lower_ == "of" and last.like_num:
        target = next((c for c in after.children if c.dep_ == "pobj"), None)
        if target is not None and target.pos_ == "NOUN" and target.tag_ == "NNS":
            return target.text.lower(), target.text, last  # "at least nine of the countries"
    head = entity.root.head if entity.root.dep_ in {"nummod", "quantmod"} else None
    if head is None and after is not None and after.pos_ in {"NOUN", "PROPN"}:
        head = after
    if head is not None and head.pos_ == "NOUN" and _hyphened(entity, head):
        return _plural(head), head.text, head  # "a 32,000-seat stadium", "an 84-page complaint"
    while head is not None and head.lemma_ != "point" and head.dep_ == "compound":
        if head.head.i < head.i:
            break
        head = head.head  # "four branch libraries": libraries
    if head is not None and head.lemma_ == "point":  # "50 basis points", "a 25 basis point rise"
        kind = [t.lower_ for t in head.children if t.dep_ == "compound" and t.pos_ == "NOUN"]
        return " ".join([*kind, "points"]), "TODO", head
    if head is not None and (head.ent_type_ in {"DATE", "TIME"} or head.i < entity.start):
        head = None  # "900,000 last year": a date, not what is counted
    if head is None:
        counted = number_of(entity)
        if counted:
            noun = counted.split()[-1]
            return ("people" if noun.rstrip("s") in PEOPLE else noun.lower()), counted, last
        return before or "TODO", "TODO", last
    return _counted(head, entity, expansions)


def _counted(head: Any, entity: Any, expansions: dict[str, str]) -> tuple[str, str, Any]:
    lemma = head.lemma_.lower()
    counts = " ".join(t.text for t in head.subtree if t.i >= entity.end and t.i <= head.i + 3)
    if lemma in PEOPLE or head.ent_type_ == "NORP":
        if head.head.lemma_ in DYING:
            return "deaths", counts or head.text, head
        return ("people" if lemma in {"people", "person"} else head.text.lower()), counts, head
    unit = expansions.get(head.text, head.text.lower() if head.pos_ == "NOUN" else head.text)
    return unit, counts or head.text, head


def _hyphened(entity: Any, noun: Any) -> bool:
    doc = entity.doc
    return noun.i == entity.end + 1 and doc[entity.end].text in {"-", "–"}


def _plural(noun: Any) -> str:
    word = noun.lemma_.lower()
    return word if word.endswith("s") else word + "s"


def _next(token: Any) -> Any:
    return token.doc[token.i + 1] if token.i + 1 < len(token.doc) else token


def number_of(entity: Any) -> str:
    """'the number of drug abusers ... rose to 2.55 million': what the number counts."""
    for token in entity.sent if hasattr(entity, "sent") else []:
        if token.lower_ == "number":
            of = next((c for c in token.children if c.lower_ == "of"), None)
            target = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
            if target is not None:
                return " ".join(t.text for t in target.subtree if t.i <= target.i)
    return ""


def currency(text: str) -> str:
    """The currency a sign or its words name: '$' is dollars (which country's, the text may not
    say), 'US$' US dollars, '40 million Swiss francs' Swiss francs."""
    for sign, unit in CURRENCIES:
        if sign in text:
            return unit
    words = text.split()
    at = max((i for i, w in enumerate(words) if any(c.isdigit() for c in w) or w in SCALE_WORDS),
             default=len(words) - 1)  # fmt: skip
    return " ".join(words[at + 1 :]) or words[-1].lower()


def _sign_before(sentence: Sentence, entity: Any) -> bool:
    """'€25 an hour', where the parser took the number alone."""
    before = sentence.text[max(0, entity.start_char - 3) : entity.start_char]
    return any(sign in before for sign, _ in CURRENCIES)


def duration(words: str) -> str | None:
    """'25 years', 'eighteen months', 'a three-day stoppage': the time noun a length of time is
    counted in."""
    parts = words.lower().replace("-", " ").split()
    if len(parts) >= 2 and parts[-1].rstrip("s") in TIME_NOUNS and "old" not in parts:
        return parts[-1] if parts[-1].endswith("s") else parts[-1] + "s"
    return None  # ("three-day" is 3 days; "45-year-old" an age)
