"""Draft an article's annotation, marked ``draft: true``: nothing in it is checked or published
until an author has reviewed it. With the optional language pipeline (``pipeline``) the draft
proposes speakers, figures, measures and actors; without it, the simpler draft (``simple``)."""

from __future__ import annotations

from generator.authoring.drafting import pipeline, simple
from generator.model.records import Briefing


def draft_annotation(
    source_id: str,
    text: str,
    briefing: Briefing,
    published: str | None = None,
    publisher: str | None = None,
    language: str | None = None,
) -> str:
    """The draft annotation file's text for the article ``text`` stored as ``source_id``;
    ``published`` (YYYY, YYYY-MM or YYYY-MM-DD) dates "Monday" or "last December",
    ``publisher`` (an actor's id) states what the article says in its own voice, and
    ``language`` (a tag: en, fr, zh), when known, says how its numbers are written ("1,200" is
    1200 in English, 1.2 in French; ``generator.input.numerals``)."""
    nlp = pipeline.load()
    if nlp is None:
        return simple.draft_annotation(source_id, text, briefing, language)
    from generator.authoring.drafting import better

    return better.draft_annotation(source_id, text, briefing, published, publisher, nlp, language)


def better_draft_hint() -> str | None:
    """One line saying how to get the better draft, or None when it is installed."""
    return pipeline.better_draft_hint()
