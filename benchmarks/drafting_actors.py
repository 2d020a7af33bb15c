"""Who is who when a draft is scored: actors compared by id, or, for an actor the draft proposes
anew, by its names (without case, spacing or articles)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from generator.model.records import Briefing, Record

CONNECTORS = {"of", "the", "and", "for", "on", "in", "de", "la", "du", "van", "von", "der"}
CONNECTORS |= {"da", "al", "bin", "to", "at", "&", "-", "–"}


class Actors:
    """Who is who across the complete briefing, the copy and the draft's new actors."""

    def __init__(
        self,
        full: Briefing,
        copy: Briefing,
        drafted: Iterable[dict[str, Any]],
        given: Iterable[str] = (),
    ):
        # the article's publisher and author are known by their ids even when the copy lacks
        # them: new-source creates them with the article (from the page, or --publisher-name)
        self.known = set(copy.ids_in("actors")) | set(given)
        self.names = {a.id: names_of(a.fields) for a in full.in_section("actors")}
        self.proposed = {
            a["id"]: names_of(a)
            for a in drafted
            if isinstance(a, dict) and isinstance(a.get("id"), str) and a["id"] not in self.known
        }

    def same(self, drafted: str, complete: str) -> bool:
        if drafted in self.known:
            return drafted == complete
        return bool(self.proposed.get(drafted, set()) & self.names.get(complete, set()))

    def same_set(self, drafted: Sequence[str], complete: Sequence[str]) -> bool:
        return len(set(drafted)) == len(set(complete)) and all(
            any(self.same(d, c) for d in drafted) for c in complete
        )


def names_of(actor: Any) -> set[str]:
    names = [actor.get("name"), *(actor.get("aliases") or [])]
    return {normal(name) for name in names if isinstance(name, str) and name.strip()}


def normal(name: str) -> str:
    """A name as compared: without case, spacing or articles ('An official from U.S. Customs'
    is 'official from the U.S. Customs': articles tell no actor from another)."""
    words = name.replace("’", "'").replace("‘", "'").casefold().split()
    return " ".join(word for word in words if word not in ARTICLES)


ARTICLES = {"a", "an", "the"}


def is_named(actor: Record) -> bool:
    """A proper name (capitalised words, connectors aside), and not an unnamed group."""
    words = [w.strip("\"'“”()") for w in actor["name"].split()]
    words = [w for w in words if w and w.casefold() not in CONNECTORS]
    return actor["kind"] != "group" and bool(words) and all(w[0].isupper() for w in words)
