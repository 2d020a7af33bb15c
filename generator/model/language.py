"""The language a briefing's analyst writes in, as the checks of the analyst's words read it.

Kinds are checked with it (``KindBase.check``), and a run that takes records as checked from
the store takes them only for the same one, so a briefing switched to another language, or
given other likelihood words, has every record checked again.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    """``code``: the briefing's language (en, fr, zh, ...), whose punctuation ends a sentence;
    ``likelihood``: the rows of the likelihood scale, each its seven steps from least to most
    likely (empty when the briefing's own table is malformed: its problem is told at
    seeds/briefing.yaml, and no judgment's likelihood is checked meanwhile); ``confidence``:
    the words that speak of confidence; ``own``: the briefing gives the scale itself."""

    code: str
    likelihood: tuple[tuple[str, ...], ...]
    confidence: tuple[str, ...]
    own: bool = False
