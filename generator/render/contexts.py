"""What each record page is given: the record's own links and its backlinks.

Each kind's ``page`` and ``index`` methods (``generator/kinds/``) return the small, declared
context its templates use, computed from the model's indexes, so no template searches the
corpus; the helpers several kinds share are here, with who names a record (``named_in``),
which every record page is given. (Overview and data pages get theirs from ``overviews``.) What a page reads here is what it depends on: a page that shows
only how many records name another reads ``count_referring``, not the records.
"""

from __future__ import annotations

from typing import Any

from generator.i18n import N_, Words, _
from generator.model.kinds import KINDS
from generator.model.records import Briefing, Record, Role


def roles_once(actor: Record) -> list[tuple[str, str, list[Role]]]:
    """Each role (title, and whose) once, with every dated mention of it, in the order first
    given: a president named in three passages has one role, seen three times."""
    held: dict[tuple[str, str], list[Role]] = {}
    for role in actor.roles:
        held.setdefault((role.title, role.of), []).append(role)
    return [(title, of, seen) for (title, of), seen in held.items()]


RELATIONS = Words(
    {"supports": N_("supports"), "disputes": N_("disputes"), "responds_to": N_("answers")}
)


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


def kinds_annotated(annotated: list[Record]) -> dict[str, Any]:
    """The records quoting a source, by kind: the actors it only names, and the others under
    each kind's heading (``Kind.annotated_as``), in the kinds' order."""
    return {
        "actors_named": [r for r in annotated if not KINDS[r.section].covers_sentences],
        "annotated": [
            (_(kind.annotated_as) if kind.annotated_as else kind.title, found)
            for kind in KINDS.values()
            if kind.covers_sentences
            and (found := [r for r in annotated if r.section == kind.plural])
        ],
    }


def extracted_from(front_matter: Any) -> str:
    """What an imported article's text was taken out of: "the page at <address>", "the
    received file <name>" (a web page, a PDF); "" for a text stored as it was received."""
    received = front_matter.get("received") if isinstance(front_matter, dict) else None
    if not isinstance(received, dict):
        return ""
    name = str(received.get("file") or "")
    if name.startswith(("http://", "https://")):
        return _("the page at %(address)s") % {"address": name}
    if received.get("file_sha256") or name.lower().endswith((".html", ".htm", ".pdf")):
        return _("the received file %(name)s") % {"name": name}
    return ""


def named_in(b: Briefing, record: Record) -> list[tuple[str, list[Record]]]:
    """The records naming this one, by kind, of the kinds listed where they are named
    (``listed_where_named``): the kinds that have no place of their own on the page."""
    found = []
    for kind in KINDS.values():
        if kind.listed_where_named:
            naming = {r.id: r for name in kind.references for r in b.referring(record.id, name)}
            if mine := [naming[i] for i in sorted(naming) if naming[i].section == kind.plural]:
                found.append((kind.plural, mine))
    return found


def page_context(b: Briefing, record: Record) -> dict[str, Any]:
    """What a record's page is given: its kind's, then, for every record whatever its kind's
    ``page`` returns, the records about it (``referenced_by``) and those naming it
    (``named_in``), which the page frame (``templates/_record.md.j2``) shows: the links back."""
    return {
        **KINDS[record.section].page(b, record),
        "referenced_by": b.referring(record.id, "about"),
        "named_in": named_in(b, record),
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
