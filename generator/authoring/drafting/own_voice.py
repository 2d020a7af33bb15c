"""The article's own voice: a sentence that credits no one else and judges rather than reports
(a hedge, or words that weigh what they describe), proposed as the publisher's claim."""

from __future__ import annotations

import re

from generator.authoring.drafting import dates
from generator.authoring.drafting.actors import Actor
from generator.authoring.drafting.article import Article, Sentence
from generator.authoring.drafting.claim import Claim

LEAD_IN_TOKENS = 10  # a sentence this short before an attribution introduces its speaker
# the article's own judgment: a hedge, or words that weigh what they describe
HEDGES = {
    "appear", "seem", "likely", "unlikely", "probably", "possibly", "perhaps", "apparently",
    "unclear", "uncertain", "question", "doubt", "suspect", "suspected", "allegedly",
}  # fmt: skip
EVALUATIVE = {
    "overwhelming", "increasingly", "growing", "shrinking", "mounting", "shaky", "cheap",
    "dramatic", "dramatically", "sharply", "severe", "serious", "crucial", "critical",
    "quadruple", "triple", "double", "soar", "surge", "plunge", "plummet", "skyrocket",
}  # fmt: skip
_DAY = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day|\b(?:yesterday|today|tonight)\b|\b\d{1,2}\b",
    re.IGNORECASE,
)


def own_voice(
    article: Article, claims: list[Claim], actions: set[int], publisher: str, published: str | None
) -> list[Claim]:
    """A statement in the article's own voice, crediting no one else and reporting no action
    (``actions``: the sentences that hold a measure): proposed as the publisher's claim."""
    covered = {c.sentence for c in claims} | {
        s.index for s in article.sentences for c in claims
        if any(a < s.end and s.start < b for a, b in c.quotes)
    }  # fmt: skip
    voice = Actor(publisher, publisher, "publication", True)
    added = []
    for sentence in article.sentences:
        if sentence.index in covered | actions or article.speech_in(sentence.start, sentence.end):
            continue
        if sentence.is_heading or len(sentence.doc) < 6:
            continue
        if _leads_in(article, sentence, covered) or not assesses(sentence):
            continue
        index = sentence.index
        claim = Claim(voice, "reported", [(sentence.start, sentence.end)], index)
        claim.inferred["speaker"] = "The article's own words: it credits no one else with them"
        claim.date, why = dates.article_date(published)
        if why:
            claim.inferred["date"] = why
        added.append(claim)
    return sorted(claims + added, key=lambda c: c.quotes[0])


def assesses(sentence: Sentence) -> bool:
    """Whether a sentence in the article's own voice judges rather than reports: it hedges
    ("may have started", "appears", "is likely", "raising questions"), or it weighs a state of
    things ("cheap", "the overwhelming majority", "has quadrupled") without the day of an event
    (a comparative alone does not: "the stakes are larger for the Faroes" describes) ("closed down 6.2% on Monday, their steepest fall" reports the day's event)."""
    words = {t.lower_ for t in sentence.doc} | {t.lemma_.lower() for t in sentence.doc}
    if words & HEDGES or any(t.tag_ == "MD" and t.lower_ in {"may", "might"} for t in sentence.doc):
        return True
    if any(e.label_ in {"DATE", "TIME"} and _DAY.search(e.text) for e in sentence.doc.ents):
        return False
    return bool(words & EVALUATIVE)


def _leads_in(article: Article, sentence: Sentence, attributed: set[int]) -> bool:
    """A short sentence before an attributed one in its paragraph ("Not everyone agrees.",
    "Business owners were less pleased."): the reporter introduces who speaks next."""
    after = sentence.index + 1
    return (
        len(sentence.doc) <= LEAD_IN_TOKENS
        and not any(t.like_num for t in sentence.doc)
        and after < len(article.sentences)
        and article.sentences[after].paragraph == sentence.paragraph
        and after in attributed
    )
