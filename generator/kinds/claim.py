"""Claims: what an actor asserted, in the words the source reports, and where."""

from __future__ import annotations

import unicodedata
from itertools import groupby
from typing import Any

from generator.i18n import N_, Nn_, _
from generator.kinds.base import Kind
from generator.model.records import Briefing, Record
from generator.render import open_data
from generator.render.contexts import question_context
from generator.render.phrasing import dated, inferred_mark, names, quoted


class Claim(Kind):
    name, plural, order = "claim", "claims", 20
    heading, called = N_("Claims"), N_("Claim")
    counted_as = Nn_("%(num)d claim", "%(num)d claims")
    label_field = "summary"
    references = {
        "speaker": "actors",
        "via": "sources",
        "about": None,
        "supports": "claims",
        "disputes": "claims",
        "responds_to": "claims",
        "credibility.corroborated_by": "sources",
    }
    dated = (("date", N_("claimed")),)
    schema_org = "Claim"
    said_by_its_speakers = graded_by_its_source = True
    annotated_as = N_("Claims")
    listed_where_named = False
    shown_by_hand_on_home_and_memo = True
    in_memo_situation = False
    described_by_hand_on_about = True
    listed_with = ("who", "carried")
    dated_with = ("grade", "speakers")
    split_from = 750  # rows: at 10,007 records one page was 1.9 MB (about 390 bytes a row)

    def page(self, b: Briefing, claim: Record) -> dict[str, Any]:
        relations = {
            _("Supports"): [b.records[i] for i in claim.get("supports", [])],
            _("Disputes"): [b.records[i] for i in claim.get("disputes", [])],
            _("Responds to"): [b.records[i] for i in claim.get("responds_to", [])],
            _("Supported by"): b.referring(claim.id, "supports"),
            _("Disputed by"): b.referring(claim.id, "disputes"),
            _("Answered by"): b.referring(claim.id, "responds_to"),
        }
        chain = [*claim.get("via", []), *dict.fromkeys(e.source for e in claim.evidence)]
        return {
            "relations": {k: v for k, v in relations.items() if v},
            "chain": chain,
            "questions": [
                (q, *question_context(b, q).values()) for q in b.referring(claim.id, "claims")
            ],
        }

    def home_sections(self, b: Briefing) -> dict[str, Any]:
        from generator.render.overviews import most_connected

        return {"claims": most_connected(b, self.plural)}

    def index(self, b: Briefing, claims: list[Record]) -> dict[str, Any]:
        """The claims by who made them, in the order of the speakers' ids."""
        return {"speakers": _by_speaker(b, claims)}

    def index_pages(self, b: Briefing, claims: list[Record]) -> dict[str, dict[str, Any]]:
        """Past ``split_from`` rows (a claim under each of its speakers), a page for each
        initial of the speakers' names, with their sections as the whole index has them."""
        speakers = _by_speaker(b, claims)
        if _rows(speakers) <= self.split_from:
            return {}
        return {
            name: {"split_page": shown, "count": _rows(groups), "speakers": groups, "claims": []}
            for name, shown, groups in _by_initial(speakers)
        }

    def preview(self, b: Briefing, claim: Record) -> dict[str, Any]:
        said = _said_by(b, claim) or _("Unattributed: the source does not say whose view this is")
        when = dated(claim, "date")
        return quoted(
            b, claim, [_("%(said)s, %(when)s") % {"said": said, "when": when} if when else said]
        )

    def json_ld(self, b: Briefing, record: Record, depth: int) -> dict[str, Any]:
        """A claim is the analyst's summary, by its speakers, based on the articles that report
        it. Only a quoted claim's words inside quotation marks are published as the speakers'
        ``Quotation``: the rest of a passage, and a reported claim's, are the reporter's words."""
        data: dict[str, Any] = {"text": record["summary"]}
        if not depth:
            if record.speakers:  # an unattributed claim names no author
                data["author"] = open_data.refs(b, record.speakers)
            sources = dict.fromkeys(e.source for e in record.evidence)
            data["isBasedOn"] = [open_data.ref(b, source) for source in sources]
            if record.get("form") == "quoted":
                quotations = [
                    q for e in record.evidence for q in open_data.quotations(b, record, e)
                ]
                if quotations:
                    data["appearance"] = quotations
            if record.get("date"):
                data["dateCreated"] = record.get("date")
        return data

    def search_meta(self, b: Briefing, claim: Record) -> dict[str, str]:
        """Who said it, which its search result shows, as its preview says it."""
        return {"said": _said_by(b, claim) or _("Unattributed")}


def _said_by(b: Briefing, claim: Record) -> str:
    """Who said the claim, as its preview and its search result say it; "" when unattributed."""
    if not claim.speakers:
        return ""
    return _("Said by %(who)s") % {"who": names(b, claim.speakers)} + inferred_mark(
        claim, "speaker"
    )


KIND = Claim()


Speakers = list[tuple[Record | None, list[str]]]  # a speaker (None: unattributed), claim ids


def _by_speaker(b: Briefing, claims: list[Record]) -> Speakers:
    spoken = sorted((s, claim.id) for claim in claims for s in claim.speakers)
    speakers: Speakers = [
        (b.records[speaker], [claim_id for _, claim_id in pairs])
        for speaker, pairs in groupby(spoken, key=lambda pair: pair[0])
    ]
    unattributed = [claim.id for claim in claims if not claim.speakers]
    return speakers + ([(None, unattributed)] if unattributed else [])


def _rows(speakers: Speakers) -> int:
    return sum(len(ids) for _, ids in speakers)


WORDS = (N_("Unattributed"), N_("Other"))  # the groups of speakers no initial names


def _by_initial(speakers: Speakers) -> list[tuple[str, str, Speakers]]:
    """The speakers by the first letter of their names (A to Z without accents, any other
    letter its own, the rest together, the unattributed last): each group's page name, how
    the group is shown, and its speakers in their order."""

    def initial(speaker: Record | None) -> tuple[str, str]:
        if speaker is None:
            return "speakers_unattributed", "Unattributed"
        first = unicodedata.normalize("NFKD", speaker.label.strip())[:1].upper()
        if "A" <= first <= "Z":
            return f"speakers_{first.lower()}", first
        if first.isalpha():
            return f"speakers_u{ord(first):x}", first
        return "speakers_other", "Other"

    groups: dict[tuple[str, str], Speakers] = {}
    for speaker, ids in speakers:
        groups.setdefault(initial(speaker), []).append((speaker, ids))
    last = ("speakers_unattributed", "Unattributed")
    order = sorted(groups, key=lambda key: (key == last, key[1] == "Other", key[1]))
    return [
        (name, _(shown) if shown in WORDS else shown, groups[(name, shown)])
        for name, shown in order
    ]
