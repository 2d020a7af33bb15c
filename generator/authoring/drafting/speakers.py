"""Who speaks: the actor an attribution names, through names, appositives, pronouns, role
nouns, bodies named before and the documents already named."""

from __future__ import annotations

from typing import Any

from generator.authoring.drafting.actors import BODY, FIRMS, GROUPS, Actor
from generator.authoring.drafting.article import Sentence
from generator.authoring.drafting.names import (
    DOCUMENTS,
    HONORIFICS,
    ROLE_WORDS,
    name_span,
    title_words,
)
from generator.authoring.drafting.referents import Referents, identified

PEOPLE_PRONOUNS = {"he": "he", "she": "she", "him": "he", "her": "she"}


class Resolver(Referents):
    """Finds the actor an attribution names, remembering whom the article named last."""

    def speaker(self, sentence: Sentence, head: Any) -> tuple[Actor | None, str, str]:
        """(actor or None, the reason when it is inferred, a note for the reviewer)."""
        phrase = " ".join(t.text for t in head.subtree)
        if head.pos_ == "PRON":
            gender = PEOPLE_PRONOUNS.get(head.lower_)
            person = self._called(gender) if gender else None
            if person is not None:
                person.pronoun = gender
                reason = f'"{head.text}" is taken to be {person.name}, the last person named'
                if person is not self.last_person:
                    reason = (
                        f'"{head.text}" is taken to be {person.name}, the last "{gender}" named'
                    )
                self.last_person = person
                return person, reason, ""
            if head.lower_ == "it" and self.last_speaker and self.last_speaker.kind != "person":
                reason = f'"it" is taken to be {self.last_speaker.name}, who spoke last'
                return self.last_speaker, reason, ""
            return None, "", f'"{head.text}": no one to refer to'
        named = self._named(sentence, head)
        if named is not None:
            return named, "", ""
        found, how = self.registry.find(phrase)
        if found is not None and (head.text[:1].isupper() or found.known):
            return found, how, ""
        noun = head.lemma_.lower()
        body = self.body_named_before(head)
        if body is not None:
            return body, f'"{phrase}" is taken to be {body.name}, named before', ""
        firm = self.firm_named_before(head)
        if firm is not None:
            return firm, f'"{phrase}" is taken to be {firm.name}, the company last named', ""
        if noun in DOCUMENTS or head.lower_ in DOCUMENTS:
            source = self.source_of(sentence, head)
            if source is not None:
                self.documents[head.lower_] = source  # a later "the figures show" is theirs
                return source, f'"{phrase}" is taken to be {source.name}\'s', ""
            definite = any(c.lower_ == "the" for c in head.children)
            if definite and head.lower_ in self.documents:
                actor = self.documents[head.lower_]
                reason = f'"{phrase}" is taken to be the {head.lower_} of {actor.name} named before'
                return actor, reason, ""
            return None, "", f'"{phrase}": whose is it?'
        where = {c.lower_ for c in head.children if c.dep_ == "prep"}
        if head.tag_ == "NNS" and where <= {"in", "from", "at", "of"}:  # "Doctors' groups in two
            actor, _ = self.registry.find(phrase)
            if actor is None:
                start, end = sentence.place(_first(head), _last(head))
                actor = self.registry.add(_trimmed(sentence, head), "group", start, end)
            return actor, "", ""
        if noun in ROLE_WORDS:
            return self.role_holder(sentence, head, phrase)
        if noun in BODY and any(c.dep_ in {"poss", "compound", "amod"} for c in head.children):
            return self.unnamed(sentence, head), "", ""  # "the city's budget office"
        if noun in BODY | GROUPS | FIRMS | {"consortium"} and identified(head):
            return self.unnamed(sentence, head), "", ""  # "a consortium led by Keystone"
        generic, reason = self.registry.find_generic(phrase)
        if generic is not None:
            return generic, reason, ""
        return None, "", f'"{phrase}" names no known actor'

    def _called(self, gender: str) -> Actor | None:
        """Whom 'he' or 'she' is: the last person named, unless the article called them the
        other; then the last person it called so ('Ana Pires said ... He said' is not hers)."""
        if self.last_person is None or self.last_person.pronoun in {"", gender}:
            return self.last_person
        return next(
            (a for a in reversed(self.recent) if a.kind == "person" and a.pronoun == gender), None
        )

    def _named(self, sentence: Sentence, head: Any) -> Actor | None:
        """The actor a proper name in the subject names: the subject itself or its appositive."""
        appositive = next(
            (
                c
                for c in head.children
                if c.dep_ == "appos"
                and c.pos_ == "PROPN"
                and c.ent_type_ not in {"NORP", "DATE"}  # "Tourville, a Democrat who ..."
                and not any(d.lower_ in {"a", "an"} for d in c.children)  # "a Liberal who"
                and c.lower_.rstrip(".") not in HONORIFICS  # "Its president, Sgt. Dana Kowalski"
            ),
            None,
        )
        name_token = appositive if appositive is not None else head
        if name_token.pos_ != "PROPN":
            return None
        first, last = name_span(sentence, name_token)
        start, end = sentence.place(first, last)
        actor = self.mention(sentence, first, last)
        if actor is None:
            return None
        self.give_role(sentence, actor, title_words(sentence, head, name_token, first))
        if actor.kind == "person":
            self.last_person = actor
        del start, end
        return actor

    def note_subjects(self, sentence: Sentence) -> None:
        """Remember the last person the sentence names as the one who acts, else the last
        person it names in full ("That answer did not satisfy Councilman Victor Amari. He
        said ...")."""
        doc = sentence.doc
        subjects = [t for t in doc if t.dep_ in {"nsubj", "nsubjpass"} and t.pos_ == "PROPN"]
        for token in subjects:
            actor = self._person(sentence, token)
            if actor is not None and not actor.roles:  # "Water Minister Petra Holm opened"
                first = name_span(sentence, token)[0]
                self.give_role(sentence, actor, title_words(sentence, token, token, first))
            self.last_person = actor or self.last_person
        if subjects:
            return
        for token in reversed(doc):
            full = token.i > name_span(sentence, token)[0].i
            if token.pos_ == "PROPN" and token.dep_ in {"dobj", "pobj"} and full:
                actor = self._person(sentence, token)
                if actor is not None:
                    self.last_person = actor
                    return

    def _person(self, sentence: Sentence, token: Any) -> Actor | None:
        first, last = name_span(sentence, token)
        actor, _ = self.registry.find(sentence.doc[first.i : last.i + 1].text)
        if actor is None and token.ent_type_ == "PERSON":
            actor = self.mention(sentence, first, last)
        return actor if actor is not None and actor.kind == "person" else None


def _first(head: Any) -> Any:
    return min(head.subtree, key=lambda t: t.i)


def _last(head: Any) -> Any:
    return max(head.subtree, key=lambda t: t.i)


def _trimmed(sentence: Sentence, head: Any) -> str:
    """A group's name: its head noun with the words right before it ('Chinese officials'), and
    the words after it that tell which ('Residents of Millfield', 'Analysts polled by Reuters',
    'planning consultants advising the residents'), up to a comma; not where they are."""
    words = [t for t in head.children if t.i < head.i and t.dep_ in {"amod", "compound", "poss"}]
    words += [
        t
        for t in head.children
        if t.i > head.i and (t.dep_ == "acl" or (t.dep_ == "prep" and t.lower_ == "of"))
    ]
    words = [w for t in words for w in t.subtree]  # "Doctors' groups": the owner's mark too
    comma = next((t.i for t in words if t.i > head.i and t.text == ","), None)
    words = [t for t in words if comma is None or t.i < comma]
    return "".join(t.text_with_ws for t in sorted([*words, head], key=lambda t: t.i)).strip()
