"""How much of each article the annotations cover, sentence by sentence.

A sentence counts as covered when the evidence of claims, measures, figures and cited sources
spans at least half of its characters; an actor's evidence only shows that a name occurs, so it
does not count. Sentences that carry a quotation, an attribution verb or a number are the ones a
briefing must not miss: the report lists those that are left uncovered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate
from operator import not_

from generator.input import marks, numerals
from generator.model.kinds import KINDS
from generator.model.records import Briefing


def _counted(section: str) -> bool:
    """Whether a kind's evidence covers the sentences it quotes (an actor's only names one)."""
    kind = KINDS[section]
    return kind.covers_sentences and kind.evidenced


MIN_SHARE = 0.5

_CLOSING = re.escape(marks.CLOSING + "’')")
# a stop, the marks closing what it ends (French spaces them: "… renforcerons. »"), a space;
# or a full-width stop and its closing marks; or a line break
_END = re.compile(
    rf"[{marks.SPACED_STOPS}](?:[{_CLOSING}]|\s»)*\s+"
    rf"|[{marks.FULL_WIDTH_STOPS}][{_CLOSING}]*\s*|\n+"
)
_ABBREVIATION = re.compile(
    r"(?:\b(?:[A-Z]\.)+|\b(?:Mr|Mrs|Ms|Dr|St|Jan|Feb|Aug|Sept|Oct|Nov|Dec)\.)$"
)
_QUOTATION = re.compile(rf"[{marks.QUOTATION_MARKS}]|(?<!\w)['‘]\w[^'’]*\w['’](?!\w)")
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|say|saying|added|argu\w*|stress\w*|label\w*|point\w* to|highlight\w*|"
    r"reiterat\w*|wr[io]te|according to|testif\w*|continued|listed|warn\w*|claim\w*|told|"
    r"announc\w*|declar\w*|promis\w*|brush\w* aside|urg\w*|cit\w*|agree\w*|insist\w*|"
    r"not(?:ed|es|ing)|report\w*|hit back|accus\w*|suggest\w*|encourag\w*|reject\w*)\b",
    re.IGNORECASE,
)
_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|hundred|"
    r"thousand|million|billion|half|twice|double\w*|triple\w*|quadrupl\w*)\b|"
    + numerals.CHINESE.pattern,
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Sentence:
    number: int
    text: str
    start: int
    end: int
    flags: tuple[str, ...]  # which of: quotation, attribution, number
    covered_by: tuple[str, ...]  # ids of the records whose evidence covers it

    @property
    def covered(self) -> bool:
        return bool(self.covered_by)


@dataclass(frozen=True)
class ArticleCoverage:
    source: str
    sentences: tuple[Sentence, ...]

    @property
    def covered(self) -> int:
        return sum(1 for s in self.sentences if s.covered)

    @property
    def missed(self) -> list[Sentence]:
        """Sentences with a quotation, an attribution or a number that nothing covers."""
        return [s for s in self.sentences if s.flags and not s.covered]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; line breaks always end one, abbreviations never do."""
    spans, start = [], 0
    for match in _END.finditer(text):
        if _ABBREVIATION.search(text[start : match.start() + 1]) and "\n" not in match.group():
            continue
        end = match.end() - len(match.group()) + len(match.group().rstrip())
        if text[start:end].strip():
            spans.append((start, end))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def flags_of(sentence: str) -> tuple[str, ...]:
    checks = (("quotation", _QUOTATION), ("attribution", _ATTRIBUTION), ("number", _NUMBER))
    return tuple(name for name, pattern in checks if pattern.search(sentence))


def measure(briefing: Briefing) -> list[ArticleCoverage]:
    return [measure_article(briefing, source) for source in briefing.articles]


def measure_article(briefing: Briefing, source: str) -> ArticleCoverage:
    found = briefing.evidence_in(source)
    spans = [(start, end, i) for start, end, i, section in found if _counted(section)]
    return ArticleCoverage(source, _sentences(briefing.articles[source].text, spans))


def _sentences(text: str, spans: list[tuple[int, int, str]]) -> tuple[Sentence, ...]:
    solid = list(accumulate(map(not_, map(str.isspace, text)), initial=0))  # non-space before i
    result = []
    for number, (start, end) in enumerate(split_sentences(text), 1):
        inside = sorted(
            (max(s, start), min(e, end), i) for s, e, i in spans if s < end and e > start
        )
        size = solid[end] - solid[start]  # characters that are not whitespace
        by = (
            tuple(dict.fromkeys(i for _, _, i in inside))
            if _covered(inside, solid) >= MIN_SHARE * size
            else ()
        )
        result.append(Sentence(number, text[start:end], start, end, flags_of(text[start:end]), by))
    return tuple(result)


def _covered(spans: list[tuple[int, int, str]], solid: list[int]) -> int:
    """Non-whitespace characters inside the union of the (sorted) spans."""
    total, reached = 0, 0
    for start, end, _ in spans:
        start = max(start, reached)
        if end > start:
            total += solid[end] - solid[start]
            reached = end
    return total


def report(coverage: list[ArticleCoverage]) -> str:
    lines = []
    for article in coverage:
        total = len(article.sentences)
        lines.append(f"{article.source}: {article.covered} of {total} sentences covered")
        for sentence in article.missed:
            lines.append(f"  uncovered ({', '.join(sentence.flags)}): {sentence.text}")
    missed = sum(len(a.missed) for a in coverage)
    lines.append(
        f"{missed} sentence{'s' if missed != 1 else ''} with a quotation, attribution or number uncovered"
    )
    return "\n".join(lines)
