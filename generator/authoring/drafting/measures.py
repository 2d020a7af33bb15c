"""Measures: actions taken, announced, agreed or urged, with who acts, who urges, and the
status the modality and tense give ("should" urged, "will" announced, "started" in effect)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from generator.authoring.drafting.article import Article, Sentence
from generator.authoring.drafting.attributions import LISTING
from generator.authoring.drafting.claims import Claim
from generator.authoring.drafting.measure_actors import Actors, head_subject
from generator.authoring.drafting.speakers import Resolver
from generator.authoring.drafting.statuses import PROMISING, STARTING, URGING, status_of

KINDS = {
    "scheduling": {"list", "schedule", "control", "ban", "outlaw", "prohibit", "bar"},
    "legislation": {"sign", "pass", "enact", "legislate", "veto", "amend", "approve", "repeal", "vote",
                    "adopt", "ratify"},
    "regulation": {"regulate", "formulate", "require", "issue", "order", "impose", "restrict",
                   "tighten", "follow", "introduce", "lift", "suspend", "sanction", "rule",
                   "block", "license", "permit", "raise", "reverse", "revoke"},
    "enforcement": {"arrest", "crack", "prosecute", "seize", "investigate", "strengthen",
                    "punish", "raid", "charge", "extradite", "attack", "launch", "fight", "combat",
                    "sue", "fine", "indict", "convict"},
    "inspection": {"inspect", "screen", "intercept", "check", "search", "monitor", "conduct",
                   "audit"},
    "declaration": {"declare"},
    "agreement": {"agree", "cooperate", "bolster", "extend", "lease", "invest", "guarantee"},
    "prevention": {"prevent", "reduce", "suppress", "curb", "end", "stem", "educate"},
    "treatment": {"treat", "help", "assist"},
    "other": {"establish", "set", "build", "create", "fund", "deploy", "expand",
              "implement", "make", "speed", "step", "open", "close", "cut", "eliminate", "trim",
              "delay", "postpone", "restore", "draw", "freeze", "withhold", "hold", "offer",
              "hire", "lay", "spend", "allocate", "award", "grant", "sell", "buy", "acquire",
              "reopen", "shut", "demolish", "relocate", "merge", "recall", "withdraw",
              "halt", "stop", "pause", "resume", "refund", "reimburse", "compensate", "waive",
              "exempt", "provide", "file", "reschedule", "cancel", "evacuate", "pull",
              "complete", "reset", "pay", "notify", "replace", "survey"},
}  # fmt: skip
POLICY = set().union(*KINDS.values())
NEEDS_OBJECT = {"make", "set", "step", "speed", "hold", "lay"}  # "set up a task force", "hold back"
# a measure named by a noun ("a hiring freeze, in place since January"; "a ban on ...")
MEASURE_NOUNS = {"freeze", "ban", "moratorium", "embargo", "curfew", "lockdown", "tariff",
                 "sanctions", "quota", "cap", "levy", "subsidy", "pledge", "recall",
                 "evacuation", "helpline", "lawsuit", "audit", "inquiry"}  # fmt: skip
DEMANDS = {"demand", "call", "condition", "request", "proposal", "recommendation", "ask"}
IN_FORCE = ("in place", "in effect", "in force", "since")
_STOP = re.compile(r"^(?:the|a|an|its|their|his|her)\s+", re.IGNORECASE)
_ITEMS = re.compile(r",\s*(?:and|or)\s+|;\s*(?:and|or)?\s*|,\s+")


@dataclass
class Measure:
    status: str
    kind: str
    actors: list[str]
    place: tuple[int, int]
    sentence: int
    urged_by: list[str] = field(default_factory=list)
    inferred: dict[str, str] = field(default_factory=dict)
    events: list[tuple[str, tuple[int, int]]] = field(default_factory=list)
    note: str = ""


def draft_measures(article: Article, claims: list[Claim], resolver: Resolver) -> list[Measure]:
    found: list[Measure] = []
    for sentence in article.sentences:
        if sentence.is_heading:
            continue
        speaker = _speaker_of(sentence, claims)
        actors = Actors(sentence, speaker, resolver)
        demanded = _demanded(sentence, actors)
        drafted = [_measure(sentence, token, actors) for token in sentence.doc]
        drafted += [
            named
            for named in map(lambda token: _named(sentence, token), sentence.doc)
            if named is not None and not any(_overlap(named, item) for item in demanded)
        ]  # a noun that names one item of a list of demands is that item
        drafted += demanded
        for measure in drafted:
            if measure is not None and not any(m.place == measure.place for m in found):
                found.append(measure)
    return _steps(article.text, found)


def _speaker_of(sentence: Sentence, claims: list[Claim]) -> Any:
    return next(
        (
            c.speaker
            for c in claims
            if c.speaker and any(a < sentence.end and sentence.start < b for a, b in c.quotes)
        ),
        None,
    )


def _measure(sentence: Sentence, token: Any, actors: Actors) -> Measure | None:
    """The measure a verb of policy reports, with who acts and who urges it."""
    lemma = token.lemma_.lower()
    if token.pos_ != "VERB" or lemma not in POLICY | URGING | PROMISING:
        return None
    children = {c.dep_: c for c in token.children}
    if lemma in LISTING and ":" in sentence.text[token.idx :]:
        return None  # "X listed its demands: ...": words, not an action
    if lemma in NEEDS_OBJECT and not {"dobj", "prt", "nsubjpass"} & set(children):
        return None
    if lemma == "vote" and any(c.lemma_.lower() in POLICY for c in token.children):
        return None  # "voted 6-3 to approve the plan": the approval is the measure
    if token.tag_ == "VBN" and token.dep_ == "acl" and token.head.i == token.i - 1:
        return None  # "a syrup sold in 23 countries": what the noun is, not an act
    if token.dep_ == "relcl" and any(c.lower_ == "where" for c in token.children):
        return None  # "the countries where it is sold"
    if lemma in URGING:
        return _urged(sentence, token, children, actors)
    if _urged_within(token):
        return None  # "urge X to continue to attack": the action urged, part of the urging
    actor_token = children.get("nsubj")
    if token.head.lemma_ in STARTING and token.dep_ == "xcomp":
        actor_token = head_subject(token.head)
    if actor_token is None and token.dep_ == "xcomp":
        actor_token = head_subject(token.head) or next(
            (c for c in token.head.children if c.dep_ == "nsubjpass"), None
        )  # "the mayor is expected to sign": the mayor signs
    if actor_token is None and "agent" in children:
        actor_token = next((c for c in children["agent"].children if c.dep_ == "pobj"), None)
    if actor_token is None and token.dep_ == "conj":
        actor_token = head_subject(token.head)  # "it closes ..., raises ... and delays ..."
    if actor_token is None and token.dep_ == "pcomp" and token.head.dep_ == "prep":
        actor_token = head_subject(token.head.head)  # "X shakes hands after signing a bill"
    subject = actors.noun(actor_token)
    status = status_of(token, subject)
    if not status:
        return None
    urged_by = [actors.speaker.id] if status == "urged" and actors.speaker is not None else []
    measure = _made(sentence, token, status, _kind(lemma), actors.id_of(actor_token), urged_by)
    return _with_reasons(measure, actors)


def _urged(
    sentence: Sentence, token: Any, children: dict[str, Any], actors: Actors
) -> Measure | None:
    """'X urged Y to act', 'called on Y to act', 'called for Z'."""
    if token.lemma_ == "call":
        target = next(
            (c for c in token.children if c.dep_ == "prep" and c.lower_ in {"for", "on"}), None
        )
        if target is None:
            return None  # "called the deal a betrayal": words, not an urging
    else:
        target = children.get("dobj") or children.get("nsubjpass")
        if "xcomp" not in children or target is None:
            return None
    if target.dep_ == "prep":
        target = next((c for c in target.children if c.dep_ == "pobj"), target)
    urger = children.get("nsubj")
    urged_by = [actors.id_of(urger)] if urger is not None else []
    if urger is None and actors.speaker is not None:
        urged_by = [actors.speaker.id]
    return _with_reasons(
        _made(sentence, token, "urged", "other", actors.id_of(target), urged_by), actors
    )


def _urged_within(verb: Any) -> bool:
    while verb.dep_ in {"xcomp", "conj"} and verb.head.i != verb.i:
        verb = verb.head
        if verb.lemma_.lower() in URGING and verb.pos_ == "VERB":
            return True
    return False


def _named(sentence: Sentence, token: Any) -> Measure | None:
    """A measure a noun names: 'a hiring freeze, in place since January', 'the ban on ...',
    and any noun said to be in force or to have begun ('a parking scheme already in force',
    'site work, which began last week')."""
    if token.pos_ != "NOUN":
        return None
    if _in_force(token):
        return _made(sentence, token, "in-effect", "other", "TODO", [])
    if token.lemma_.lower() not in MEASURE_NOUNS:
        return None
    status = "in-effect" if any(w in sentence.text for w in IN_FORCE) else "announced"
    return _made(sentence, token, status, "other", "TODO", [])


def _in_force(noun: Any) -> bool:
    after = " ".join(t.lower_ for t in noun.doc[noun.i + 1 : noun.i + 4])
    if re.match(r"(?:already |now )?in (?:force|effect)\b", after):
        return True
    return any(  # "site work, which began last week", not "whose equipment started the fire"
        c.dep_ == "relcl"
        and c.lemma_ in {"begin", "start"}
        and any(d.dep_ == "nsubj" and d.lower_ in {"which", "that"} for d in c.children)
        and not any(d.dep_ == "dobj" for d in c.children)
        for c in noun.children
    )


def _demanded(sentence: Sentence, actors: Actors) -> list[Measure]:
    """'The union listed its demands: a guarantee of ..., a seat on ..., and a study of ...':
    each item is a measure urged by the one who demands it."""
    colon = sentence.text.find(":")
    if colon < 0 or not any(
        t.lemma_.lower() in DEMANDS and t.pos_ == "NOUN" and t.idx < colon for t in sentence.doc
    ):
        return []
    owner = next((t for t in sentence.doc if t.dep_ == "nsubj" and t.idx < colon), None)
    urged_by = [actors.id_of(owner)] if owner is not None else []
    if actors.speaker is not None and urged_by in ([], ["TODO"]):
        urged_by = [actors.speaker.id]
    found, at = [], colon + 1
    rest = sentence.text[at:].rstrip(' ."”')
    for item in [*_ITEMS.split(rest)]:
        start = sentence.text.find(item, at)
        if len(item.split()) >= 2 and start >= 0:
            place = (sentence.start + start, sentence.start + start + len(item))
            found.append(Measure("urged", "other", ["TODO"], place, sentence.index, urged_by))
            found[-1].note = "who is to act?"
            at = start + len(item)
    return found


def _overlap(one: Measure, other: Measure) -> bool:
    return one.place[0] < other.place[1] and other.place[0] < one.place[1]


def _made(
    sentence: Sentence, token: Any, status: str, kind: str, actor: str, urged_by: list[str]
) -> Measure:
    first, last = _extent(token)
    place = sentence.place(first, last)
    measure = Measure(status, kind, [actor], place, sentence.index, [u for u in urged_by if u])
    if actor == "TODO":
        measure.note = "who acts?"
    return measure


def _extent(verb: Any) -> tuple[Any, Any]:
    """The first and last words of the verb's clause, without the clauses joined to it
    ("raises rates, and delays the repaving": each its own measure)."""
    joined = {
        t.i
        for child in verb.children
        if child.dep_ in {"conj", "ccomp", "parataxis"} and child.pos_ in {"VERB", "AUX"}
        for t in child.subtree
    }
    own = {t.i for t in verb.subtree} - joined
    first = last = verb.i
    while first - 1 in own:
        first -= 1
    while last + 1 in own:
        last += 1
    doc = verb.doc
    while last > verb.i and (doc[last].is_punct or doc[last].dep_ == "cc"):
        last -= 1
    opening = [i for i in range(first, verb.i) if doc[i].text in {'"', "“"}]
    if opening:
        first = opening[-1] + 1  # 'Springfield — "The bridge opens': the words quoted
    while first < verb.i and doc[first].is_punct:
        first += 1
    return doc[first], doc[last]


def _with_reasons(measure: Measure, actors: Actors) -> Measure:
    """Each actor or urger found by inference, with the reason."""
    for field_name, ids in (("actors", measure.actors), ("urged_by", measure.urged_by)):
        reasons = [actors.reasons[i] for i in ids if i in actors.reasons]
        if reasons:
            measure.inferred[field_name] = "; ".join(reasons)
    return measure


def _kind(lemma: str) -> str:
    return next((kind for kind, lemmas in KINDS.items() if lemma in lemmas), "other")


def _steps(text: str, measures: list[Measure]) -> list[Measure]:
    """Two measures on the same action with different statuses ("announced ... to list all
    X", "started listing all X") are one measure with two events."""
    kept: list[Measure] = []
    for measure in measures:
        words = _content(text[slice(*measure.place)])
        same = next(
            (
                k
                for k in kept
                if k.status != measure.status
                and len(words & _content(text[slice(*k.place)])) >= max(3, len(words) // 2)
            ),
            None,
        )
        if same is None:
            kept.append(measure)
            continue
        if not same.events:
            same.events.append((same.status, same.place))
        same.events.append((measure.status, measure.place))
        same.status = measure.status
    return kept


def _content(words: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z-]{3,}", words.lower())} - {
        "that",
        "with",
        "from",
        "have",
        "been",
        "this",
        "their",
    }
