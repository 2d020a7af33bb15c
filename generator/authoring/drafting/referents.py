"""What a common noun refers back to: 'the union' or 'the company' to the body named
before, 'the minister' to the person the article gave that title, 'the report' to whoever
released it, 'a consortium led by ...' to a body the article describes without naming."""

from __future__ import annotations

from typing import Any

from generator.authoring.drafting.actors import CLUBS, FIRMS, Actor, normal
from generator.authoring.drafting.article import Sentence
from generator.authoring.drafting.mentions import Mentions
from generator.authoring.drafting.names import DOCUMENTS, ROLE_CLASSES, ROLE_WORDS, name_span

# what else the name of a body a common noun refers to ends with: 'the hospital' after
# 'Abenaki Valley Medical Center', 'the club' after 'Castlebridge United'
CALLED = {
    "hospital": (" medical center", " medical centre", " infirmary", " clinic"),
    "club": tuple(f" {word}" for word in CLUBS),
}
SPOKESPEOPLE = {"spokesman", "spokeswoman", "spokesperson", "representative"}


class Referents(Mentions):
    """Resolves the nouns that refer to an actor named before."""

    def body_named_before(self, head: Any) -> Actor | None:
        """'the union', 'the department': the body last named whose name has this head noun
        ('International Dockworkers Union', 'Department of Transportation')."""
        if head.pos_ != "NOUN" or not any(c.lower_ in {"the", "its"} for c in head.children):
            return None
        if any(c.dep_ in {"compound", "amod"} for c in head.children):
            return None  # "the union leader", "the federal agency": another noun phrase
        word = head.lower_
        for actor in reversed(self.recent):
            words = normal(actor.name).split()
            key = words[: words.index("of")] if "of" in words else words
            if actor.kind in {"person", "group"} or not key:
                continue
            called = actor.kind != "state" and " ".join(key).endswith(CALLED.get(word, ()))
            if key[-1] == word or called:
                return actor
        return None

    def firm_named_before(self, head: Any) -> Actor | None:
        """'the company', 'the utility': the company last named, of those the article calls
        one ('Swiss drugmaker Valtoria Pharma') or whose name says so ('North Ridge Electric')."""
        if head.lemma_.lower() not in FIRMS or not any(c.lower_ == "the" for c in head.children):
            return None
        if any(c.dep_ in {"compound", "amod", "poss"} for c in head.children):
            return None  # "the parent company", "the state's largest utility": another one
        called = next((a for a in reversed(self.recent) if "company" in a.role_words), None)
        spoke = self.last_speaker  # "IP said ... The company said"
        if called is None and spoke is not None and spoke.kind == "organisation":
            return spoke
        return called

    def source_of(self, sentence: Sentence, head: Any) -> Actor | None:
        """Whose document it is: 'China's report', 'figures from the agency', 'a summary
        released by the authority'."""
        for child in head.children:
            if child.dep_ in {"poss", "compound"} and child.pos_ == "PROPN":  # "LSEG data"
                return self.mention(sentence, *name_span(sentence, child))
            if child.dep_ == "poss" and child.pos_ == "NOUN":
                return self.body_named_before(child) or self.firm_named_before(child)
            preps = [child] if child.dep_ == "prep" else []
            if child.dep_ == "relcl":  # "a statement the company released Tuesday"
                issuer = next((c for c in child.children if c.dep_ == "nsubj"), None)
                if issuer is not None and issuer.pos_ == "PROPN":
                    return self.mention(sentence, *name_span(sentence, issuer))
                if issuer is not None and issuer.pos_ == "NOUN":
                    return self.body_named_before(issuer) or self.firm_named_before(issuer)
            if child.dep_ == "acl":
                preps = [c for c in child.children if c.dep_ in {"agent", "prep"}]
            for prep in preps:
                if prep.lower_ not in {"from", "by", "of"}:
                    continue
                target = next((c for c in prep.children if c.dep_ == "pobj"), None)
                named = _named_after(target) if target is not None else None
                if named is not None:
                    target = named  # "released by the rail manager, Infraestruturas (IP)"
                if target is not None and target.pos_ == "PROPN":
                    return self.mention(sentence, *name_span(sentence, target))
                if target is not None:
                    return self.body_named_before(target)
        return None

    def role_holder(
        self, sentence: Sentence, head: Any, phrase: str
    ) -> tuple[Actor | None, str, str]:
        actor, _ = self.registry.find(phrase)
        if actor is not None:
            return actor, "", ""
        word = head.lemma_.lower()
        kin = set().union(*(c for c in ROLE_CLASSES if word in c))
        if any(c.dep_ == "prep" and c.lower_ in {"from", "at", "with"} for c in head.children):
            return self.unnamed(sentence, head), "", ""
        body = self.spoken_for(sentence, head) if word in SPOKESPEOPLE else None
        if body is not None:
            return body, f'"{phrase}", unnamed, is taken to speak for {body.name}', ""
        if any(c.lower_ in {"a", "an", "one"} for c in head.children):
            self.pending_roles.append(kin)
            return None, "", f'"{phrase}": someone the article names later?'
        holders = [a for a in self.registry.actors if a.kind == "person" and a.role_words & kin]
        named_here = [a for a in holders if a in self.recent]
        holders = named_here or holders
        exact = [a for a in holders if word in a.role_words]  # "the minister": a minister first
        holders = exact or holders
        if not holders:  # "the minister" another article calls Rachel Okafor
            holders = [a for a in [self.registry.find_generic(phrase)[0]] if a is not None]
        if self.last_person in holders:
            holder = self.last_person
        elif len(holders) == 1:
            holder = holders[0]
        else:
            return (
                None,
                "",
                f'"{phrase}": '
                + (f"one of {', '.join(a.id for a in holders)}?" if holders else "who is it?"),
            )
        self.last_person = holder  # "The minister said ... 'We will,' he said."
        return holder, f'"{phrase}" is taken to be {holder.name}, whom the article calls so', ""

    def spoken_for(self, sentence: Sentence, head: Any) -> Actor | None:
        """The body an unnamed spokesperson speaks for: 'a spokesman for the Ministry of
        Housing', or the body that acts in the words reported ('The commission urged ...,
        a spokesperson said')."""
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in {"for", "of"}):
            body = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if body is not None and body.pos_ == "PROPN":
                return self.mention(sentence, *name_span(sentence, body))
            return self.body_named_before(body) if body is not None else None
        if any(c.dep_ in {"compound", "poss", "amod"} for c in head.children):
            return None  # "a bureau spokesperson": whose bureau the reviewer knows
        said = head.head
        for clause in (c for c in said.children if c.dep_ == "ccomp"):
            acting = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if acting is not None and acting.pos_ == "PROPN":
                actor = self.mention(sentence, *name_span(sentence, acting), propose=False)
                if actor is not None and actor.kind not in {"person", "group"}:
                    return actor
        return None

    def unnamed(self, sentence: Sentence, head: Any) -> Actor:
        """'an official from the agency', 'the city's budget office': someone the article does
        not name, proposed as a new actor by its words."""
        words = sorted(head.subtree, key=lambda t: t.i)
        cut = next((t for t in words if t.i > head.i and t.text in {"(", ","}), None)
        if cut is not None:  # "..., which represents the six towns": a description
            words = [t for t in words if t.i < cut.i]
        # "led by U.S.-based Keystone", "Oslo-based": where it is, not who
        based = {t.i for t in words if t.lower_.endswith("-based")}
        for t in words:
            if t.lower_ == "based" and t.i > 1 and t.nbor(-1).text == "-":
                based |= {t.i - 2, t.i - 1, t.i}
        words = [t for t in words if t.i not in based]
        words = [t for t in words if not t.is_punct or t.text in {".", "-"}]
        start, end = sentence.place(words[0], words[-1])
        name = "".join(t.text_with_ws for t in words).strip()
        actor, _ = self.registry.find(name)
        if head.tag_ == "NNS":
            kind = "group"
        elif head.lemma_.lower() in ROLE_WORDS:
            kind = "person"
        else:
            kind = self.registry.kind_of(name, "ORG")
        return actor or self.registry.add(name, kind, start, end)

    def note_documents(self, sentence: Sentence, actor: Actor) -> None:
        """'In its annual report, China says ...': a later 'the report' is China's."""
        for token in sentence.doc:
            if token.lower_ not in DOCUMENTS or token.pos_ != "NOUN":
                continue
            owner = next((c for c in token.children if c.dep_ == "poss"), None)
            if owner is not None and owner.pos_ == "PRON":
                self.documents[token.lower_] = actor
            elif owner is not None and owner.pos_ == "NOUN":
                body = self.body_named_before(owner) or self.firm_named_before(owner)
                if body is actor:  # "according to the university's annual statement"
                    self.documents[token.lower_] = actor
            elif owner is not None and owner.pos_ == "PROPN":
                found, _ = self.registry.find(sentence.doc[slice(*_bounds(sentence, owner))].text)
                if found is not None:
                    self.documents[token.lower_] = found

    def holder_of(self, kin: set[str]) -> Actor | None:
        """The one new person of this article given a role of this kind, if only one is."""
        holders = [a for a in self.registry.actors if not a.known and a.role_words & kin]
        return holders[0] if len(holders) == 1 else None


def identified(head: Any) -> bool:
    """'The association of municipalities of the Coa valley', 'a consortium led by Keystone
    Rail Systems': a body the words after its noun tell apart from any other."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return True
        if child.dep_ == "acl" and any(c.dep_ == "agent" for c in child.children):
            return True
    return False


def _bounds(sentence: Sentence, token: Any) -> tuple[int, int]:
    first, last = name_span(sentence, token)
    return first.i, last.i + 1


def _named_after(noun: Any) -> Any | None:
    """The proper name set off after a common noun ('the rail manager, Infraestruturas de
    Portugal (IP)'): its appositive, or, where the parser hung the name elsewhere, the name
    right after the comma."""
    if noun.pos_ != "NOUN":
        return None
    named = next((c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    doc = noun.doc
    if named is None and noun.i + 2 < len(doc) and doc[noun.i + 1].text == ",":
        first = doc[noun.i + 2]
        entity = next((e for e in doc.ents if e.start == first.i), None)
        if entity is not None and entity.label_ in {"PERSON", "ORG"}:
            named = entity[-1]
    return named
