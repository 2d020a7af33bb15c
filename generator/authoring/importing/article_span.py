"""Which of a printout's paragraphs are the article's: a run of prose from the headline on,
as far as the prose outweighs what is not (body-text extraction, Finn, Kushmerick and Smyth,
2001). A paragraph of prose (six
words or more, ending a sentence, few of them links) counts for its words; anything else counts
against, a paragraph that is mostly links twice over. The run ends where the sum is highest; inside it, a paragraph that is mostly links (a "Read more" line, a related headline)
is dropped, and shorter ones (a subheading, a one-line quote) are kept. A heading of
other stories or of the readers' comments ends it."""

from __future__ import annotations

import math
import re
from typing import Protocol

from generator.authoring.importing import paragraphs

_ENDS_SENTENCE = re.compile(r"[.!?:\"”’»)]$")
_PROSE_WORDS = 6
_LINKS = 0.5
_BODY_WORDS = 40  # of prose before a heading of other stories: less, and it was a caption  # of a paragraph's characters: more, and it is a list of links


class Line(Protocol):
    text: str
    linked: float


def kept(groups: list[list[Line]]) -> list[list[Line]]:
    """The paragraphs (each a list of lines) of the article's run, in order: from the first
    paragraph of prose (the lines given start after the headline: a sidebar's longer run of
    prose further on is not the article) to where the sum of scores is highest. A heading of
    other stories before any body ("Sur le même sujet" under the photo) starts it again."""
    scores = [_score(group) for group in groups]
    start, end, best, total = len(groups), len(groups), 0.0, 0.0
    for index, score in enumerate(scores):
        if start == len(groups) and score <= 0:
            continue
        if score == -math.inf and best < _BODY_WORDS:
            start, end, best, total = len(groups), len(groups), 0.0, 0.0
            continue
        start, total = min(start, index), total + score
        if total > best:
            best, end = total, index + 1
        if score == -math.inf:
            break
    return [group for group in groups[start:end] if _linked(group) < _LINKS]


def ends(group: list[Line]) -> bool:
    """Whether the lines are a heading of other stories or of comments (not a link to them)."""
    text = " ".join(line.text for line in group)
    stop = paragraphs.OTHER_STORIES.match(text) or paragraphs.COMMENTS.match(text)
    heading = text[:1].isupper() and not _ENDS_SENTENCE.search(text) and len(text.split()) <= 6
    return bool(stop) and heading and _linked(group) < _LINKS


def _linked(group: list[Line]) -> float:
    size = sum(len(line.text) for line in group) or 1
    return sum(line.linked * len(line.text) for line in group) / size


def _score(group: list[Line]) -> float:
    text = " ".join(line.text for line in group)
    words = len(text.split())
    if ends(group):  # a link to comments, in a share bar, ends nothing
        return -math.inf  # the heading of other stories or of comments: the article has ended
    if _linked(group) >= _LINKS:
        return -2.0 * words
    if words >= _PROSE_WORDS and _ENDS_SENTENCE.search(text):
        return float(words)
    return -1.0 * words
