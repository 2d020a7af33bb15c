"""Who the article names: each person, body and publication it names, found among the
briefing's actors or proposed as new (with initials, titles and employers), remembered in the
order named. A name the parser finds is proposed only when it names an actor: a headline's
words, a place that only locates, a common noun or a title alone do not."""

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
    DOCUMENTS,
    ROLE_WORDS,
    employer_words,
    is_title,
    name_span,
)

NAMED = {"PERSON", "ORG", "GPE"}
# what a body's name before a noun says, asks or sends ("a White House tweet", "a CNN question")
SPOKEN = {"question", "interview", "video", "request", "appeal", "call", "spokesperson",
          "spokesman", "spokeswoman", "officials", "source", "sources", "website", "account"}  # fmt: skip
# the last word of a newspaper's or a magazine's name, on a line of its own
PUBLICATION_WORDS = {
    "gazette", "post", "times", "herald", "courier", "news", "journal", "magazine", "tribune",
    "review", "chronicle", "wire", "press", "daily", "star", "observer", "telegraph", "record",
    "standard", "mail", "express", "bulletin", "ledger", "dispatch", "examiner", "inquirer",
    "register", "sentinel", "monitor", "globe", "mirror", "reporter", "weekly", "today",
}  # fmt: skip
# the last word of a street's or a ground's name: a place, whatever it does in the sentence
STREETS = {"lane", "road", "street", "avenue", "fields", "square", "drive", "boulevard",
           "terrace", "crescent", "close", "way", "row", "place"}  # fmt: skip
PLACES = {"in", "at", "near", "between", "outside", "across", "around", "throughout", "within"}


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
            if entity.start <= named_in or _defined_acronym(
                text, sentence.start + entity.start_char, entity.text
            ):
                continue
            propose = _acts_or_named(entity) and (
                not sentence.is_heading or _masthead_or_byline(sentence, entity)
            )  # a headline's words name no one the body does not name again
            first, last = name_span(sentence, entity.root)
            actor = self.mention(sentence, first, last, propose=propose)
            named_in = last.i
            if actor is not None and _employs(entity.root):  # "economist at Danube Bank":
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
        if new and not (propose and _capitalised(first, last)):
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
            if label == "PERSON" and _initialled(sentence, last):
                label = "ORG"  # "Infraestruturas de Portugal (IP)": a person has no initials
            acts = last.dep_ in {"nsubj", "nsubjpass"}  # a place that speaks is no place
            short = self._shortened(words) if label != "GPE" or acts else None
            if short is not None:
                self.registry.alias(short, words, start, end)
                self._named_now(short)
                return short
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
    masthead = line == entity.text and line.split()[-1].lower() in PUBLICATION_WORDS
    credits = line.startswith("(") and " by " in line  # "(Reporting by ...; Editing by ...)"
    return line.startswith("By ") or masthead or credits


def _capitalised(first: Any, last: Any) -> bool:
    """A name: capitals from its first word to its last, and no '-like', '-based' after it
    ('Fentanyl-like substances', 'Oslo-based')."""
    doc = first.doc
    words = [t for t in doc[first.i : last.i + 1] if not t.is_punct and t.dep_ != "case"]
    words = [t for t in words if t.lower_ != "the"]  # "Castlebridge United's plan": owns
    after = doc[last.i + 1 : last.i + 3]
    if len(after) == 2 and after[0].text == "-" and after[1].text.islower():
        return False
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
    if root.dep_ in {"compound", "nmod", "amod"} and root.head.pos_ == "NOUN" and not said:
        return False  # "the Alto Coa railway line", "your Social Security number"
    body = {t.lower_ for t in words} & (BODY | GROUPS | FIRMS | COMPANY_NAMES)
    if root.dep_ == "pobj" and root.head.lower_ in PLACES and not body and not _employs(root):
        return False  # "a news conference in Guarda", not "an economist at Liffey University"
    if entity.label_ != "GPE":
        return True
    return entity.root.dep_ in {"nsubj", "nsubjpass", "poss"} or (
        entity.root.dep_ == "pobj" and entity.root.head.dep_ == "agent"
    )


def _employs(name: Any) -> bool:
    """'chief economist at Moravia Capital', 'an analyst with Keel Partners': a job's
    employer, not a place."""
    job = name.head.head
    return (
        name.head.lower_ in {"at", "with"}
        and job.pos_ == "NOUN"
        and (job.lemma_.lower() in ROLE_WORDS or job.lower_.endswith(("ist", "er", "or", "ian")))
    )


def _initialled(sentence: Sentence, last: Any) -> bool:
    window = sentence.doc[last.i + 1 : last.i + 4]
    return len(window) == 3 and window[0].text == "(" and window[1].text.isupper()


def _defined_acronym(text: str, at: int, words: str) -> bool:
    """'new psychoactive substances (NPS)': initials of common words name no actor."""
    if not words.isupper() or " " in words:
        return False
    opening = text.find(f"({words})")
    if opening < 0:
        return False
    before = text[max(0, opening - 80) : opening].split()[-len(words) :]
    return all(word[:1].islower() for word in before)
