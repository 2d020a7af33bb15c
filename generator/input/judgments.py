"""What a key judgment must be: one sentence that says its likelihood in the words of the ICD 203
scale, with its confidence kept out of it; and one row of that scale for the whole briefing.

The schema checks the fields are there and the words are the scale's; these checks read the
sentence against them, which a schema cannot. A judgment's ``alternatives`` and ``indicators``
are left alone: they are the other readings weighed and the signs to watch, not judgments, so
they owe no likelihood word.
"""

from __future__ import annotations

import re

from generator.input.raw import Raw
from generator.problems import Problem

# ICD 203's likelihood scale, from least to most likely, and its other row: a briefing uses one
ROWS = (
    (
        "almost no chance",
        "very unlikely",
        "unlikely",
        "roughly even chance",
        "likely",
        "very likely",
        "almost certain",
    ),
    (
        "remote",
        "highly improbable",
        "improbable",
        "roughly even odds",
        "probable",
        "highly probable",
        "nearly certain",
    ),
)


def _said(term: str) -> str:
    """The term as a sentence may say it: 'almost certainly', 'probably' too."""
    words = re.escape(term).replace("certain", "certain(?:ly)?").replace("probable", "probabl[ey]")
    return rf"\b{words}\b"


# Longest first, so that 'very likely' is read as itself and not as 'likely'
_TERMS = sorted((term for row in ROWS for term in row), key=len, reverse=True)
_LIKELIHOOD = re.compile("|".join(f"(?P<t{i}>{_said(t)})" for i, t in enumerate(_TERMS)), re.I)
_CONFIDENCE = re.compile(r"\bconfiden(?:ce|t)\b", re.IGNORECASE)
# A sentence ending inside the text: after a word of two or more small letters or digits (not
# 'U.S.' or 'Mr.'), a capital or a quotation opening the next one
_INNER_END = re.compile(r"(?<=[a-z0-9]{2})[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")


def check(raw: Raw) -> list[Problem]:
    """A problem for each way the judgment's sentence disagrees with its fields."""
    sentence, likelihood = raw.data.get("judgment"), raw.data.get("likelihood")
    if not isinstance(sentence, str) or not isinstance(likelihood, str):
        return []  # the schema has reported it
    at, problems = raw.locate("judgment"), []

    def problem(message: str, hint: str) -> None:
        problems.append(Problem(at, message, hint))

    text = " ".join(sentence.split())
    if _INNER_END.search(text) or not text.endswith((".", "!", "?")):
        problem(
            "a key judgment is one sentence, ending with a full stop",
            "keep the judgment to one sentence; the reasons go in `basis`",
        )
    said = [_TERMS[int(m.lastgroup[1:])] for m in _LIKELIHOOD.finditer(text)]
    if likelihood not in said:
        problem(
            f"the judgment does not say its likelihood, '{likelihood}'",
            f'say it in the sentence ("... will {likelihood} ...", "It is {likelihood} that '
            '..."), so that the reader reads the judgment with its odds',
        )
    for other in dict.fromkeys(t for t in said if t != likelihood):
        problem(
            f"the judgment says '{other}', but its likelihood is '{likelihood}'",
            f"use one likelihood: set likelihood: {other}, or reword the sentence",
        )
    if _CONFIDENCE.search(text):
        problem(
            "the judgment speaks of confidence",
            "give it in `confidence` (low, moderate, high) and its reason in `basis`: ICD 203 "
            "keeps likelihood and confidence in separate sentences",
        )
    return problems


def mixed_rows(judgments: list[Raw]) -> list[Problem]:
    """A problem for each judgment whose likelihood comes from the other row of the scale than
    the briefing's first judgment."""
    placed = [
        (raw, row, row.index(word))
        for raw in judgments
        if isinstance(word := raw.data.get("likelihood"), str)
        for row in ROWS
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
