"""Who speaks: the actor an attribution names, through names, appositives, pronouns, role
nouns, bodies named before and the documents already named."""

from __future__ import annotations

from typing import Any

from generator.authoring.drafting.actors import (
    BODY,
    COMPANY_NAMES,
    FIRMS,
    GROUPS,
    Actor,
    Registry,
    Role,
    is_company,
    normal,
)
from generator.authoring.drafting.article import Sentence
from generator.authoring.drafting.names import (
    HONORIFICS,
    ROLE_CLASSES,
    ROLE_WORDS,
    employer_words,
    is_title,
    name_span,
    title_words,
)

DOCUMENTS = {
    "report", "summary", "notice", "forecast", "projections", "presentation", "transcript", "figures", "data", "study", "survey", "statement", "analysis", "tweet", "letter",
    "memo", "filing", "document", "poll", "review", "audit", "paper", "release", "assessment",
    "estimates", "statistics", "research", "findings", "op-ed", "article", "post", "testimony",
    "records", "tests", "results", "documents", "files", "minutes", "accounts", "filings",
}  # fmt: skip
NAMED = {"PERSON", "ORG", "GPE"}
# what a body's name before a noun says, asks or sends ("a White House tweet", "a CNN question")
SPOKEN = {"question", "interview", "video", "request", "appeal", "call", "spokesperson",
          "spokesman", "spokeswoman", "officials", "source", "sources", "website", "account"}  # fmt: skip
PLACES = {"in", "at", "near", "between", "outside", "across", "around", "throughout", "within"}
PEOPLE_PRONOUNS = {"he": "he", "she": "she", "him": "he", "her": "she"}


