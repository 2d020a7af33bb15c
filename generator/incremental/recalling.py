"""Validation's costly steps (``input.steps``) taken from what the stored run found for the same
input, and what this run finds noted for the next:

- ``documents``: the data of each YAML text that met its schema, by ``document_key``; such a
  text is not parsed (its marks are found again if a problem needs one) nor checked again;
- ``quotes``: where each quote stands, by (the article's SHA-256, quote, occurrence);
- ``world``: a digest of the ids (with their sections), the articles' texts and the briefing's
  language (its code and likelihood words, which judgments are checked against);
- ``records``: the records each document held, as checked, by ``document_key``; taken as they
  are by a run whose ``world`` is the same, since they would be checked and built the same way.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from generator.incremental.tracing import digest, plain
from generator.input.evidence import Match, Miss
from generator.input.loading import Document, parse_yaml
from generator.input.quotes import Quotes
from generator.input.steps import ValidationSteps
from generator.model.articles import Article
from generator.model.language import Language
from generator.model.records import Record
from generator.problems import Problem

DocumentKey = tuple[str, str]
QuoteKey = tuple[str, str, int]
Place = tuple[int, int, int, int]  # a Match's start, end, paragraph and occurrences


def document_key(shown: str, text: str) -> DocumentKey:
    """What the store knows a document by: its path and the SHA-256 of its text."""
    return shown, hashlib.sha256(text.encode("utf-8")).hexdigest()


class RecallingSteps(ValidationSteps):
    """The steps of one validation, given what the stored run found (``earlier``: its
    ``documents``, ``quotes`` and ``records``, and its ``world``). After it, ``found()`` and
    ``world`` are what this run used and found, so what is kept does not outgrow the input."""

    def __init__(self, earlier: dict[str, dict], world: str):
        self.earlier, self.earlier_world = earlier, world
        self.documents: dict[DocumentKey, Any] = {}
        self.records: dict[DocumentKey, list[Record]] = {}
        self.world = ""
        self._keys: dict[str, DocumentKey] = {}  # by path, as each text was parsed
        self._quotes: RecalledQuotes | None = None
        self._took_records = False

    def parse(self, text: str, shown: str, line_offset: int) -> Document:
        key = self._keys[shown] = document_key(shown, text)
        known = self.earlier["documents"]
        if key in known:
            return Document(shown, known[key], text, line_offset)
        return parse_yaml(text, shown, line_offset)

    def schema_problems(self, document: Document, schema: str) -> dict[tuple, list[Problem]]:
        key = self._key(document)
        met = key in self.earlier["documents"]  # then, in the run that found it
        found = {} if met else super().schema_problems(document, schema)
        if not found:
            self.documents[key] = document.data
        return found

    def quotes(self, articles: list[Article]) -> Quotes:
        self._quotes = RecalledQuotes(articles, self.earlier["quotes"])
        return self._quotes

    def check_records(
        self,
        document: Document,
        check: Callable[[], list[Record]],
        sections: dict[str, str],
        articles: list[Article],
        language: Language,
    ) -> list[Record]:
        if not self.world:  # the same for every document of a run
            # each article's text, and its language (a translation of its words is checked by it)
            texts = [(a.id, a.sha256, a.language) for a in articles]
            self.world = digest((sections, texts, plain(language)))
        key = self._key(document)
        taken = self.earlier["records"] if self.world == self.earlier_world else {}
        if key in taken:
            self._took_records = True
            records = taken[key]
        else:
            records = check()
        self.records[key] = records
        return records

    def found(self) -> dict[str, dict]:
        """The ``documents``, ``quotes`` and ``records`` this run found or took, for the store."""
        return {"documents": self.documents, "quotes": self._places(), "records": self.records}

    def _places(self) -> dict[QuoteKey, Place]:
        """The places of quotes this run found or took. Records taken as checked found none:
        then the places in unchanged articles are kept too (those of quotes since edited away
        as well, until a run checks every record again)."""
        if self._quotes is None:
            return {}
        used = self._quotes.used
        if not self._took_records:
            return used
        shas = {article.sha256 for article in self._quotes.articles.values()}
        return {key: at for key, at in self._quotes.known.items() if key[0] in shas} | used

    def _key(self, document: Document) -> DocumentKey:
        key = self._keys.get(document.path)
        return key if key is not None else document_key(document.path, document.text)


class RecalledQuotes(Quotes):
    """Finds quotes, taking each place found before in an article with the same text."""

    def __init__(self, articles: list[Article], known: dict[QuoteKey, Place]):
        super().__init__(articles)
        self.known = known
        self.used: dict[QuoteKey, Place] = {}

    def find(self, source: str, quote: str, occurrence: int) -> Match | Miss:
        key = (self.articles[source].sha256, quote, occurrence)
        known = self.known.get(key)
        if known is not None:
            self.used[key] = known
            return Match(*known)
        found = super().find(source, quote, occurrence)
        if isinstance(found, Match):
            self.used[key] = plain(found)
        return found
