"""The actors a draft can name: the briefing's, found by name, alias or a near-spelling, and the
new ones the article names, proposed with their aliases and the words that name them."""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

from generator.model.records import Briefing

_FOLD = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " "})
_LEADING = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"'s?$")
LEGISLATURE = {"congress", "parliament", "senate", "assembly", "legislature", "duma", "diet"}
BODY = {
    "ministry", "commission", "department", "agency", "administration", "office", "bureau",
    "council", "customs", "police", "court", "government", "centers", "centre", "center",
    "house", "embassy", "service", "authority", "authorities", "committee", "board", "force",
    "forces", "army", "navy", "directorate", "protection", "inspectorate", "cabinet",
}  # fmt: skip


# the last word of an organisation's name ("the Riverside Tenants' Association")
GROUPS = {
    "association", "union", "society", "foundation", "institute", "federation", "league",
    "club", "party", "trust", "fund", "coalition", "alliance", "university", "college",
    "school", "hospital", "church", "network", "guild", "organization", "organisation", "band",
}  # fmt: skip
# what a company is called once named ("the company said", "the utility said"), and the
# last word of a company's name ("Valtoria Pharma", "North Ridge Electric")
FIRMS = {
    "company", "firm", "utility", "drugmaker", "carmaker", "manufacturer", "corporation",
    "business", "retailer", "lender", "bank", "insurer", "operator", "airline", "developer",
    "producer", "supplier", "contractor", "conglomerate", "group", "chain", "startup",
}  # fmt: skip
# the last word of a sports club's name ("Castlebridge United", "Harbourside Rovers")
CLUBS = {"united", "fc", "rovers", "athletic", "wanderers", "albion"}
COMPANY_NAMES = {
    "inc", "corp", "corporation", "ltd", "llc", "plc", "ag", "sa", "gmbh", "co", "group",
    "holdings", "pharma", "electric", "energy", "motors", "airlines", "bank", "foods",
    "industries", "systems", "technologies", "partners", "shipping", "lines", "logistics",
}  # fmt: skip


@dataclass
class Role:
    title: str
    start: int  # the title's words in the article
    end: int
    of: str | None = None  # the employer's id


@dataclass
class Actor:
    id: str
    name: str
    kind: str
    known: bool
    aliases: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)  # words naming it in the article
    new_aliases: list[tuple[str, int, int]] = field(default_factory=list)  # (alias, start, end)
    roles: list[Role] = field(default_factory=list)
    role_words: set[str] = field(default_factory=set)
    inferred: dict[str, str] = field(default_factory=dict)
    pronoun: str = ""  # "he" or "she", once the article has called the person so

    @property
    def names(self) -> list[str]:
        return [self.name, *self.aliases, *(alias for alias, _, _ in self.new_aliases)]


def normal(phrase: str) -> str:
    """A name as compared: typographic marks folded, no article or possessive, lower case."""
    phrase = " ".join(phrase.translate(_FOLD).split()).strip(" ,.;:\"'()")
    return _POSSESSIVE.sub("", _LEADING.sub("", phrase)).lower()


# letters NFKD does not take apart into a base letter and a mark
_UNDECOMPOSED = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ł": "l", "þ": "th", "ð": "d", "ı": "i"}
)


def ascii_letters(text: str) -> str:
    """'Lena Müller' as 'Lena Muller', 'Hagstova Føroya' as 'Hagstova Foroya': each letter its
    base letter, its marks dropped, so an id stays readable."""
    text = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    return "".join(c for c in text if not unicodedata.combining(c))


def slug(name: str) -> str:
    """An id from a name: lowercase ASCII letters and digits joined by single hyphens."""
    plain = ascii_letters(normal(name).replace("'", "")).lower().translate(_UNDECOMPOSED)
    return "-".join(re.findall(r"[a-z0-9]+", plain))[:60].strip("-")


def acronym(name: str) -> str:
    return "".join(word[0] for word in normal(name).split() if word not in {"of", "for", "and"})


def is_generic(name: str) -> bool:
    """A description rather than a name: 'the association', 'the central bank' (an article
    and common nouns), where 'Czech Banking Association' or 'Sentinel' names one body only."""
    words = name.translate(_FOLD).split()
    first, rest = (words[0].lower(), words[1:]) if words else ("", [])
    return first in {"the", "a", "an"} and bool(rest) and all(w.islower() for w in rest)


