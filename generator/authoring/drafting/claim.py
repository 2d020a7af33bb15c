"""A drafted claim: who speaks, in what form, the words, the sentence and the date, with the
reasons for what was inferred."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.authoring.drafting.actors import Actor


@dataclass
class Claim:
    speaker: Actor | None
    form: str  # quoted, reported or unattributed
    quotes: list[tuple[int, int]]
    sentence: int
    note: str = ""  # for the reviewer, when the speaker is not found
    inferred: dict[str, str] = field(default_factory=dict)
    date: str | None = None
    # the words naming the speaker ("Doctors' groups in two of those countries"): the
    # reporter's description, whose numbers are the article's, not the speaker's
    speaker_words: tuple[int, int] | None = None
