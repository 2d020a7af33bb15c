"""The words of ICD 203's likelihood scale, and of confidence, in each language a briefing may
be written in; and the briefing's language as its checks read it (``language_of``).

ICD 203, the US intelligence community's analytic standards, gives its scale in English. The
French and Chinese words below are OUR translation of it, not an official one. Each language
keeps the scale's two rows and their seven steps, and its words are chosen so that a sentence
says one step unmistakably: the two rows share no word, and where a step's words hold another
step's (French "peu vraisemblable" holds "vraisemblable"), the longer one is read first.
Chinese words are matched as written; French ones with their inflections (certaine,
certainement), English ones as ICD 203 adds them (almost certainly, probably).

A briefing in another language, or whose analyst prefers other words, gives its own in
seeds/briefing.yaml: ``likelihood_words`` (one or two rows of seven, least likely first) and
``confidence_words``.
"""

from __future__ import annotations

from typing import Any

from generator.input.loading import Document
from generator.input.raw import as_dict
from generator.model.language import Language
from generator.problems import Problem

LANGUAGES = ("en", "fr", "zh")  # the columns below: ICD 203's English, and our translations
NAMES = {"en": "English", "fr": "French", "zh": "Chinese"}
DEFAULT = "en"  # a briefing's language when seeds/briefing.yaml gives none

# ICD 203's first row, from least to most likely: 1-5%, 5-20%, 20-45%, 45-55%, 55-80%, 80-95%
# and 95-99%; each step's words in each of LANGUAGES
FIRST_ROW = (
    ("almost no chance", "presque aucune chance", "几乎没有可能"),
    ("very unlikely", "très peu vraisemblable", "可能性很小"),
    ("unlikely", "peu vraisemblable", "可能性较小"),
    ("roughly even chance", "à peu près une chance sur deux", "可能性大致各半"),
    ("likely", "vraisemblable", "可能性较大"),
    ("very likely", "très vraisemblable", "可能性很大"),
    ("almost certain", "presque certain", "几乎肯定"),
)
# ICD 203's other row, the same steps in other words: a briefing uses one row, never both
OTHER_ROW = (
    ("remote", "infime", "微乎其微"),
    ("highly improbable", "hautement improbable", "概率很低"),
    ("improbable", "improbable", "概率较低"),
    ("roughly even odds", "environ une chance sur deux", "概率大致各半"),
    ("probable", "probable", "概率较高"),
    ("highly probable", "hautement probable", "概率很高"),
    ("nearly certain", "quasi certain", "近乎确定"),
)
SCALES = {
    code: tuple(tuple(step[column] for step in row) for row in (FIRST_ROW, OTHER_ROW))
    for column, code in enumerate(LANGUAGES)
}
# Words that speak of confidence, which a judgment's sentence leaves to its `confidence` field
CONFIDENCE = {
    "en": ("confidence", "confident"),
    "fr": ("confiance", "confiant"),
    "zh": ("置信", "信心"),
}
OWN_SCALE, OWN_CONFIDENCE = "likelihood_words", "confidence_words"  # keys of briefing.yaml
STEPS = len(FIRST_ROW)


def language_of(overview: Document | None) -> tuple[Language, list[Problem]]:
    """The briefing's language as seeds/briefing.yaml (``overview``) gives it, with its own
    likelihood and confidence words where it gives them, and the problems of its own table that
    its schema cannot find. A value of the wrong shape, which the schema reports, is read as
    not given; an own table of the wrong shape leaves the likelihood unchecked (no scale)."""
    data = as_dict(overview.data if overview else None)
    code = data.get("language")
    code = code if code in LANGUAGES else DEFAULT
    confidence = data.get(OWN_CONFIDENCE)
    if not _words(confidence):
        confidence = CONFIDENCE[code]
    rows = data.get(OWN_SCALE)
    if rows is None:
        return Language(code, SCALES[code], tuple(confidence)), []
    if not isinstance(rows, list) or not 1 <= len(rows) <= 2:
        return Language(code, (), tuple(confidence), own=True), []
    if not all(_words(row) and len(row) == STEPS for row in rows):
        return Language(code, (), tuple(confidence), own=True), []
    assert overview is not None  # rows were read from it
    problems = _in_both_rows(overview, rows)
    scale = () if problems else tuple(tuple(row) for row in rows)
    return Language(code, scale, tuple(confidence), own=True), problems


def _words(value: Any) -> bool:
    """A list of distinct words, each holding more than blanks."""
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(word, str) and word.strip() for word in value)
        and len(set(value)) == len(value)
    )


def _in_both_rows(overview: Document, rows: list[list[str]]) -> list[Problem]:
    """A problem for each word of the second row that the first holds too: the likelihood it
    names would be of both rows, and either step."""
    if len(rows) < 2:
        return []
    return [
        Problem(
            overview.locate((OWN_SCALE, 1, index)),
            f"'{word}' is in both rows of {OWN_SCALE} (step {rows[0].index(word) + 1} of the "
            f"first, step {index + 1} of the second)",
            "the rows are two ways of saying the scale, never mixed: give each step of the "
            "second row words of its own",
        )
        for index, word in enumerate(rows[1])
        if word in rows[0]
    ]
