"""What a record's page carries for the search (generator/search.marks): its kind, an actor's
names and who said a claim, as Pagefind metadata whose values are escaped for the attribute
they stand in."""

from __future__ import annotations

import html
import json
import re

from projects import briefing, record

from generator.search import marks

NAME = """<img src=x onerror="alert(1)"> O'Neil & "Co" """


def metadata(marked: str) -> dict[str, str]:
    """The metadata the marks give Pagefind, as it reads them from the HTML."""
    assert "<img" not in marked and 'onerror="' not in marked  # no markup, no attribute broken
    found = re.findall(r'data-pagefind-meta="([^"]*)"', marked)
    return dict(html.unescape(value).split(":", 1) for value in found)


def test_a_claim_carries_its_kind_and_who_said_it() -> None:
    speaker = record("actors", "oneil", ("s",), name=NAME, kind="person")
    claim = record("claims", "said", ("s",), speaker="oneil", summary="?")
    guessed = record("claims", "guessed", ("s",), speaker="oneil", inferred={"speaker": "?"})
    unsaid = record("claims", "unsaid", ("s",), form="unattributed", summary="?")
    b = briefing(speaker, claim, guessed, unsaid, record("sources", "s", name="S"))
    assert metadata(marks(b, claim)) == {"kind": "Claim", "said": f"Said by {NAME}"}
    assert metadata(marks(b, guessed))["said"] == f"Said by {NAME} (inferred)"
    assert metadata(marks(b, unsaid))["said"] == "Unattributed"
    found = metadata(marks(b, speaker))
    assert found["kind"] == "Actor" and json.loads(found["names"]) == [NAME]
