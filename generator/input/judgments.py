"""What a key judgment must be: one sentence, ended as its language ends one, that says its
likelihood in the words of the briefing's likelihood scale (ICD 203's, or our translation of it:
``input.likelihood``), with its confidence kept out of it; and one row of that scale for the
whole briefing.

The schema checks the fields are there; these checks read them against the briefing's scale
and the sentence against them, which a schema cannot. A judgment's ``alternatives`` and
``indicators`` are left alone: they are the other readings weighed and the signs to watch, not
judgments, so they owe no likelihood word.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from generator.input.likelihood import NAMES, OWN_SCALE, SCALES
from generator.input.marks import CLOSING, FULL_WIDTH_STOPS, SPACED_STOPS
from generator.input.raw import Raw
from generator.model.language import Language
from generator.problems import Problem, did_you_mean

# Small and capital letters of the Latin scripts (French's accented ones too), as a sentence
# ending inside the text is told: after a word of two or more small letters or digits (not
# 'U.S.' or 'Mr.'), a capital or a quotation opening the next one. French sets a space before
# '!' and '?', and inside its quotation marks.
_SMALL, _CAPITAL = "a-zß-öø-ÿœæ0-9", "A-ZÀ-ÖØ-ÞŒÆ0-9"
_LATIN_END = re.compile(
    rf"(?<=[{_SMALL}]{{2}})(?:\.|\s?[!?])(?:\s?[\"”’)»])*\s+(?=[\"“‘(«]?\s?[{_CAPITAL}])"
)
# Chinese: a full stop, exclamation or question mark (and the quotation it closes) with more
# text after it, which needs no space
_CHINESE_END = re.compile(rf"[{FULL_WIDTH_STOPS}][{re.escape(CLOSING)}’）)]*(?=.)")


@dataclass(frozen=True)
class _Sentences:
    """How a language ends a sentence: the marks that may end the judgment, and one ending
    inside it."""

    ends: tuple[str, ...]
    inner: re.Pattern[str]
    hint: str


# How English, French and any language not in SENTENCES ends a sentence; and those that do
# otherwise, by code
_LATIN = _Sentences(
    tuple(SPACED_STOPS), _LATIN_END, "keep the judgment to one sentence; the reasons go in `basis`"
)
SENTENCES = {
    "zh": _Sentences(
        tuple(FULL_WIDTH_STOPS),
        _CHINESE_END,
        "keep the judgment to one sentence, ending with 。; the reasons go in `basis`",
    )
}


def check(raw: Raw, language: Language) -> list[Problem]:
    """A problem for each way the judgment's sentence disagrees with its fields, or its
    likelihood with the briefing's scale (``language``)."""
    sentence, likelihood = raw.data.get("judgment"), raw.data.get("likelihood")
    if not isinstance(sentence, str) or not isinstance(likelihood, str):
        return []  # the schema has reported it
    at, problems = raw.locate("judgment"), []
    reading = _reading(language)

    def problem(message: str, hint: str) -> None:
        problems.append(Problem(at, message, hint))

    text = " ".join(sentence.split())
    sentences = SENTENCES.get(language.code, _LATIN)
    if sentences.inner.search(text) or not text.endswith(sentences.ends):
        problem("a key judgment is one sentence, ending with a full stop", sentences.hint)
    if language.likelihood and likelihood not in reading.terms:
        problems.append(_off_the_scale(raw, likelihood, language))
    elif language.likelihood:
        said = [reading.terms[int(m.lastgroup[1:])] for m in reading.likelihood.finditer(text)]
        if likelihood not in said:
            example = (
                f' ("... will {likelihood} ...", "It is {likelihood} that ...")'
                if language.code == "en"
                else ""
            )
            problem(
                f"the judgment does not say its likelihood, '{likelihood}'",
                f"say it in the sentence{example}, so that the reader reads the judgment with its "
                "odds",
            )
        for other in dict.fromkeys(t for t in said if t != likelihood):
            problem(
                f"the judgment says '{other}', but its likelihood is '{likelihood}'",
                f"use one likelihood: set likelihood: {other}, or reword the sentence",
            )
    if reading.confidence.search(text):
        problem(
            "the judgment speaks of confidence",
            "give it in `confidence` (low, moderate, high) and its reason in `basis`: ICD 203 "
            "keeps likelihood and confidence in separate sentences",
        )
    return problems


