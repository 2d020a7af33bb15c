"""A seed article as the model holds it: its front matter and its text exactly as received."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from generator.problems import Location


class FrontMatter(Protocol):
    """An article's metadata as read, with where each value stands (``input.loading.Document``
    is one): ``data`` the values, ``locate`` the file, line and column of one of them."""

    path: str
    data: Any

    def locate(self, at: tuple[str | int, ...] = (), *, key: bool = False) -> Location: ...


@dataclass(frozen=True)
class Article:
    """A seed article: its metadata (front matter) and its text exactly as received."""

    id: str
    meta: FrontMatter
    text: str
    sha256: str

    @property
    def language(self) -> str | None:
        """The language its front matter says it is written in; None where it says none (it is
        then the briefing's)."""
        data = self.meta.data
        language = data.get("language") if isinstance(data, dict) else None
        return language if isinstance(language, str) else None
