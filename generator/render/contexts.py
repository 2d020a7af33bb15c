"""What each record page and index is given: the record's own links and its backlinks.

One function per kind; each returns the small, declared context its template uses, computed
from the model's indexes, so no template searches the corpus. (Overview and data pages get
theirs from ``overviews``.) What a page reads here is what it depends on: a page that shows
only how many records name another reads ``count_referring``, not the records.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import groupby
from typing import Any

from generator.kinds import KINDS
from generator.model.attribution import PARTS, account, parts
from generator.model.records import Briefing, Record, Role
from generator.render.network_layout import drawing
from generator.render.passages import Passage, mark_paragraphs


def roles_once(actor: Record) -> list[tuple[str, str, list[Role]]]:
    """Each role (title, and whose) once, with every dated mention of it, in the order first
    given: a president named in three passages has one role, seen three times."""
    held: dict[tuple[str, str], list[Role]] = {}
    for role in actor.roles:
        held.setdefault((role.title, role.of), []).append(role)
    return [(title, of, seen) for (title, of), seen in held.items()]


def _actor(b: Briefing, actor: Record) -> dict[str, Any]:
    return {
        "roles": roles_once(actor),
        "claims": sorted(
            b.referring(actor.id, "speaker"), key=lambda c: (c.get("date", ""), c.label)
        ),
        "measures": [(PARTS[part], found) for part, found in parts(b, actor).items()],
        "figures": b.referring(actor.id, "stated_by"),
        "about": b.referring(actor.id, "about"),
        "members": b.referring(actor.id, "roles.of"),
        "authored": b.referring(actor.id, "author") + b.referring(actor.id, "publisher"),
        "mentioned_in": b.mentioned_in(actor.id),
        "network": drawing(b, focus=actor.id, base="../../"),
        "questions": sorted(
            {
                q.id: q
                for c in b.referring(actor.id, "speaker")
                for q in b.referring(c.id, "claims")
            }.values(),
            key=lambda q: q.id,
        ),
    }


def _claim(b: Briefing, claim: Record) -> dict[str, Any]:
    relations = {
        "Supports": [b.records[i] for i in claim.get("supports", [])],
        "Disputes": [b.records[i] for i in claim.get("disputes", [])],
        "Responds to": [b.records[i] for i in claim.get("responds_to", [])],
        "Supported by": b.referring(claim.id, "supports"),
        "Disputed by": b.referring(claim.id, "disputes"),
        "Answered by": b.referring(claim.id, "responds_to"),
    }
    chain = [*claim.get("via", []), *dict.fromkeys(e.source for e in claim.evidence)]
    return {
        "relations": {k: v for k, v in relations.items() if v},
        "chain": chain,
        "referenced_by": b.referring(claim.id, "about"),
        "questions": [
            (q, *question_context(b, q).values()) for q in b.referring(claim.id, "claims")
        ],
    }


RELATIONS = {"supports": "supports", "disputes": "disputes", "responds_to": "answers"}


def question_context(b: Briefing, question: Record) -> dict[str, Any]:
    """The question's claims, side by side, every relation between two of them as (a, verb, b),
    and its sides: ``side_of`` each claim, the ``taken`` sides that have claims, and whether
    the analyst ``set_out`` any."""
    positions = question.get("positions", [])
    side_of = {claim: p["position"] for p in positions for claim in p["claims"]}
    order = {position["position"]: n for n, position in enumerate(positions)}
    ids = sorted(question["claims"], key=lambda i: order.get(side_of.get(i), len(order)))
    claims = [b.records[i] for i in ids]
    members = set(question["claims"])
    pairs = [
        (claim, verb, b.records[other])
        for claim in claims
        for field, verb in RELATIONS.items()
        for other in claim.get(field, [])
        if other in members
    ]
    sides = {
        "set_out": bool(positions),
        "side_of": side_of,
        "taken": [p["position"] for p in positions if p["claims"]],
    }
    return {"claims": claims, "pairs": pairs, "sides": sides}


def side_voices(b: Briefing, question: Record) -> list[tuple[str, list[str], bool]]:
    """Each side taken on a question, with who takes it: the speakers of its claims, and
    whether views the sources report without saying whose are among them."""
    voices = []
    for position in question.get("positions", []):
        claims = [b.records[i] for i in position["claims"]]
        speakers = list(dict.fromkeys(s for claim in claims for s in claim.speakers))
        if claims:
            voices.append((position["position"], speakers, any(not c.speakers for c in claims)))
    return voices


def _judgment(b: Briefing, judgment: Record) -> dict[str, Any]:
    """The records it rests on, by kind, in the order the judgment names them, and the
    questions its claims answer."""
    support = [b.records[i] for i in judgment["rests_on"]]
    questions = {
        question.id: question
        for record in support
        for question in b.referring(record.id, "claims", "questions")
    }
    return {
        "support": [
            (KINDS[section].plural.capitalize(), [r for r in support if r.section == section])
            for section in KINDS[judgment.section].references["rests_on"]
            if any(r.section == section for r in support)
        ],
        "questions": sorted(questions.values(), key=lambda q: q.label),
    }


def _about_only(b: Briefing, record: Record) -> dict[str, Any]:
    return {"referenced_by": b.referring(record.id, "about")}


def _measure(b: Briefing, measure: Record) -> dict[str, Any]:
    """Whose account the measure's status is, besides what names it."""
    return {**_about_only(b, measure), "account": account(b, measure)}