class Resolver:
    """Finds the actor an attribution names, remembering whom the article named last."""

    def __init__(self, registry: Registry):
        self.registry = registry
        self.last_person: Actor | None = None
        self.documents: dict[str, Actor] = {}  # "report" -> whose report it is
        self.pending_roles: list[set[str]] = []  # "A top official said": named later?
        self.recent: list[Actor] = []  # the actors the article has named, the last one last
        self.last_speaker: Actor | None = None  # whom the last attribution named

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
            source = self._source_of(sentence, head)
            if source is not None:
                self.documents[head.lower_] = source  # a later "the figures show" is theirs
                return source, f'"{phrase}" is taken to be {source.name}\'s', ""
            definite = any(c.lower_ == "the" for c in head.children)
            if definite and head.lower_ in self.documents:
                actor = self.documents[head.lower_]
                reason = f'"{phrase}" is taken to be the {head.lower_} of {actor.name} named before'
                return actor, reason, ""
            return None, "", f'"{phrase}": whose is it?'
        if head.tag_ == "NNS" and not any(c.dep_ == "prep" for c in head.children):
            actor, _ = self.registry.find(phrase)
            if actor is None:
                start, end = sentence.place(_first(head), _last(head))
                actor = self.registry.add(_trimmed(sentence, head), "group", start, end)
            return actor, "", ""
        if noun in ROLE_WORDS:
            return self.role_holder(sentence, head, phrase)
        if noun in BODY and any(c.dep_ in {"poss", "compound", "amod"} for c in head.children):
            return self._unnamed(sentence, head), "", ""  # "the city's budget office"
        if noun in BODY | GROUPS | FIRMS | {"consortium"} and _identified(head):
            return self._unnamed(sentence, head), "", ""  # "a consortium led by Keystone"
        return None, "", f'"{phrase}" names no known actor'

    def _called(self, gender: str) -> Actor | None:
        """Whom 'he' or 'she' is: the last person named, unless the article called them the
        other; then the last person it called so ('Ana Pires said ... He said' is not hers)."""
        if self.last_person is None or self.last_person.pronoun in {"", gender}:
            return self.last_person
        return next(
            (a for a in reversed(self.recent) if a.kind == "person" and a.pronoun == gender), None
        )

    def see(self, sentence: Sentence, text: str) -> None:
        """Every person, body and state the sentence names: known ones noted, new ones
        proposed, each remembered as the last named (for 'the union', 'the department')."""
        for entity in sentence.doc.ents:
            if entity.label_ not in NAMED or any(c.isdigit() for c in entity.text):
                continue
            if _defined_acronym(text, sentence.start + entity.start_char, entity.text):
                continue
            propose = _acts_or_named(entity) and (
                not sentence.is_heading or _masthead_or_byline(sentence, entity)
            )  # a headline's words name no one the body does not name again
            self.mention(sentence, *name_span(sentence, entity.root), propose=propose)

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
            if actor.kind not in {"person", "group"} and key and key[-1] == word:
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

    def _named(self, sentence: Sentence, head: Any) -> Actor | None:
        """The actor a proper name in the subject names: the subject itself or its appositive."""
        appositive = next(
            (
                c
                for c in head.children
                if c.dep_ == "appos"
                and c.pos_ == "PROPN"
                and c.ent_type_ not in {"NORP", "DATE"}  # "Tourville, a Democrat who ..."
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
        self._give_role(sentence, actor, title_words(sentence, head, name_token, first))
        if actor.kind == "person":
            self.last_person = actor
        del start, end
        return actor

    def _give_role(self, sentence: Sentence, actor: Actor, words: list[Any]) -> None:
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

    def mention(
        self, sentence: Sentence, first: Any, last: Any, propose: bool = True
    ) -> Actor | None:
        """The actor that the words from ``first`` to ``last`` name, added when new (and
        ``propose``)."""
        words = sentence.doc[first.i : last.i + 1].text
        start, end = sentence.place(first, last)
        actor, how = self.registry.find(words)
        new = actor is None
        if new and not (propose and _capitalised(first, last)):
            return None  # "mackerel alone brought in ...": no name
        if new:
            label = next((e.label_ for e in sentence.doc.ents if e.start <= last.i < e.end), "")
            if label not in {"PERSON", "ORG", "GPE", ""}:
                return None
            if not label:
                person = last.ent_type_ == "PERSON" or last.i > first.i
                label = "ORG" if last.lower_ in BODY | GROUPS or not person else "PERSON"
            if label == "PERSON" and _initialled(sentence, last):
                label = "ORG"  # "Infraestruturas de Portugal (IP)": a person has no initials
            described = _described(sentence, first)
            actor = self.registry.add(
                words, self.registry.kind_of(words, described or label), start, end
            )
            if described == "COMPANY" or is_company(words):
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

    def _source_of(self, sentence: Sentence, head: Any) -> Actor | None:
        """Whose document it is: 'China's report', 'figures from the agency', 'a summary
        released by the authority'."""
        for child in head.children:
            if child.dep_ == "poss" and child.pos_ == "PROPN":
                return self.mention(sentence, *name_span(sentence, child))
            if child.dep_ == "poss" and child.pos_ == "NOUN":
                return self.body_named_before(child) or self.firm_named_before(child)
            preps = [child] if child.dep_ == "prep" else []
            if child.dep_ == "acl":
                preps = [c for c in child.children if c.dep_ in {"agent", "prep"}]
            for prep in preps:
                if prep.lower_ not in {"from", "by", "of"}:
                    continue
                target = next((c for c in prep.children if c.dep_ == "pobj"), None)
                named = (
                    next((c for c in target.children if c.dep_ == "appos"), None)
                    if (target is not None and target.pos_ == "NOUN")
                    else None
                )
                if named is not None and named.pos_ == "PROPN":
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
            return self._unnamed(sentence, head), "", ""
        if any(c.lower_ in {"a", "an", "one"} for c in head.children):
            self.pending_roles.append(kin)
            return None, "", f'"{phrase}": someone the article names later?'
        holders = [a for a in self.registry.actors if a.kind == "person" and a.role_words & kin]
        named_here = [a for a in holders if a in self.recent]
        holders = named_here or holders
        exact = [a for a in holders if word in a.role_words]  # "the minister": a minister first
        holders = exact or holders
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

    def _unnamed(self, sentence: Sentence, head: Any) -> Actor:
        """'an official from the agency', 'the city's budget office': someone the article does
        not name, proposed as a new actor by its words."""
        words = sorted(head.subtree, key=lambda t: t.i)
        cut = next((t for t in words if t.i > head.i and t.text in {"(", ","}), None)
        if cut is not None:  # "..., which represents the six towns": a description
            words = [t for t in words if t.i < cut.i]
        # "led by U.S.-based Keystone": where it is, not who
        words = [t for t in words if not t.lower_.endswith("-based")]
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

    def note_subjects(self, sentence: Sentence) -> None:
        """Remember the last person the sentence names as the one who acts, else the last
        person it names in full ("That answer did not satisfy Councilman Victor Amari. He
        said ...")."""
        doc = sentence.doc
        subjects = [t for t in doc if t.dep_ in {"nsubj", "nsubjpass"} and t.pos_ == "PROPN"]
        for token in subjects:
            actor = self._person(sentence, token)
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


def _described(sentence: Sentence, first: Any) -> str:
    """What the words before a name say it is: a person's title ('Councilman Victor Amari'), a
    company's trade ('Swiss drugmaker Valtoria Pharma'); '' when they say neither."""
    before = sentence.doc[first.i - 1] if first.i else None
    if before is None or before.dep_ not in {"compound", "amod", "nmod"}:
        return ""
    if is_title(before):
        return "PERSON"
    return "COMPANY" if before.lemma_.lower() in FIRMS or before.lower_.endswith("maker") else ""


def _masthead_or_byline(sentence: Sentence, entity: Any) -> bool:
    """'By Helen Marsh | Seaboard Magazine', a line 'Riverton Gazette': who wrote, who
    published."""
    line = sentence.text.strip()
    return line.startswith("By ") or line == entity.text


def _capitalised(first: Any, last: Any) -> bool:
    doc = first.doc
    words = [t for t in doc[first.i : last.i + 1] if not t.is_punct and t.lower_ != "the"]
    return bool(words) and words[0].text[:1].isupper() and words[-1].text[:1].isupper()


def _acts_or_named(entity: Any) -> bool:
    """Whether a name the parser found is worth proposing as an actor when no one speaks
    through it: a name in capitals from its first word to its last ('fentanyl', 'Greenvale
    hospital' and 'volumes at Harwick' are not), no title alone ('Sgt'), and a place only
    when it acts or owns ('Norway banned', 'Norway's ban'; not 'talks in Bergen', 'a
    Copenhagen-based group')."""
    words = [t for t in entity if not t.is_punct and t.lower_ not in {"the", "'s", "’s"}]
    if not words or not (words[0].text[:1].isupper() and words[-1].text[:1].isupper()):
        return False
    if len(words) == 1 and is_title(words[0]):
        return False
    root = entity.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head  # "between Guarda and Pinhel"
    said = root.head.lower_ in DOCUMENTS | ROLE_WORDS | SPOKEN  # "a CNN question"
    if root.dep_ == "compound" and root.head.pos_ == "NOUN" and not said:
        return False  # "the Alto Coa railway line", "your Social Security number"
    body = {t.lower_ for t in words} & (BODY | GROUPS | FIRMS | COMPANY_NAMES)
    if root.dep_ == "pobj" and root.head.lower_ in PLACES and not body:
        return False  # "a news conference in Guarda", not "an economist at Liffey University"
    if entity.label_ != "GPE":
        return True
    return entity.root.dep_ in {"nsubj", "nsubjpass", "poss"} or (
        entity.root.dep_ == "pobj" and entity.root.head.dep_ == "agent"
    )


def _initialled(sentence: Sentence, last: Any) -> bool:
    window = sentence.doc[last.i + 1 : last.i + 4]
    return len(window) == 3 and window[0].text == "(" and window[1].text.isupper()


def _identified(head: Any) -> bool:
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


def _first(head: Any) -> Any:
    return min(head.subtree, key=lambda t: t.i)


def _last(head: Any) -> Any:
    return max(head.subtree, key=lambda t: t.i)


def _trimmed(sentence: Sentence, head: Any) -> str:
    """A group's name: its head noun with the words right before it ('Chinese officials')."""
    words = [t for t in head.subtree if t.i <= head.i and t.dep_ in {"amod", "compound"}]
    return " ".join(t.text for t in [*words, head])


def _defined_acronym(text: str, at: int, words: str) -> bool:
    """'new psychoactive substances (NPS)': initials of common words name no actor."""
    if not words.isupper() or " " in words:
        return False
    opening = text.find(f"({words})")
    if opening < 0:
        return False
    before = text[max(0, opening - 80) : opening].split()[-len(words) :]
    return all(word[:1].islower() for word in before)
