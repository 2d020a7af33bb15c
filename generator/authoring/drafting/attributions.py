"""Attributions in a sentence: reporting verbs ("said", "praised", 'called ... "..."'),
"according to", inverted attributions (", the chairwoman, Delia Okafor, announced"), and
"..., adding that ..." as a claim of its own. Who each one names is the resolver's job."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.authoring.drafting.article import Article, Sentence

REPORTING = {
    "say", "add", "write", "tell", "argue", "stress", "note", "warn", "claim", "insist",
    "announce", "state", "explain", "continue", "reiterate", "highlight", "point", "list",
    "accuse", "deny", "reject", "acknowledge", "admit", "predict", "suggest", "confirm",
    "testify", "emphasize", "emphasise", "assert", "contend", "maintain", "observe", "remark",
    "report", "reply", "respond", "counter", "caution", "complain", "recall", "conclude",
    "hit", "brush", "tweet", "indicate", "reveal", "disclose", "find", "show",
    "estimate", "label", "blame", "dismiss", "describe", "outline", "detail", "believe",
    "dispute", "question", "criticize", "criticise", "welcome", "defend",
    "praise", "applaud", "hail", "laud", "condemn", "decry", "slam", "blast", "lament",
    "concede", "recount", "allege", "apologise", "apologize", "thank", "urge",
    "promise", "pledge", "vow", "assure", "ask",
}  # fmt: skip
# words only when they report a clause ("tests found that ...", "recalled that ..."): "tests
# found bacteria", "is recalling 46 batches" report a finding or an act
CLAUSAL = {"recall", "find", "show", "reveal", "indicate", "conclude", "believe", "suggest",
           "assure"}  # fmt: skip
# a clause of circumstance reports when something happened, not who said it: "after tests
# found bacteria"
CIRCUMSTANCE = {"after", "before", "when", "because", "since", "until", "while", "once", "though",
                "although"}  # fmt: skip
NAMING = {"call", "term", "dub"}  # 'called the deal "a betrayal"': words in quotation marks
PLEDGING = {"promise", "pledge", "vow"}
MODALS = {"will", "would", "could", "should", "may", "might", "can", "must", "'ll", "wo"}
LISTING = {"list", "outline", "detail", "enumerate"}


@dataclass
class Attribution:
    verb: Any  # the reporting verb's token, or "according"
    subject: Any  # the head of the phrase naming the speaker
    start: int  # the claim's words in the article
    end: int
    listing: bool = False  # "X listed the efforts:": the sentences after it are X's
    added: bool = False  # "..., adding that ...": a claim of its own


def attributions(sentence: Sentence, article: Article) -> list[Attribution]:
    found: list[Attribution] = []
    for token in sentence.doc:
        subject = _speaker_phrase(sentence, token, article)
        if subject is None or (_inside_words(token, found) and not _urged_after(token)):
            continue
        at = sentence.place(token)[0]
        if article.in_speech(at) and subject.pos_ == "PRON":
            continue  # "we reject ..." inside the speaker's own words
        ends = sentence.text.rstrip().endswith(":")
        colon = ":" in sentence.text[token.idx :]
        if token.lemma_ in LISTING and not colon:
            continue  # "China listed 138 substances as controlled": an action, not words
        listing = ends and (token.lemma_ in LISTING or token.dep_ == "ROOT")
        start, end = sentence.start, sentence.end
        if token.dep_ == "relcl" and subject is not token.sent.root:
            # "cut its quota by 10%, a gesture that Oslo dismissed as too small": Oslo's
            # words are about the gesture; the rest is the reporter's
            start, end = sentence.place(min(token.head.subtree, key=lambda t: t.i),
                                        max(token.head.subtree, key=lambda t: t.i))  # fmt: skip
        found.append(Attribution(token, subject, start, end, listing))
    return _split_additions(sentence, found)


def _speaker_phrase(sentence: Sentence, token: Any, article: Article) -> Any | None:
    """The head of the phrase naming who speaks, when ``token`` attributes words."""
    if token.lower_ == "according" and token.i + 1 < len(sentence.doc):
        after = sentence.doc[token.i + 1]
        return next((c for c in after.children if c.dep_ == "pobj"), None)
    if token.pos_ != "VERB" or token.lemma_ not in REPORTING | NAMING:
        return None
    if any(c.dep_ == "aux" and c.lower_ in MODALS for c in token.children):
        return None  # "the board would respond": what someone may do, not what they said
    if token.lemma_ in NAMING and not (
        _names_in_quotes(sentence, token, article) or _calls_on(token)
    ):
        return None
    if token.lemma_ in CLAUSAL and not any(c.dep_ == "ccomp" for c in token.children):
        return None
    if token.lemma_ in PLEDGING and not any(c.dep_ in {"ccomp", "xcomp"} for c in token.children):
        return None  # "promised that ...", "pledged to pay ...": words; "a pledged sum" not
    if token.lemma_ == "ask" and not _asks_for(token):
        return None
    if token.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in CIRCUMSTANCE for c in token.children
    ):
        return None
    if token.lemma_ in {"hit", "brush"} and not any(c.dep_ == "prt" for c in token.children):
        return None
    subject = _subject(token)
    if _urged_after(token):
        subject = _subject(token.head.head)
    root = token.sent.root
    if token.dep_ == "relcl" and root.pos_ == "PROPN" and (subject is None or subject.i > root.i):
        # "Paul Henriksen, a negotiator who advises a group that certifies fisheries, said":
        # the parser hung "said" on the last noun; the name the sentence opens with speaks
        return root
    inverted = (
        token.dep_ == "acl"
        and token.tag_ in {"VBD", "VBN"}
        and token.head.pos_ in {"NOUN", "PROPN"}
        and not any(c.dep_ == "agent" for c in token.children)
    )
    if subject is None and inverted:
        return token.head  # ", the authority's chairwoman, Delia Okafor, announced"
    return subject


def _asks_for(verb: Any) -> bool:
    """'asked the WHO for help', 'asked the council to delay the vote': a request, in words
    ('asked about the delay' reports a question, which the answer gives)."""
    asked = any(c.dep_ == "dobj" for c in verb.children)
    wants = any(
        c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "for") for c in verb.children
    )
    return asked and wants


def _calls_on(verb: Any) -> bool:
    """'called on IP to publish a timetable', 'called for talks': an urging, in words."""
    return verb.lemma_ == "call" and any(
        c.dep_ in {"prep", "prt"} and c.lower_ in {"on", "for"} for c in verb.children
    )


def _urged_after(verb: Any) -> bool:
    """'X said the closure was worth it and called on IP to ...': the parser joins the urging
    to the reported clause, but it is the speaker's second act of speech."""
    head = verb.head
    adding = verb.lemma_ == "add" and verb.tag_ == "VBG" and verb.dep_ == "advcl"
    return (
        (verb.lemma_ == "urge" or _calls_on(verb) or adding)  # "..., adding that ..." too
        and verb.dep_ in {"conj", "advcl"}
        and not any(c.dep_ == "nsubj" for c in verb.children)
        and head.dep_ == "ccomp"
        and head.head.lemma_ in REPORTING
    )


