"""What a grade in the Admiralty code must hold beyond its schema: a claim or figure confirmed
by other sources names sources other than those its own evidence stands in."""

from __future__ import annotations

from generator.input.raw import Raw, as_dict, as_list
from generator.problems import Problem


def check(raw: Raw) -> list[Problem]:
    own = {
        item.get("source") for item in as_list(raw.data.get("evidence")) if isinstance(item, dict)
    }
    corroborating = as_list(as_dict(raw.data.get("credibility")).get("corroborated_by"))
    return [
        Problem(
            raw.locate("credibility", "corroborated_by", index),
            f"'{source}' is a source the record's own evidence stands in, so it cannot "
            "corroborate it",
            "name other sources that confirm it, or grade it 2 (probably true) or lower",
        )
        for index, source in enumerate(corroborating)
        if source in own
    ]