def mixed_rows(judgments: list[Raw], language: Language) -> list[Problem]:
    """A problem for each judgment whose likelihood comes from the other row of the scale than
    the briefing's first judgment."""
    placed = [
        (raw, row, row.index(word))
        for raw in judgments
        if isinstance(word := raw.data.get("likelihood"), str)
        for row in language.likelihood
        if word in row
    ]
    if not placed:
        return []
    first, first_row, _ = placed[0]
    return [
        Problem(
            raw.locate("likelihood"),
            f"'{raw.data['likelihood']}' is from the other row of the likelihood scale than "
            f"'{first.data['likelihood']}' (judgment '{first.data['id']}')",
            f"a briefing uses one row, never both: write '{first_row[position]}'",
        )
        for raw, row, position in placed
        if row is not first_row
    ]


def _off_the_scale(raw: Raw, word: str, language: Language) -> Problem:
    """The likelihood is no word of the briefing's scale: the closest ones, or the same step's
    word when it is another language's (ICD 203's English in a French briefing)."""
    if language.own:
        scale = f"{OWN_SCALE} in seeds/briefing.yaml"
    elif language.code == "en":
        scale = "ICD 203's"
    else:
        scale = f"ICD 203's, in our {NAMES[language.code]} translation"
    hint = did_you_mean(word, _reading(language).terms)
    for code, rows in SCALES.items():
        for number, row in enumerate(rows):
            if word in row and not hint:
                mine = language.likelihood[min(number, len(language.likelihood) - 1)]
                hint = f"'{word}' is the {NAMES[code]} of '{mine[row.index(word)]}': write that"
    first = language.likelihood[0]
    hint = hint or f"write one of, from least to most likely: {', '.join(first)}"
    message = f"the likelihood '{word}' is not a word of the briefing's scale ({scale})"
    return Problem(raw.locate("likelihood"), message, hint)


@dataclass(frozen=True)
class _Reading:
    """A language's words as a sentence is searched for them: the scale's terms, longest first
    (so that 'very likely' is read as itself and not as 'likely'), and the patterns finding them
    (group ``t<n>`` is ``terms[n]``) and the words of confidence."""

    terms: tuple[str, ...]
    likelihood: re.Pattern[str]
    confidence: re.Pattern[str]


@cache
def _reading(language: Language) -> _Reading:
    terms = tuple(sorted((t for row in language.likelihood for t in row), key=len, reverse=True))
    said = [f"(?P<t{i}>{_said(term, language.code)})" for i, term in enumerate(terms)]
    confidence = "|".join(_said(word, language.code) for word in language.confidence)
    never = "(?!)"  # no words: nothing is found
    return _Reading(
        terms, re.compile("|".join(said) or never, re.I), re.compile(confidence or never, re.I)
    )


def _said(term: str, code: str) -> str:
    """The term as a sentence may say it: its words apart by spaces or hyphens, English's
    'almost certainly' and 'probably', French's 'certaine' and 'certainement'. A word is
    whole (not 'likely' in 'unlikely') except in the scripts written without spaces."""
    words = [_french(word) if code == "fr" else re.escape(word) for word in term.split()]
    said = r"[\s-]+".join(words)
    if code == "en":
        said = said.replace("certain", "certain(?:ly)?").replace("probable", "probabl[ey]")
    start = "" if _unspaced(term[0]) else r"\b"
    end = "" if _unspaced(term[-1]) else r"\b"
    return f"{start}{said}{end}"


def _french(word: str) -> str:
    """A French word with the endings of its feminine, plural and adverb: certain, certaine,
    certains, certainement; probable, probables, probablement."""
    stem = word.removesuffix("s").removesuffix("e")
    return re.escape(stem) + "(?:e|es|s|ement|ment)?"


def _unspaced(character: str) -> bool:
    """A character of the scripts that do not set words apart (Chinese, Japanese), whose
    words a sentence runs together."""
    return unicodedata.east_asian_width(character) in ("W", "F")
