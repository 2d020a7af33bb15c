"""A measure's status from the words around its verb: modality and tense ("should" urged,
"will" announced, "started" in effect, "is expected to" announced, "voted to approve" agreed),
and for the present tense, from what acts ("the budget eliminates": agreed)."""

from __future__ import annotations

from typing import Any

URGING = {"urge", "encourage", "call", "press", "ask", "push", "demand", "hope"}
PROMISING = {"promise", "pledge", "vow", "commit"}
STARTING = {"start", "begin", "continue"}
EXPECTED = {"expect", "schedule", "set", "due", "poise", "slate", "plan", "intend", "likely"}
DECIDING = {"vote", "agree", "decide", "approve", "resolve"}
HYPOTHETICAL = {"could", "might", "may"}
# verbs of starting: what "has been launched" goes on ("have been conducted" is done)
INCHOATIVE = {"launch", "start", "begin", "introduce", "establish", "open", "create", "impose"}
# what a document or an arrangement does is its own status: a budget or a deal is agreed,
# a bill proposed, a law or a rule in effect
DOCUMENTS = {
    "budget": "agreed", "plan": "agreed", "deal": "agreed", "agreement": "agreed",
    "lease": "agreed", "contract": "agreed", "treaty": "agreed", "accord": "agreed",
    "bill": "proposed", "proposal": "proposed", "draft": "proposed",
    "law": "in-effect", "rule": "in-effect", "regulation": "in-effect", "policy": "in-effect",
    "order": "in-effect", "ordinance": "in-effect", "decree": "in-effect",
}  # fmt: skip


def status_of(token: Any, subject: Any | None) -> str:
    """The status the verb ``token`` gives its measure ('' when it gives none); ``subject`` is
    the noun that acts, a pronoun already resolved to its noun."""
    aux = {c.lower_ for c in token.children if c.dep_ in {"aux", "auxpass"}}
    head = token.head
    negated = any(c.dep_ == "neg" for c in token.children)
    if aux & HYPOTHETICAL:
        return ""  # "no port could promise that": what may be, not a measure
    if token.lemma_ in PROMISING or head.lemma_ in PROMISING and token.dep_ == "xcomp":
        return "promised"
    if token.dep_ in {"xcomp", "advcl"} and head.lemma_ in DECIDING or token.lemma_ == "agree":
        return "agreed"  # "voted 5-4 to approve", "agreed to cooperate"
    if head.lemma_ in STARTING and token.dep_ == "xcomp":
        return "in-effect"
    if token.dep_ == "xcomp" and head.lemma_ in EXPECTED and head.dep_ != "acl":
        return "announced"  # "is expected to sign", "is set to rule"
    if head.lemma_ == "announce" or (head.lemma_ == "decision" and token.dep_ == "acl"):
        return "announced"
    if aux & {"should", "must", "ought"}:
        return "urged"
    if aux & {"will", "would", "'ll", "wo"}:
        return "promised" if negated else "announced"
    return _tense(token, aux, subject)


# verbs whose act leaves a state that lasts: "had suspended strike action", "had cut power"
HALTING = {"halt", "suspend", "cut", "shut", "close", "ban", "bar", "freeze", "stop", "pause",
           "block", "withdraw", "pull", "recall", "impose", "lift"}  # fmt: skip
# what approving, winning or signing makes of an arrangement: "approved a grant of €127
# million", "won a $48 million contract" (the grant is agreed; the approving is done)
SEALING = {"approve", "sign", "win", "award", "grant", "ratify", "adopt", "conclude"}
SEALED = {"grant", "loan", "contract", "deal", "agreement", "plan", "budget", "lease", "treaty",
          "accord", "package", "settlement"}  # fmt: skip


def _tense(token: Any, aux: set[str], subject: Any | None) -> str:
    head = token.head
    if token.tag_ == "VBN" and "had" in aux and "been" not in aux and token.lemma_ in HALTING:
        return "in-effect"  # "said it had halted production": the halt holds when reported
    if token.tag_ in {"VBD", "VBN"} and token.lemma_ in SEALING:
        sealed = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
        sealed += [c for t in sealed for c in t.conjuncts]
        if any(t.lemma_.lower() in SEALED for t in sealed):
            return "agreed"
    perfect = token.tag_ == "VBN" and aux & {"has", "have"}
    if (
        token.tag_ == "VBG"
        and aux & {"is", "are", "being"}
        or "being" in aux
        or perfect
        and ("been" not in aux or token.lemma_.lower() in INCHOATIVE)
        or token.tag_ == "VBN"
        and aux & {"is", "are"}
    ):
        return "in-effect"  # "is listing", "has banned", "have been launched", "are screened"
    if token.tag_ == "VBG" and token.dep_ == "pcomp" and head.lower_ in {"after", "by"}:
        return "done"  # "after signing a bill"
    if token.tag_ in {"VBD", "VBN"} and (
        token.dep_ in {"ROOT", "conj", "acl", "relcl", "ccomp"} or aux
    ):
        return "done"
    if token.tag_ in {"VBZ", "VBP"}:
        if "auxpass" in {c.dep_ for c in token.children}:
            return "in-effect"
        noun = subject.lemma_.lower() if subject is not None else ""
        return DOCUMENTS.get(noun, "in-effect")  # "the budget eliminates", "it closes"
    return ""