def is_company(name: str) -> bool:
    words = normal(name).split()
    return len(words) > 1 and words[-1] in COMPANY_NAMES


def _close(one: str, other: str) -> bool:
    """Names spelt nearly alike, word by word ('Narcotic Control' and 'Narcotics Control')."""
    words, others = one.split(), other.split()
    if len(words) != len(others) or one == other:
        return one == other
    return all(
        a == b or (a[0] == b[0] and difflib.SequenceMatcher(None, a, b).ratio() >= 0.85)
        for a, b in zip(words, others, strict=True)
    )


class Registry:
    """Every actor the draft may name, looked up by what the article calls it."""

    def __init__(self, briefing: Briefing, taken: set[str]):
        self.actors: list[Actor] = []
        self.by_name: dict[str, Actor] = {}
        self.taken = taken  # ids in use anywhere in the briefing
        # "the association" recorded for another article: in this one, most likely a body
        # this article names, so looked up only when it names none (see find_generic)
        self.generic: dict[str, list[Actor]] = {}
        for record in briefing.in_section("actors"):
            actor = Actor(record.id, record["name"], record["kind"], True)
            actor.aliases = list(record.get("aliases", []))
            for role in record.roles:
                actor.role_words |= set(normal(role.title).split())
            self._index(actor)

    def _index(self, actor: Actor) -> None:
        self.actors.append(actor)
        for name in actor.names:
            if actor.known and is_generic(name):
                self.generic.setdefault(normal(name), []).append(actor)
            else:
                self.by_name.setdefault(normal(name), actor)

    def find_generic(self, phrase: str) -> tuple[Actor | None, str]:
        """The one known actor that another article calls by this description ('the
        association'), with the reason to check it, for when this article names none."""
        found = self.generic.get(normal(phrase), [])
        if len(found) != 1:
            return None, ""
        return found[0], (
            f'"{phrase}" is what the briefing calls {found[0].name} elsewhere; '
            "this article names no other that fits"
        )

    def find(self, phrase: str) -> tuple[Actor | None, str]:
        """The actor a phrase names, and how it was found ('' when by its name or an alias)."""
        key = normal(phrase)
        if not key:
            return None, ""
        if key in self.by_name:
            return self.by_name[key], ""
        close = [a for name, a in self.by_name.items() if _close(key, name)]
        if len(set(map(id, close))) == 1:
            return close[0], f'"{phrase}" is spelt nearly as "{close[0].name}"'
        if " " not in key:
            people = {
                a.id: a
                for a in self.actors
                if a.kind == "person" and key in normal(a.name).split() and " " in normal(a.name)
            }
            if len(people) == 1:
                return next(iter(people.values())), ""
            bodies = {a.id: a for a in self.actors if a.kind != "person" and acronym(a.name) == key}
            if len(bodies) == 1 and len(key) > 1:
                return next(iter(bodies.values())), f'"{phrase}" is taken as the initials of a name'
        return None, ""

    def add(self, name: str, kind: str, start: int, end: int) -> Actor:
        name = " ".join(name.translate(_FOLD).split()).strip(" ,.;:")
        name = _POSSESSIVE.sub("", _LEADING.sub("", name)) if kind != "group" else name
        base = slug(name) or "actor"
        new_id, number = base, 2
        while new_id in self.taken:
            new_id, number = f"{base}-{number}", number + 1
        self.taken.add(new_id)
        actor = Actor(new_id, name[:1].upper() + name[1:], kind, False, spans=[(start, end)])
        self._index(actor)
        return actor

    def alias(self, actor: Actor, phrase: str, start: int, end: int) -> None:
        """Note that the article calls ``actor`` ``phrase`` (a new alias when it is one)."""
        phrase = " ".join(phrase.translate(_FOLD).split()).strip(" ,.;:")
        if normal(phrase) in {normal(n) for n in actor.names}:
            actor.spans.append((start, end))
            return
        actor.new_aliases.append((phrase, start, end))
        self.by_name.setdefault(normal(phrase), actor)

    def kind_of(self, name: str, label: str) -> str:
        words = normal(name).split()
        if label == "COMPANY" or is_company(name) or (len(words) > 1 and words[-1] in CLUBS):
            return "organisation"
        if label == "PERSON":
            return "person"
        if label == "GPE":
            return "state"
        if set(words) & LEGISLATURE:
            return "legislature"
        if set(words) & BODY:
            return "government-body"
        return "organisation"
