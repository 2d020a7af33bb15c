from __future__ import annotations

from pathlib import Path

from generator.input.validation import load_briefing
from generator.render.timeline import entries


def test_dated_records_are_in_order_with_their_precision_and_reasons(minimal: Path) -> None:
    found = [
        (e.date, e.precision, e.event, e.record.id, e.inferred)
        for e in entries(load_briefing(minimal))
    ]
    assert found == [
        ("2020-05", "month", "claimed", "bridge-unsafe", ""),
        (
            "2020-05",
            "month",
            "published",
            "bridge-closure",
            "A test fixture; the month is given by the fixture's author.",
        ),
        ("2020-05-12", "day", "announced", "close-bridge", ""),
    ]
