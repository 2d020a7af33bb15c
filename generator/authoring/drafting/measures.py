"""Measures: actions taken, announced, agreed or urged, with who acts, who urges, and the
status the modality and tense give ("should" urged, "will" announced, "started" in effect)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from generator.authoring.drafting.article import Article, Sentence
from generator.authoring.drafting.claims import Claim
from generator.authoring.drafting.speakers import Resolver, name_span

KINDS = {
    "scheduling": {"list", "schedule", "control", "ban", "outlaw", "prohibit"},
    "legislation": {"sign", "pass", "enact", "legislate", "veto", "amend"},
    "regulation": {"regulate", "formulate", "require", "issue", "order", "impose", "restrict",
                   "tighten", "follow", "introduce", "lift", "suspend", "sanction"},
    "enforcement": {"arrest", "crack", "prosecute", "seize", "investigate", "strengthen",
                    "punish", "raid", "charge", "extradite", "attack", "launch", "fight", "combat"},
    "inspection": {"inspect", "screen", "intercept", "check", "search", "monitor", "conduct"},
    "declaration": {"declare"},
    "agreement": {"agree", "cooperate", "bolster", "sign"},
    "prevention": {"prevent", "reduce", "suppress", "raise", "curb", "end", "stem", "educate"},
    "treatment": {"treat", "help", "assist"},
    "other": {"adopt", "establish", "set", "build", "create", "fund", "deploy", "expand",
              "implement", "make", "speed", "step", "open", "close", "cut", "extend"},
}  # fmt: skip
POLICY = set().union(*KINDS.values())
URGING = {"urge", "encourage", "call", "press", "ask", "push", "demand", "hope"}
PROMISING = {"promise", "pledge", "vow", "commit"}
STARTING = {"start", "begin", "continue"}
_STOP = re.compile(r"^(?:the|a|an|its|their|his|her)\s+", re.IGNORECASE)


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
        speaker = _speaker_of(sentence, claims)
        for token in sentence.doc:
            measure = _measure(sentence, token, speaker, resolver)
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


def _measure(sentence: Sentence, token: Any, speaker: Any, resolver: Resolver) -> Measure | None:
    lemma = token.lemma_.lower()
    if token.pos_ != "VERB" or lemma not in POLICY | URGING | PROMISING:
        return None
    children = {c.dep_: c for c in token.children}
    aux = {c.lower_ for c in token.children if c.dep_ in {"aux", "auxpass"}}
    head = token.head
    status, urged_by, actor_token = "", [], children.get("nsubj")
    if lemma in URGING:
        target = children.get("dobj") or children.get("nsubjpass")
        if "xcomp" not in children and lemma != "call" or target is None:
            return None
        urger = children.get("nsubj")
        status, actor_token = "urged", target
        urged_by = [_actor(sentence, urger, speaker, resolver)] if urger is not None else []
        if urger is None and speaker is not None:
            urged_by = [speaker.id]
    elif lemma in PROMISING or head.lemma_ in PROMISING and token.dep_ == "xcomp":
        status = "promised"
    elif head.lemma_ == "agree" and token.dep_ == "xcomp" or lemma == "agree":
        status = "agreed"
    elif head.lemma_ in STARTING and token.dep_ == "xcomp":
        status, actor_token = "in-effect", head_subject(head)
    elif head.lemma_ == "announce" or (head.lemma_ == "decision" and token.dep_ == "acl"):
        status = "announced"
    elif aux & {"should", "must", "ought"}:
        status = "urged"
        urged_by = [speaker.id] if speaker is not None else []
    elif aux & {"will", "'ll", "wo"}:
        status = "promised" if any(c.dep_ == "neg" for c in token.children) else "announced"
    elif (
        token.tag_ == "VBG"
        and aux & {"is", "are", "being"}
        or "being" in aux
        or token.tag_ == "VBN"
        and aux & {"has", "have"}
        and "been" not in aux
    ):
        status = "in-effect"
    elif token.tag_ == "VBG" and token.dep_ == "pcomp" and head.lower_ in {"after", "by"}:
        status = "done"  # "after signing a bill"
    elif token.tag_ in {"VBD", "VBN"} and (
        token.dep_ in {"ROOT", "conj", "acl", "relcl", "ccomp"} or aux
    ):
        status = "done"
    elif token.tag_ in {"VBZ", "VBP"} and "auxpass" in children:
        status = "in-effect"
    if not status or (
        lemma in {"make", "set", "step", "speed"}
        and not {"dobj", "prt", "nsubjpass"} & set(children)
    ):
        return None
    if actor_token is None:
        actor_token = children.get("agent") and next(
            (c for c in children["agent"].children if c.dep_ == "pobj"), None
        )
    actor = _actor(sentence, actor_token, speaker, resolver) if actor_token is not None else "TODO"
    first = min(token.subtree, key=lambda t: t.i)
    last = max((t for t in token.subtree if not t.is_punct), key=lambda t: t.i, default=token)
    measure = Measure(
        status,
        _kind(lemma, token),
        [actor],
        sentence.place(first, last),
        sentence.index,
        [u for u in urged_by if u],
    )
    if actor == "TODO":
        measure.note = "who acts?"
    return measure


def head_subject(verb: Any) -> Any:
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _actor(sentence: Sentence, token: Any, speaker: Any, resolver: Resolver) -> str:
    if token.pos_ == "PRON":
        if token.lower_ in {"we", "i"} and speaker is not None:
            return "TODO"
        return "TODO"
    if token.pos_ == "PROPN":
        actor = resolver.mention(sentence, *name_span(sentence, token))
        return actor.id if actor is not None else "TODO"
    phrase = _STOP.sub("", " ".join(t.text for t in token.subtree))
    actor, _ = resolver.registry.find(phrase)
    return actor.id if actor is not None else "TODO"


def _kind(lemma: str, token: Any) -> str:
    for kind, lemmas in KINDS.items():
        if lemma in lemmas:
            return kind
    return "other"


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
