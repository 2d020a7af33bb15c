"""Names in the article's words: where a proper name starts and ends, and the title and
employer written before it ("Valtoria Chief Executive Elena Sartori" is Elena Sartori, whose
role is Chief Executive of Valtoria)."""

from __future__ import annotations

from typing import Any

from generator.authoring.drafting.actors import BODY, GROUPS
from generator.authoring.drafting.article import Sentence

# what a body or a person issues, whose words a sentence can attribute to it
DOCUMENTS = {
    "report", "summary", "notice", "forecast", "projections", "presentation", "transcript", "figures", "data", "study", "survey", "statement", "analysis", "tweet", "letter",
    "memo", "filing", "document", "poll", "review", "audit", "paper", "release", "assessment",
    "estimates", "statistics", "research", "findings", "op-ed", "article", "post", "testimony",
    "records", "tests", "results", "documents", "files", "minutes", "accounts", "filings",
}  # fmt: skip
ROLE_CLASSES = [
    {"envoy", "ambassador", "diplomat", "emissary", "consul"},
    {"official", "chief", "head", "deputy", "director", "minister", "secretary", "commissioner",
     "officer", "administrator", "chairman", "chairwoman", "chair", "chancellor", "premier"},
    {"spokesman", "spokeswoman", "spokesperson"},
    {"president", "leader", "premier", "king", "queen"},
    {"lawmaker", "senator", "congressman", "congresswoman", "representative", "legislator"},
    {"councilman", "councilwoman", "councillor", "councilor", "alderman", "alderwoman"},
    {"mayor"}, {"governor"}, {"executive", "ceo", "founder"},
    {"prosecutor", "attorney", "lawyer"}, {"sheriff"},
    {"judge"}, {"analyst"}, {"expert"}, {"researcher", "scientist", "professor"},
]  # fmt: skip
ROLE_WORDS = set().union(*ROLE_CLASSES)
HONORIFICS = {
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "prof", "sir", "dame", "sgt", "lt",
    "col", "capt", "cpl", "maj", "det", "insp", "supt", "adm", "cmdr", "rev", "hon",
}  # fmt: skip
TITLES = ROLE_WORDS | HONORIFICS


def is_title(token: Any) -> bool:
    return token.lower_.rstrip(".") in TITLES


def name_span(sentence: Sentence, token: Any) -> tuple[Any, Any]:
    """The first and last tokens of the proper name ``token`` ends, without a title before it."""
    entity = next((e for e in sentence.doc.ents if e.start <= token.i < e.end), None)
    if entity is not None and entity.label_ in {"PERSON", "ORG", "GPE", "FAC", "NORP"}:
        first, last = entity[0], entity[-1]
        owner = next((t for t in entity if t.lower_ in {"'s", "’s"} and t.i < last.i), None)
        if owner is not None:  # "China's National Narcotics Control Commission"
            first = sentence.doc[owner.i + 1]  # ("Liffey Students' Union" is one name)
        first = _after_title(entity, first)
        while first.i < last.i and (
            first.lower_ in {"the", "."} or first.tag_ == "POS" or is_title(first)
        ):
            first = sentence.doc[first.i + 1]
        bracket = next((t for t in entity if t.text == "(" and t.i > first.i), None)
        if bracket is not None:  # "Fishers Union (FU": the name stops at its initials
            last = sentence.doc[bracket.i - 1]
        place = next((t for t in entity if t.lower_ in {"in", "at"} and first.i < t.i), None)
        if place is not None and place.i <= last.i:  # "the Centre for Ocean Law in Tromsø"
            last = sentence.doc[place.i - 1]
        return first, _of_name(sentence, entity.label_, last)
    first = token
    while first.i > 0:
        before = sentence.doc[first.i - 1]
        owner = sentence.doc[first.i - 2] if first.i > 1 else None
        if before.text in {"'", "’"} and owner is not None and owner.pos_ == "PROPN":
            first = owner  # "the Riverside Tenants' Association": one name
            continue
        if before.dep_ != "compound" or before.pos_ != "PROPN" or before.head.i > token.i:
            break
        if is_title(before):
            break
        first = before
    return first, (_of_name(sentence, "", token) if first.i < token.i else token)


def _of_name(sentence: Sentence, label: str, last: Any) -> Any:
    """'the Sawbill Lake Band of Ojibwe', 'the Klamath River Council of Elders': the name of a
    band, a council or a university goes on with 'of' and a name the parser left out."""
    doc = sentence.doc
    if label not in {"ORG", ""} or last.i + 2 >= len(doc) or doc[last.i + 1].lower_ != "of":
        return last
    if last.lower_ not in BODY | GROUPS:
        return last  # "Ferncliff Copper Holdings of Perth": where the company is
    named = doc[last.i + 2]
    while named.dep_ == "compound" and named.head.i > named.i:
        named = named.head
    if named.ent_type_ in {"GPE", "LOC", "PERSON", "DATE"}:
        return last  # "Boreal Ridge Metals of Vancouver": where it is
    if named.pos_ == "PROPN" and named.dep_ == "pobj" and named.text[:1].isupper():
        return named
    return last


def _after_title(entity: Any, first: Any) -> Any:
    """'Valtoria Chief Executive Elena Sartori', 'Councilman Victor Amari': the person's name
    is the capitalised words after the last title, when there are two or more of them."""
    titles = [t for t in entity if t.i >= first.i and is_title(t)]
    if not titles:
        return first
    rest = entity.doc[titles[-1].i + 1 : entity.end]
    if len(rest) >= 2 and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in rest):
        return rest[0]
    return first


def title_words(sentence: Sentence, head: Any, name: Any, first: Any) -> list[Any]:
    """The words giving the role the subject gives a person: 'Chinese Ambassador to the U.S.
    Cui Tiankai', 'Liu Yuejin, deputy chief of ...', 'US President Donald Trump'; none when
    they hold no title."""
    if name.i != head.i:  # the subject is the title, its appositive the name
        words = [t for t in head.subtree if t.i < min(t2.i for t2 in name.subtree)]
    else:
        appositive = next((c for c in head.children if c.dep_ == "appos"), None)
        if appositive is not None and appositive.pos_ == "NOUN":
            words = list(appositive.subtree)
        else:
            words = [t for t in head.subtree if t.i < first.i and t.dep_ in {"compound", "amod"}]
    if any(t.text == "(" for t in words):  # "head of the Fishers Union (FU)"
        words = words[: next(i for i, t in enumerate(words) if t.text == "(")]
    words = [t for t in words if not t.is_punct]
    return words if {t.lower_ for t in words} & ROLE_WORDS else []


def employer_words(words: list[Any]) -> tuple[list[Any], list[Any]]:
    """A title's words split into the employer's name before it and the title itself:
    'Valtoria Chief Executive' is (Valtoria, Chief Executive)."""
    at = 0
    while at < len(words) and words[at].pos_ == "PROPN" and not is_title(words[at]):
        at += 1
    if at == 0 or at == len(words) or not words[at].text[:1].isupper():
        return [], words
    return words[:at], words[at:]
