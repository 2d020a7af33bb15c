"""The article as the drafter reads it: sentences (split as coverage splits them, so a drafted
quote touches the sentences a reviewer sees), each parsed, and the passages in quotation marks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from generator.input import marks
from generator.render.coverage import split_sentences

SPEECH_WORDS = 4  # fewer words in quotation marks are a phrase ("designer drugs"), not speech
IDEOGRAPHS_A_WORD = 2  # Chinese writes no spaces: its words are one or two characters long
# "HARWICK, March 4, 2025 — ", "LONDON (Reuters) - ": where the story was filed, not its words
_DATELINE = re.compile(
    r"[A-Z][A-Z.'’ -]{1,40}(?:\s*\([^)\n]{1,40}\))?(?:,[^—–\n]{1,40}?)?\s+(?:—|–|--?)\s+"
)
_CUT_DATELINE = re.compile(r"[A-Z][A-Z.'’ -]{1,40},\s*[A-Z][A-Za-z.]{1,15}\s*")
_DASH = re.compile(r"\s*(?:—|–|--?)\s+")
# "Its president, Sgt. Dana Kowalski, said": a title's dot does not end the sentence
_TITLE = re.compile(
    r"\b(?:Sgt|Lt|Col|Gen|Maj|Capt|Cpl|Adm|Cmdr|Det|Insp|Supt|Gov|Sen|Rep|Rev|Prof|Hon)\.$"
)


# "at 4 p.m. Sunday and extended the order": a time's dot ends no sentence before a day, a
# month or a word in lower case
_TIME = re.compile(r"\b\d{1,2}(?::\d\d)?\s*[ap]\.m\.$")
_GOES_ON = re.compile(
    r"(?:[a-z]|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug"
    r"|Sep|Oct|Nov|Dec)[a-z]*\b)"
)
_BYLINE = re.compile(r"By [A-Z][\w.'’ -]{1,60}?, ((?:The )?[A-Z][\w&'’ -]{1,60}?)\s*$")


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    paragraph: int
    text: str
    doc: Any  # the parsed sentence (spaCy Doc)

    @property
    def is_heading(self) -> bool:
        """A headline, a byline or a caption: a line without a sentence's closing mark. The
        body tells the same at more length."""
        ends = marks.SPACED_STOPS + marks.FULL_WIDTH_STOPS + marks.CLOSING + ":：’'"
        return not self.text.rstrip().endswith(tuple(ends))

    def place(self, first: Any, last: Any | None = None) -> tuple[int, int]:
        """Offsets in the article of the tokens from ``first`` to ``last`` (or ``first``)."""
        last = first if last is None else last
        return self.start + first.idx, self.start + last.idx + len(last.text)


@dataclass
class Article:
    text: str
    sentences: list[Sentence]
    speech: list[tuple[int, int]]  # offsets of each passage in quotation marks long enough
    language: str | None = None  # as a language tag (fr, zh), when the article's is known

    def speech_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """The parts of the passages of speech that fall between ``start`` and ``end``."""
        return [(max(a, start), min(b, end)) for a, b in self.speech if a < end and start < b]

    def in_speech(self, offset: int) -> bool:
        return any(a <= offset < b for a, b in self.speech)


def read(text: str, nlp: Any, language: str | None = None) -> Article:
    spans = _without_datelines(text, _titles_joined(text, split_sentences(text)))
    breaks = [m.start() for m in re.finditer(r"\n", text)]
    docs = nlp.pipe(text[a:b] for a, b in spans)
    sentences = [
        Sentence(i, a, b, sum(1 for n in breaks if n < a), text[a:b], doc)
        for i, ((a, b), doc) in enumerate(zip(spans, docs, strict=True))
    ]
    return Article(text, sentences, _speech(text), language)


def publications(text: str) -> list[tuple[int, int]]:
    """Where the article names its publication: in a dateline ("GENEVA (Reuters) -") and after
    a byline's name ("By Jenna Whitaker, The Millbrook Courier")."""
    found = []
    for line in re.finditer(r"[^\n]+", text):
        dateline = _DATELINE.match(text, line.start(), line.end())
        if dateline is not None:
            found += [
                (line.start() + m.start(1), line.start() + m.end(1))
                for m in re.finditer(r"\(([A-Z][^()]{1,40})\)", dateline[0])
            ]
        byline = _BYLINE.match(line[0])
        if byline is not None:
            found.append((line.start() + byline.start(1), line.start() + byline.end(1)))
    return found


def _titles_joined(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences split after a title's abbreviation ("Sgt.") or a time ("4 p.m. Sunday") joined
    again: the coverage splitter splits there, and a drafted quote may then cover both parts."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        before = text[joined[-1][0] : joined[-1][1]] if joined else ""
        after_title = _TITLE.search(before) or (
            _TIME.search(before) and _GOES_ON.match(text, start)
        )
        if after_title and "\n" not in text[joined[-1][1] : start]:
            joined[-1] = (joined[-1][0], end)
            continue
        joined.append((start, end))
    return joined


def _without_datelines(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each sentence without the dateline that opens a paragraph ('TAMARACK FALLS, Minn. —',
    which the state's dot may have cut off as a sentence of its own)."""
    kept: list[tuple[int, int]] = []
    for start, end in spans:
        cut = _DASH.match(text, start, end)
        if cut and kept and _CUT_DATELINE.fullmatch(text, *kept[-1]) and cut.end() < end:
            kept[-1] = (cut.end(), end)
            continue
        opening = start == 0 or text[start - 1] == "\n"
        found = _DATELINE.match(text, start, end) if opening else None
        kept.append((found.end(), end) if found and found.end() < end else (start, end))
    return kept


def _speech(text: str) -> list[tuple[int, int]]:
    """Passages in double quotation marks (of the languages ``marks`` knows), read a line at a
    time; a quote left open at the end of its line runs to that end (a quote continued in the
    next paragraph opens again there). Single quotation marks inside them are part of the
    words."""
    found = []
    for line in re.finditer(r"[^\n]+", text):
        found += marks.quotations(text, line.start(), line.end())
    return [(a, b) for a, b in found if _words(text[a:b]) >= SPEECH_WORDS]


def _words(text: str) -> float:
    """How many words ``text`` holds: those spaces separate, with the ideographs of Chinese or
    Japanese, which separates none, counted two to a word."""
    ideographs = len(marks.IDEOGRAPH.findall(text))
    spaced = marks.IDEOGRAPH.sub(" ", text).split()
    return len(spaced) + ideographs / IDEOGRAPHS_A_WORD
