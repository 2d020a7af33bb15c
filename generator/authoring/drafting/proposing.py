"""Which names are worth proposing as new actors: a name in capitals that acts, owns, speaks
or employs, a byline's, a masthead's or a credit line's; not a place that only locates, a
street, a title alone, a common noun's initials or a headline's words."""

from __future__ import annotations

from typing import Any

from generator.authoring.drafting.actors import BODY, COMPANY_NAMES, FIRMS, GROUPS
from generator.authoring.drafting.article import Sentence
from generator.authoring.drafting.names import DOCUMENTS, ROLE_WORDS, is_title

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


def described(sentence: Sentence, first: Any) -> str:
    """What the words before a name say it is: a person's title ('Councilman Victor Amari'), a
    company's trade ('Swiss drugmaker Valtoria Pharma'); '' when they say neither."""
    before = sentence.doc[first.i - 1] if first.i else None
    if before is None or before.dep_ not in {"compound", "amod", "nmod"}:
        return ""
    if is_title(before):
        return "PERSON"
    return "COMPANY" if before.lemma_.lower() in FIRMS or before.lower_.endswith("maker") else ""


def masthead_or_byline(sentence: Sentence, entity: Any) -> bool:
    """'By Helen Marsh | Seaboard Magazine', a line 'Riverton Gazette': who wrote, who
    published."""
    line = sentence.text.strip()
    masthead = line == entity.text and line.split()[-1].lower() in PUBLICATION_WORDS
    credits = line.startswith("(") and " by " in line  # "(Reporting by ...; Editing by ...)"
    return line.startswith("By ") or masthead or credits


def capitalised(first: Any, last: Any) -> bool:
    """A name: capitals from its first word to its last, and no '-like', '-based' after it
    ('Fentanyl-like substances', 'Oslo-based')."""
    doc = first.doc
    words = [t for t in doc[first.i : last.i + 1] if not t.is_punct and t.dep_ != "case"]
    words = [t for t in words if t.lower_ != "the"]  # "Castlebridge United's plan": owns
    after = doc[last.i + 1 : last.i + 3]
    if len(after) == 2 and after[0].text == "-" and after[1].text.islower():
        return False
    return bool(words) and words[0].text[:1].isupper() and words[-1].text[:1].isupper()


def acts_or_named(entity: Any) -> bool:
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
    if root.dep_ == "pobj" and root.head.lower_ in PLACES and not body and not employs(root):
        return False  # "a news conference in Guarda", not "an economist at Liffey University"
    if entity.label_ != "GPE":
        return True
    return entity.root.dep_ in {"nsubj", "nsubjpass", "poss"} or (
        entity.root.dep_ == "pobj" and entity.root.head.dep_ == "agent"
    )


def employs(name: Any) -> bool:
    """'chief economist at Moravia Capital', 'an analyst with Keel Partners': a job's
    employer, not a place."""
    job = name.head.head
    return (
        name.head.lower_ in {"at", "with"}
        and job.pos_ == "NOUN"
        and (job.lemma_.lower() in ROLE_WORDS or job.lower_.endswith(("ist", "er", "or", "ian")))
    )


def initialled(sentence: Sentence, last: Any) -> bool:
    window = sentence.doc[last.i + 1 : last.i + 4]
    return len(window) == 3 and window[0].text == "(" and window[1].text.isupper()


def defined_acronym(text: str, at: int, words: str) -> bool:
    """'new psychoactive substances (NPS)': initials of common words name no actor."""
    if not words.isupper() or " " in words:
        return False
    opening = text.find(f"({words})")
    if opening < 0:
        return False
    before = text[max(0, opening - 80) : opening].split()[-len(words) :]
    return all(word[:1].islower() for word in before)
