"""Draft an article's annotation, marked ``draft: true``: nothing in it is checked or published
until an author has reviewed it."""

from __future__ import annotations

from generator.authoring.drafting import simple
from generator.model.records import Briefing


def draft_annotation(source_id: str, text: str, briefing: Briefing) -> str:
    """The draft annotation file's text for the article ``text`` stored as ``source_id``."""
    return simple.draft_annotation(source_id, text, briefing)
