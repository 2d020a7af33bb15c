"""Measures: actions taken, announced, agreed or urged, with who acts, who urges, and the
status the modality and tense give ("should" urged, "will" announced, "started" in effect). Measures a noun names
and listed demands are in ``named_measures``; one action's steps merge in ``measure_steps``."""

from __future__ import annotations

from typing import Any

from generator.authoring.drafting.article import Article, Sentence
from generator.authoring.drafting.attributions import LISTING
from generator.authoring.drafting.claim import Claim
from generator.authoring.drafting.measure import Measure, made
from generator.authoring.drafting.measure_actors import Actors, head_subject
from generator.authoring.drafting.measure_steps import merged_steps
from generator.authoring.drafting.named_measures import listed_demands, named_measure, overlap
from generator.authoring.drafting.speakers import Resolver
from generator.authoring.drafting.statuses import PROMISING, STARTING, URGING, status_of

__all__ = ["Measure", "draft_measures"]  # importers use these names from here

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


def draft_measures(article: Article, claims: list[Claim], resolver: Resolver) -> list[Measure]:
    found: list[Measure] = []
    for sentence in article.sentences:
        if sentence.is_heading:
            continue
        speaker = _speaker_of(sentence, claims)
        actors = Actors(sentence, speaker, resolver)
        demanded = listed_demands(sentence, actors)
        drafted = [_measure(sentence, token, actors) for token in sentence.doc]
        drafted += [
            named
            for named in map(lambda token: named_measure(sentence, token), sentence.doc)
            if named is not None and not any(overlap(named, item) for item in demanded)
        ]  # a noun that names one item of a list of demands is that item
        drafted += demanded
        for measure in drafted:
            if measure is not None and not any(m.place == measure.place for m in found):
                found.append(measure)
    return merged_steps(article.text, found)


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
    measure = made(sentence, token, status, _kind(lemma), actors.id_of(actor_token), urged_by)
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
        made(sentence, token, "urged", "other", actors.id_of(target), urged_by), actors
    )


def _urged_within(verb: Any) -> bool:
    while verb.dep_ in {"xcomp", "conj"} and verb.head.i != verb.i:
        verb = verb.head
        if verb.lemma_.lower() in URGING and verb.pos_ == "VERB":
            return True
    return False


def _with_reasons(measure: Measure, actors: Actors) -> Measure:
    """Each actor or urger found by inference, with the reason."""
    for field_name, ids in (("actors", measure.actors), ("urged_by", measure.urged_by)):
        reasons = [actors.reasons[i] for i in ids if i in actors.reasons]
        if reasons:
            measure.inferred[field_name] = "; ".join(reasons)
    return measure


def _kind(lemma: str) -> str:
    return next((kind for kind, lemmas in KINDS.items() if lemma in lemmas), "other")
