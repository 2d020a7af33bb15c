"""Who the article names: each person, body and publication it names, found among the
briefing's actors or proposed as new (with initials, titles and employers), remembered in the
order named. A name the parser finds is proposed only when it names an actor (proposing.py
says which do)."""

from __future__ import annotations

from typing import Any

from generator.authoring.drafting.actors import (
    BODY,
    GROUPS,
    Actor,
    Registry,
    Role,
    is_company,
    normal,
)
from generator.authoring.drafting.article import Sentence
from generator.authoring.drafting.names import (
    ROLE_WORDS,
    employer_words,
    name_span,
)
from generator.authoring.drafting.proposing import (
    STREETS,
    acts_or_named,
    capitalised,
    defined_acronym,
    described,
    employs,
    initialled,
    masthead_or_byline,
)

NAMED = {"PERSON", "ORG", "GPE"}


class Mentions:
    """The actors the article has named so far, the last one last."""

    def __init__(self, registry: Registry):
        self.registry = registry
        self.last_person: Actor | None = None
        self.documents: dict[str, Actor] = {}  # "report" -> whose report it is
        self.pending_roles: list[set[str]] = []  # "A top official said": named later?
        self.recent: list[Actor] = []  # the actors the article has named, the last one last
        self.last_speaker: Actor | None = None  # whom the last attribution named

    def see(self, sentence: Sentence, text: str) -> None:
        """Every person, body and state the sentence names: known ones noted, new ones
        proposed, each remembered as the last named (for 'the union', 'the department')."""
        named_in: int = -1  # "the Sawbill Lake Band of Ojibwe": Ojibwe is part of a name
        for entity in sentence.doc.ents:
            if entity.label_ not in NAMED or any(c.isdigit() for c in entity.text):
                continue
            if entity.start <= named_in or defined_acronym(
                text, sentence.start + entity.start_char, entity.text
            ):
                continue
            propose = acts_or_named(entity) and (
                not sentence.is_heading or masthead_or_byline(sentence, entity)
            )  # a headline's words name no one the body does not name again
            first, last = name_span(sentence, entity.root)
            actor = self.mention(sentence, first, last, propose=propose)
            named_in = last.i
            if actor is not None and employs(entity.root):  # "economist at Danube Bank":
                self.recent.remove(actor)  # not the bank a later "the bank" is
                self.recent.insert(0, actor)

    def mention(
        self, sentence: Sentence, first: Any, last: Any, propose: bool = True
    ) -> Actor | None:
        """The actor that the words from ``first`` to ``last`` name, added when new (and
        ``propose``)."""
        words = sentence.doc[first.i : last.i + 1].text
        start, end = sentence.place(first, last)
        actor, how = self.registry.find(words)
        new = actor is None
        if new and not (propose and capitalised(first, last)):
            return None  # "mackerel alone brought in ...": no name
        named = [t for t in sentence.doc[first.i : last.i + 1] if t.dep_ != "case"]
        if new and len(named) > 1 and named[-1].lower_ in STREETS:
            return None  # "We have outgrown Mill Lane", "the new ground at Harrow Fields"
        if new:
            label = next((e.label_ for e in sentence.doc.ents if e.start <= last.i < e.end), "")
            if label not in {"PERSON", "ORG", "GPE", ""}:
                return None
            if not label:
                person = last.ent_type_ == "PERSON" or last.i > first.i
                of = next((t for t in sentence.doc[first.i : last.i] if t.lower_ == "of"), None)
                noun = sentence.doc[of.i - 1] if of is not None else last  # "Band of Ojibwe"
                label = "ORG" if noun.lower_ in BODY | GROUPS or not person else "PERSON"
            if label == "PERSON" and initialled(sentence, last):
                label = "ORG"  # "Infraestruturas de Portugal (IP)": a person has no initials
            acts = last.dep_ in {"nsubj", "nsubjpass"}  # a place that speaks is no place
            short = self._shortened(words) if label != "GPE" or acts else None
            if short is not None:
                self.registry.alias(short, words, start, end)
                self._named_now(short)
                return short
            trade = described(sentence, first)
            actor = self.registry.add(
                words, self.registry.kind_of(words, trade or label), start, end
            )
            if trade == "COMPANY" or is_company(words):
                actor.role_words.add("company")
            self._initials(sentence, actor, last)
            self._named_now(actor)
            return actor
        self._initials(sentence, actor, last)
        self._named_now(actor)
        if how or normal(words) not in {normal(n) for n in actor.names}:
            self.registry.alias(actor, words, start, end)
            if how:
                actor.inferred.setdefault("aliases", how)
        else:
            actor.spans.append((start, end))
        return actor

    def _shortened(self, words: str) -> Actor | None:
        """'Boreal Ridge' after 'Boreal Ridge Metals': the first two words or more of the name
        of one body the article named before."""
        key = normal(words)
        if " " not in key:
            return None
        bodies = [
            a
            for a in self.recent
            if a.kind not in {"person", "group"} and normal(a.name).startswith(key + " ")
        ]
        return bodies[0] if len(bodies) == 1 else None

    def _named_now(self, actor: Actor) -> None:
        if actor in self.recent:
            self.recent.remove(actor)
        self.recent.append(actor)

    def _initials(self, sentence: Sentence, actor: Actor, last: Any) -> None:
        """'the Fishers Union (FU)': FU is an alias."""
        window = sentence.doc[last.i + 1 : last.i + 4]
        if len(window) == 3 and window[0].text == "(" and window[2].text == ")":
            initials = window[1]
            if initials.text.isupper() and initials.text.isalpha():
                self.registry.alias(actor, initials.text, *sentence.place(initials))

    def give_role(self, sentence: Sentence, actor: Actor, words: list[Any]) -> None:
        """The title the article gives a person, with the employer named before it."""
        if not words:
            return
        employer, title = employer_words(words)
        of = (
            self._employer(sentence.doc[employer[0].i : employer[-1].i + 1].text)
            if employer
            else None
        )
        if of is None:
            title = employer + title
        start, end = sentence.place(title[0], title[-1])
        words_said = sentence.doc[title[0].i : title[-1].i + 1].text
        actor.roles.append(Role(words_said, start, end, of.id if of is not None else None))
        actor.role_words |= set(normal(words_said).split()) & ROLE_WORDS

    def _employer(self, words: str) -> Actor | None:
        """The body an employer's name before a title names: known, or named before in full
        ('Valtoria' after 'Valtoria Pharma')."""
        found, _ = self.registry.find(words)
        if found is not None:
            return found
        key = normal(words).split()
        return next(
            (a for a in reversed(self.recent) if normal(a.name).split()[: len(key)] == key), None
        )