def _source(b: Briefing, source: Record) -> dict[str, Any]:
    annotated = b.referring(source.id, "evidence")
    article = b.articles.get(source.id)
    passages = [
        Passage(e.start, e.end, e, r)
        for r in annotated
        for e in (
            *r.evidence,
            *(role.evidence for role in r.roles),
            *(x.evidence for x in r.events),
        )
        if e.source == source.id
    ]
    return {
        "article": article,
        "extracted_from": extracted_from(article.meta.data) if article else "",
        "paragraphs": mark_paragraphs(article.text, passages) if article else [],
        "actors_named": [r for r in annotated if not KINDS[r.section].covers],
        "annotated": [
            (kind.annotated_as or kind.plural.capitalize(), found)
            for kind in KINDS.values()
            if kind.covers and (found := [r for r in annotated if r.section == kind.plural])
        ],
        "relayed": b.referring(source.id, "via"),
        "referenced_by": b.referring(source.id, "about"),
        "cited_in": [b.records[i] for i in dict.fromkeys(e.source for e in source.evidence)],
    }


def extracted_from(front_matter: Any) -> str:
    """What an imported article's text was taken out of: "the page at <address>", "the
    received file <name>" (a web page, a PDF); "" for a text stored as it was received."""
    received = front_matter.get("received") if isinstance(front_matter, dict) else None
    if not isinstance(received, dict):
        return ""
    name = str(received.get("file") or "")
    if name.startswith(("http://", "https://")):
        return f"the page at {name}"
    if received.get("file_sha256") or name.lower().endswith((".html", ".htm", ".pdf")):
        return f"the received file {name}"
    return ""


def named_in(b: Briefing, record: Record) -> list[tuple[str, list[Record]]]:
    """The records naming this one, by kind, of the kinds listed where they are named
    (``Kind.backlinks``): the kinds that have no place of their own on the page."""
    found = []
    for kind in KINDS.values():
        if kind.backlinks:
            naming = {r.id: r for name in kind.references for r in b.referring(record.id, name)}
            if mine := [naming[i] for i in sorted(naming) if naming[i].section == kind.plural]:
                found.append((kind.plural, mine))
    return found


def page_context(b: Briefing, record: Record) -> dict[str, Any]:
    """What a record's page is given: its kind's hook, and who names it (``named_in``)."""
    return {**PAGES[KINDS[record.section].context](b, record), "named_in": named_in(b, record)}


# The hooks a kind's entry names (``Kind.context``): what its record pages are given.
PAGES: dict[str, Callable[[Briefing, Record], dict[str, Any]]] = {
    "plain": _about_only,
    "actor": _actor,
    "measure": _measure,
    "claim": _claim,
    "source": _source,
    "question": question_context,
    "judgment": _judgment,
}


def tallies(b: Briefing, actors: list[Record]) -> dict[str, dict[str, int]]:
    """How many claims each actor made and measures it took, from backlinks alone."""
    return {
        actor.id: {
            "claims": b.count_referring(actor.id, "speaker"),
            "measures": b.count_referring(actor.id, "actors"),
        }
        for actor in actors
    }


def _actors_index(b: Briefing, actors: list[Record]) -> dict[str, Any]:
    """Those who speak or act first, the most active first; the others by kind."""
    counts = tallies(b, actors)
    done = {actor.id: counts[actor.id]["claims"] + counts[actor.id]["measures"] for actor in actors}
    return {
        "tallies": counts,
        "active": sorted((a for a in actors if done[a.id]), key=lambda a: (-done[a.id], a.label)),
        "named_only": sorted(
            (a for a in actors if not done[a.id]), key=lambda a: (a["kind"], a.label)
        ),
    }


def _sources_index(b: Briefing, sources: list[Record]) -> dict[str, Any]:
    """How many records each source evidences or relays, from backlinks alone."""
    annotated = {
        s.id: b.count_referring(s.id, "evidence") + b.count_referring(s.id, "via") for s in sources
    }
    return {"annotated": annotated}


def _claims_index(b: Briefing, claims: list[Record]) -> dict[str, Any]:
    """The claims by who made them, in the order of the speakers' ids."""
    spoken = sorted((s, claim.id) for claim in claims for s in claim.speakers)
    speakers = [
        (b.records[speaker], [claim_id for _, claim_id in pairs])
        for speaker, pairs in groupby(spoken, key=lambda pair: pair[0])
    ]
    unattributed = [claim.id for claim in claims if not claim.speakers]
    return {"speakers": speakers + ([(None, unattributed)] if unattributed else [])}


def _questions_index(b: Briefing, questions: list[Record]) -> dict[str, Any]:
    return {"contentions": [(q, *question_context(b, q).values()) for q in questions]}


# The hooks a kind's entry names (``Kind.index``): what its index is given beyond its records.
INDEXES: dict[str, Callable[[Briefing, list[Record]], dict[str, Any]]] = {
    "actors": _actors_index,
    "sources": _sources_index,
    "claims": _claims_index,
    "questions": _questions_index,
}
