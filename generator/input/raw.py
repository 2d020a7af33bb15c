"""A record as the checks see it before it is built: its data, and where it was written."""

from __future__ import annotations

from typing import Any, NamedTuple

from generator.input.loading import Document

ADDED = "more_evidence"  # the key of an annotation file that adds evidence to other records


class Raw(NamedTuple):  # not a dataclass: one per record in every run, and tuples build fast
    section: str  # the plural the pages live under: actors, claims, ...
    data: dict[str, Any]
    # The file it was written in. A source's is its article's front matter: the model types an
    # Article's meta only as a FrontMatter, but every Article input/ makes (load_article) holds
    # a Document there, so input/ hands it on as one.
    document: Document
    at: tuple

    def locate(self, *inner: str | int, key: bool = False):
        return self.document.locate((*self.at, *inner), key=key)


def as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def a_or_an(word: str) -> str:
    return ("an " if word[:1] in "aeiou" else "a ") + word