def _names_in_quotes(sentence: Sentence, verb: Any, article: Article) -> bool:
    """'called the deal "a betrayal ..."': the verb names something in quoted words."""
    named = [c for c in verb.children if c.dep_ in {"oprd", "xcomp", "attr"}]
    return any(article.in_speech(sentence.place(t)[0]) for c in named for t in c.subtree)


def _inside_words(verb: Any, found: list[Attribution]) -> bool:
    """A reporting verb within the words another attribution reports ("said the board would
    respond"), not an attribution of its own."""
    for attribution in found:
        if not hasattr(attribution.verb, "children"):
            continue
        for child in attribution.verb.children:
            if child.dep_ in {"ccomp", "xcomp"} and verb in child.subtree:
                return True
    return False


def _subject(verb: Any) -> Any | None:
    # "'..., half of them cannot buy a ticket,' Mr Marsh said": the parser may take the
    # quotation before the attribution for a second subject; the speaker stands by the verb
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    own = min(subjects, key=lambda c: abs(verb.i - c.i)) if subjects else _set_off(verb)
    if own is not None or verb.dep_ not in {"advcl", "conj", "xcomp"}:
        return own
    return _subject(verb.head) if verb.head is not verb else None


def _set_off(verb: Any) -> Any | None:
    """'the Liberal Democrats, whose group leader, Councillor Sunita Bains, said': a person's
    name set off by commas right before a verb the parser left without a subject."""
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    name = doc[verb.i - 2]
    if name.pos_ == "PROPN" and name.ent_type_ == "PERSON" and name.dep_ == "appos":
        return name
    return None


def _split_additions(sentence: Sentence, found: list[Attribution]) -> list[Attribution]:
    """ "X said A, adding that B", "X said A and urged B": two claims, A and B. Other attributions of one speaker in a
    sentence ("hit back at ..., arguing that ...") stay one claim."""
    kept: list[Attribution] = []
    for attribution in found:
        verb = attribution.verb
        same = [k for k in kept if k.subject == attribution.subject]
        urges = verb.lemma_ == "urge" or _calls_on(verb)  # "said ... and called on IP to"
        if (verb.lemma_ == "add" or urges) and verb.dep_ in {"advcl", "conj"} and same:
            cut = sentence.place(verb)[0]
            for earlier in same:
                earlier.end = min(earlier.end, cut)
            attribution.start = cut
            attribution.added = True
            kept.append(attribution)
        elif not same:
            kept.append(attribution)
    return kept
