"""Figures: numbers a source states, no more exactly than it states them."""

from __future__ import annotations

from typing import Any

from generator.i18n import N_, Nn_, _
from generator.kinds.base import Kind
from generator.model.attribution import account
from generator.model.kinds import Part
from generator.model.records import Briefing, Record
from generator.render.open_data import property_value
from generator.render.phrasing import according, capital, quoted

# How a figure's qualifier bounds its number, in schema.org's terms: the number is a bound
# (minValue, maxValue) or, about, the value itself; the qualifier is always stated beside it
BOUNDS = {"more-than": "minValue", "at-least": "minValue", "nearly": "maxValue"}


class Figure(Kind):
    name, plural, order = "figure", "figures", 40
    heading, called = N_("Figures"), N_("Figure")
    counted_as = Nn_("%(num)d figure", "%(num)d figures")
    references = {
        "stated_by": "actors",
        "via": "sources",
        "about": None,
        "credibility.corroborated_by": "sources",
    }
    schema_org = "QuantitativeValue"
    told_according_to = graded_by_its_source = True
    annotated_as = N_("Figures")
    listed_where_named = False
    shown_by_hand_on_home_and_memo = True
    described_by_hand_on_about = True
    listed_with = ("according",)
    split_from = 800  # at 10,007 records 1,608 figures were one page of 593 kB

    def index_parts(self, b: Briefing, figures: list[Record]) -> list[Part]:
        """A year a page, as the index groups them."""
        from generator.render.templating import by_year, year_named

        grouped = by_year(figures, "period.from", "period.to")
        return [(f"year_{year_named(year)}", year, group) for year, group in grouped]

    def label(self, record: Record) -> str:
        return _("%(quantity)s: %(counts)s") % {
            "quantity": record.quantity,
            "counts": record.fields["counts"],
        }

    def home_sections(self, b: Briefing) -> dict[str, Any]:
        from generator.render.overviews import most_connected

        return {"figures": most_connected(b, self.plural)}

    def memo_sections(self, b: Briefing) -> dict[str, Any]:
        from generator.render.overviews import most_connected, situation_share

        return {"figures": most_connected(b, self.plural, situation_share(b))}

    def preview(self, b: Briefing, figure: Record) -> dict[str, Any]:
        return quoted(b, figure, [capital(according(b, account(b, figure)))])

    def json_ld(self, b: Briefing, record: Record, depth: int) -> dict[str, Any]:
        """The number no more exactly than the source gives it: "more than 1,600" is a lower
        bound, not 1600; "since 1999" an open period, not the year 1999."""
        qualifier = record.get("qualifier", "exactly")
        data: dict[str, Any] = {BOUNDS.get(qualifier, "value"): record["value"]}
        data |= {"unitText": record["unit"], "description": record["counts"]}
        if qualifier != "exactly":
            data["valueReference"] = property_value("qualifier", qualifier.replace("-", " "))
        if record.get("period"):
            data["temporalCoverage"] = iso_period(record["period"])
        return data


def iso_period(period: dict[str, str]) -> str:
    """A period in ISO 8601: '2017', '2000/2015', open at one end as '1999/..' or '../2015'."""
    start, end = period.get("from", ".."), period.get("to", "..")
    return start if start == end else f"{start}/{end}"


KIND = Figure()
