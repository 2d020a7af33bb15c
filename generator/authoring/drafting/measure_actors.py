"""Who acts in a measure, from the words naming it: a name, a body named before ("the
council"), a role ("the mayor"), "we" or "our" (the side of the one whose words they are),
"it" (the noun before it, else the organisation last named) and "which" (the noun it follows)."""

from __future__ import annotations

import re
from typing import Any

from generator.authoring.drafting.actors import Actor
from generator.authoring.drafting.article import Sentence
from generator.authoring.drafting.names import ROLE_WORDS, name_span
from generator.authoring.drafting.speakers import Resolver

WE = {"we", "us", "our", "i", "me", "my"}
IT = {"it", "its"}
RELATIVE = {"which", "that", "who"}
_STOP = re.compile(r"^(?:the|a|an|its|their|his|her)\s+", re.IGNORECASE)


def head_subject(verb: Any) -> Any:
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


class Actors:
    """The actors the words of one sentence name, with the reasons for those inferred."""

    def __init__(self, sentence: Sentence, speaker: Actor | None, resolver: Resolver):
        self.sentence = sentence
        self.speaker = speaker
        self.resolver = resolver
        self.reasons: dict[str, str] = {}

    def noun(self, token: Any | None) -> Any | None:
        """The noun a pronoun stands for, or the token itself."""
        if token is None or token.pos_ != "PRON":
            return token
        if token.lower_ in RELATIVE:
            verb = token.head
            while verb.dep_ not in {"relcl", "ROOT"}:
                verb = verb.head
            return verb.head if verb.dep_ == "relcl" else None
        if token.lower_ in IT:
            nouns = [
                t
                for t in self.sentence.doc[: token.i]
                if t.dep_ in {"nsubj", "nsubjpass"} and t.pos_ in {"NOUN", "PROPN"}
            ]
            return nouns[-1] if nouns else None
        return None

    def id_of(self, token: Any | None) -> str:
        """The id of the actor ``token`` names, or TODO."""
        if token is None:
            return "TODO"
        if token.pos_ == "PRON" and token.lower_ in WE:
            return self._ours(token)
        noun = self.noun(token)
        if noun is None and token.lower_ in IT:
            return self._last_body(token)
        if noun is None:
            return "TODO"
        actor = self._actor(noun)
        if actor is None:
            return "TODO"
        if noun is not token:
            self.reasons[actor.id] = f'"{token.text}" is taken to be {actor.name}, named before it'
        return actor.id

    def _actor(self, token: Any) -> Actor | None:
        if token.pos_ == "PROPN":
            return self.resolver.mention(self.sentence, *name_span(self.sentence, token))
        phrase = _STOP.sub("", " ".join(t.text for t in token.subtree))
        found, _ = self.resolver.registry.find(phrase)
        if found is not None:
            return found
        body = self.resolver.body_named_before(token)
        if body is not None:
            self.reasons[body.id] = f'"{phrase}" is taken to be {body.name}, named before'
            return body
        if token.lemma_.lower() in ROLE_WORDS and token.tag_ == "NN":
            holder, reason, _ = self.resolver.role_holder(self.sentence, token, phrase)
            if holder is not None:
                self.reasons[holder.id] = reason
            return holder
        generic, reason = self.resolver.registry.find_generic(phrase)
        if generic is not None:
            self.reasons[generic.id] = reason
        return generic

    def _ours(self, token: Any) -> str:
        if self.speaker is None:
            return "TODO"
        self.reasons[self.speaker.id] = (
            f'"{token.text}" in the words of {self.speaker.name}: taken to be their side'
        )
        return self.speaker.id

    def _last_body(self, token: Any) -> str:
        bodies = [a for a in self.resolver.recent if a.kind not in {"person", "group"}]
        if not bodies:
            return "TODO"
        body = bodies[-1]
        self.reasons[body.id] = f'"{token.text}" is taken to be {body.name}, the body last named'
        return body.id
