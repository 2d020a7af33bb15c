"""Evidence checked against the articles: each quote found where it stands, or a located miss."""

from __future__ import annotations

from typing import Any
from unicodedata import combining, normalize

from generator.input.evidence import Match, Miss, SearchableText, fold
from generator.input.raw import Raw
from generator.model.articles import Article
from generator.model.kinds import SOURCES
from generator.model.records import Evidence, evidence_items
from generator.problems import Problem, visible


class Quotes:
    """Finds quotes in the articles, each article's text folded for it once, when first asked."""

    def __init__(self, articles: list[Article]):
        self.articles = {article.id: article for article in articles}
        self._texts: dict[str, SearchableText] = {}

    def text(self, source: str) -> SearchableText:
        if source not in self._texts:
            self._texts[source] = SearchableText(self.articles[source].text)
        return self._texts[source]

    def find(self, source: str, quote: str, occurrence: int) -> Match | Miss:
        """The ``occurrence``-th place of ``quote`` in the article ``source``, or how it differs."""
        return self.text(source).find(quote, occurrence)


def find_evidence(
    item: dict[str, Any],
    raw: Raw,
    at: tuple,
    sections: dict[str, str],
    quotes: Quotes,
    problems: list[Problem],
) -> Evidence:
    source, quote = item.get("source"), item.get("quote")
    if not isinstance(source, str) or not isinstance(quote, str):
        return Evidence("", "")  # its schema problem is reported already
    if source not in quotes.articles:
        if sections.get(source) == SOURCES:  # other cases are unknown ids, told already
            problems.append(
                Problem(
                    raw.locate(*at, "source"),
                    f"evidence must come from a seed article, and '{source}' is not one",
                    "quote the words of the article that reports it; list the cited document in via",
                )
            )
        return Evidence(source, quote)
    occurrence = item.get("occurrence")
    if isinstance(occurrence, float):  # the schema's integer takes 2.0: a reader sees a fraction
        message = f"occurrence {occurrence} is not a whole number"
        problems.append(Problem(raw.locate(*at, "occurrence"), message, f"write {int(occurrence)}"))
        return Evidence(source, quote)
    found = quotes.find(source, quote, occurrence if isinstance(occurrence, int) else 1)
    if isinstance(found, Match):
        if found.occurrences > 1 and occurrence is None or (occurrence or 1) > found.occurrences:
            text = quotes.text(source)
            problems.append(_ambiguous(raw, at, text, quote, source, found.occurrences, occurrence))
        anchor = _anchor(raw, at)
        return Evidence(
            source, quote, found.paragraph, found.start, found.end, anchor, *_translated(item)
        )
    if not found.matched:
        hint = "not even its first word occurs in the article; check the source id"
    elif found.expected:
        hint = _difference(found, fold(quote), quotes.text(source).folded)
    else:
        hint = "the quote runs past the end of the article"
    problems.append(
        Problem(raw.locate(*at, "quote"), f"quote not found in source '{source}'", hint)
    )
    return Evidence(source, quote)


def needless_translations(raw: Raw, quotes: Quotes, language: str) -> list[Problem]:
    """A problem for each translation of words quoted from an article in the briefing's own
    ``language`` (its front matter says no other): a reader would take them for another's."""
    found = []
    for at, item in evidence_items(raw.data, raw.section):
        article = quotes.articles.get(item.get("source"))
        if "translation" not in item or article is None:
            continue
        written = article.language or language
        if written == language:
            message = (
                f"a translation of words in the briefing's own language ({language}): the "
                f"article '{article.id}' does not say it is written in another"
            )
            hint = "give the article's language in its front matter (language: zh), or remove the translation"
            found.append(Problem(raw.locate(*at, "translation"), message, hint))
    return found


def _translated(item: dict[str, Any]) -> tuple[str, str]:
    """The evidence's translation and who made it, or two empty strings."""
    translation, by = item.get("translation"), item.get("translated_by")
    return (translation, by) if isinstance(translation, str) and isinstance(by, str) else ("", "")


def _difference(found: Miss, needle: str, folded: str) -> str:
    """Where the quote leaves the article, shown so that a difference no one can see (a
    zero-width space, an accent composed in one and decomposed in the other) is visible."""
    hint = (
        f'the article matches up to "{visible(found.matched[-40:])}", '
        f'then has "{visible(found.expected)}"'
    )
    article, quote = _cluster(found.expected), _cluster(needle[len(found.matched) :])
    if all(part.isascii() and part.isprintable() for part in (article, quote)):
        return hint
    hint += f"; there the article has {_codes(article)}, the quote {_codes(quote) or 'nothing'}"
    if normalize("NFC", needle) in normalize("NFC", folded):
        hint += (
            ": the same letters, composed in one (NFC) and decomposed in the other (NFD); "
            "copy the quote from the article"
        )
    return hint


def _cluster(text: str) -> str:
    """The first character of ``text`` with the combining marks that follow it."""
    end = 1
    while end < len(text) and combining(text[end]):
        end += 1
    return text[:end]


def _codes(text: str) -> str:
    return " ".join(f"U+{ord(char):04X}" for char in text)


def _anchor(raw: Raw, at: tuple) -> str:
    """The passage's id on its source page; '_' cannot occur in ids, so these never clash."""
    part = {"roles": "role", "events": "event"}.get(at[0], "")
    return f"e_{raw.data['id']}_{part}{at[1] + 1}"


def _ambiguous(
    raw: Raw, at: tuple, text: SearchableText, quote: str, source: str, count: int, wanted: Any
) -> Problem:
    found_in = [text.paragraph_of(text.origin(p)) for p in text.places(fold(quote))]
    where = ", ".join(str(p) for p in found_in)
    if wanted is None:
        message = f"quote occurs {count} times in source '{source}' (paragraphs {where})"
        hint = f"add 'occurrence: N' (1 to {count}) beside the quote to say which one is meant"
        return Problem(raw.locate(*at, "quote"), message, hint)
    message = f"occurrence {wanted} asked for, but the quote occurs only {count} time(s)"
    return Problem(raw.locate(*at, "occurrence"), message, f"use a number from 1 to {count}")
