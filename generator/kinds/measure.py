"""Measures: actions taken, announced, agreed or urged, with their dated steps."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from generator.i18n import N_, Nn_, _
from generator.kinds.base import Kind
from generator.model.attribution import ACTORS_LABEL, STATUS_WORDS, account
from generator.model.kinds import Part
from generator.model.records import Briefing, Record
from generator.render import open_data
from generator.render.phrasing import according, capital, inferred_mark, names, quoted

ACTION_STATUS = {
    "urged": "PotentialActionStatus",
    "promised": "PotentialActionStatus",
    "agreed": "PotentialActionStatus",
    "announced": "PotentialActionStatus",
    "in-effect": "ActiveActionStatus",
    "done": "CompletedActionStatus",
}


class Measure(Kind):
    name, plural, order = "measure", "measures", 30
    heading, called = N_("Measures"), N_("Measure")
    counted_as = Nn_("%(num)d measure", "%(num)d measures")
    label_field = "summary"
    references = {"actors": "actors", "urged_by": "actors", "about": None}
    parts_with_evidence = ("events",)
    dated = (
        ("announced", N_("announced")),
        ("taken", N_("taken")),
        ("effective", N_("took effect")),
    )
    schema_org = "Action"
    told_according_to = actors_part_by_status = True
    annotated_as = N_("Measures")
    listed_where_named = False
    shown_by_hand_on_home_and_memo = True
    described_by_hand_on_about = True
    listed_with = ("status", "according", "carried")
    dated_with = ("according",)
    split_from = 650  # at 10,007 records 1,082 measures were one page of 474 kB

    def index_parts(self, b: Briefing, measures: list[Record]) -> list[Part]:
        """A status a page, in the index's order."""
        grouped = groupby(sorted(measures, key=_status), key=_status)
        return [(f"status_{s}", capital(STATUS_WORDS[s]), list(group)) for s, group in grouped]

    def page(self, b: Briefing, measure: Record) -> dict[str, Any]:
        """Whose account the measure's status is, besides what names it."""
        return {**super().page(b, measure), "account": account(b, measure)}

    def home_sections(self, b: Briefing) -> dict[str, Any]:
        from generator.render.overviews import most_connected

        return {"measures": most_connected(b, self.plural)}

    def memo_sections(self, b: Briefing) -> dict[str, Any]:
        from generator.render.overviews import most_connected, situation_share

        return {"measures": most_connected(b, self.plural, situation_share(b))}

    def preview(self, b: Briefing, measure: Record) -> dict[str, Any]:
        status = _("%(status)s, %(according)s") % {
            "status": STATUS_WORDS[measure["status"]],
            "according": according(b, account(b, measure)),
        }
        status = capital(status)
        actors = _("%(label)s %(names)s") % {
            "label": ACTORS_LABEL[measure["status"]],
            "names": names(b, measure["actors"]),
        }
        lines = [status, actors + inferred_mark(measure, "actors")]
        if measure.get("urged_by"):
            urged = names(b, measure["urged_by"])
            lines.append(
                _("Urged by %(who)s") % {"who": urged} + inferred_mark(measure, "urged_by")
            )
        return quoted(b, measure, lines)

    def json_ld(self, b: Briefing, record: Record, depth: int) -> dict[str, Any]:
        data: dict[str, Any] = {"description": record["summary"]}
        data["actionStatus"] = f"https://schema.org/{ACTION_STATUS[record['status']]}"
        if not depth:
            data["agent"] = [open_data.ref(b, i) for i in record["actors"]]
        return data


def _status(measure: Record) -> str:
    return measure["status"]


KIND = Measure()
