"""Actors: the people, states, bodies and publications that speak, act and are named."""

from __future__ import annotations

import json
from typing import Any

from generator.i18n import N_, Nn_, _
from generator.kinds.base import Kind
from generator.model.attribution import PARTS, parts
from generator.model.records import Briefing, Record
from generator.render import vocabulary
from generator.render.contexts import roles_once, tallies
from generator.render.network_layout import drawing
from generator.render.phrasing import capital

SCHEMA_TYPES = {
    "person": "Person",
    "state": "Country",
    "government-body": "GovernmentOrganization",
    "legislature": "GovernmentOrganization",
    "organisation": "Organization",
    "publication": "NewsMediaOrganization",
    "group": "Organization",
}


class Actor(Kind):
    name, plural, order = "actor", "actors", 10
    heading, called = N_("Actors"), N_("Actor")
    counted_as = Nn_("%(num)d actor", "%(num)d actors")
    label_field = "name"
    references = {"roles.of": "actors"}
    parts_with_evidence = ("roles",)
    covers_sentences = False
    schema_org = "Organization"
    reference_first = True
    listed_where_named = False
    shown_by_hand_on_home_and_memo = True
    in_memo_situation = False
    described_by_hand_on_about = True
    lists_referenced_by_itself = True  # "Records about" the actor, before where it is mentioned

    def page(self, b: Briefing, actor: Record) -> dict[str, Any]:
        return {
            "roles": roles_once(actor),
            "claims": sorted(
                b.referring(actor.id, "speaker"), key=lambda c: (c.get("date", ""), c.label)
            ),
            "measures": [(PARTS[part], found) for part, found in parts(b, actor).items()],
            "figures": b.referring(actor.id, "stated_by"),
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

    def home_sections(self, b: Briefing) -> dict[str, Any]:
        """The actors most connected, with their tallies, and the network: past a few dozen
        actors one drawing stops being readable (each actor's page still draws theirs)."""
        from generator.render.overviews import HOME_NETWORK_LIMIT, most_connected

        main_actors = most_connected(b, self.plural)
        few = b.counts[self.plural] <= HOME_NETWORK_LIMIT
        return {
            "main_actors": main_actors,
            "tallies": tallies(b, main_actors),
            "network": drawing(b) if few else None,
        }

    def index(self, b: Briefing, actors: list[Record]) -> dict[str, Any]:
        """Those who speak or act first, the most active first; the others by kind."""
        counts = tallies(b, actors)
        done = {a.id: counts[a.id]["claims"] + counts[a.id]["measures"] for a in actors}
        return {
            "tallies": counts,
            "active": sorted(
                (a for a in actors if done[a.id]), key=lambda a: (-done[a.id], a.label)
            ),
            "named_only": sorted(
                (a for a in actors if not done[a.id]), key=lambda a: (a["kind"], a.label)
            ),
        }

    def preview(self, b: Briefing, actor: Record) -> dict[str, Any]:
        """Who the actor is, as its page's first line says: each role once, or its kind."""
        roles = [
            _("%(title)s (%(of)s)") % {"title": title, "of": b.records[of].label} if of else title
            for title, of, _seen in roles_once(actor)
        ]
        return {"lines": [_("; ").join(roles) or capital(vocabulary.one(actor["kind"]))]}

    def json_ld(self, b: Briefing, record: Record, depth: int) -> dict[str, Any]:
        data: dict[str, Any] = {"@type": SCHEMA_TYPES[record["kind"]]}
        if record.get("aliases") and not depth:
            data["alternateName"] = record.get("aliases")
        if record.roles and not depth and record["kind"] == "person":
            data["jobTitle"] = sorted({role.title for role in record.roles})
        return data

    def search_meta(self, b: Briefing, actor: Record) -> dict[str, str]:
        """Its name and aliases: the search ranks its page first for a query that is one."""
        names = [actor["name"], *actor.get("aliases", [])]
        return {"names": json.dumps(names, ensure_ascii=False)}


KIND = Actor()
