"""Shapes a growing corpus needs: a later article adds evidence to records defined in another
file, a measure has several dated events, a statement has several speakers, and metadata is
known from provenance rather than from the text (tests/fixtures/later-article)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, run_cli


@pytest.fixture
def grown(minimal: Path) -> Path:
    """The minimal project, plus a later article whose annotation extends its records."""
    shutil.copytree(FIXTURES / "later-article" / "seeds", minimal / "seeds", dirs_exist_ok=True)
    result = run_cli(minimal, "generate")
    assert result.code == 0, result.err
    return minimal


def page(root: Path, path: str) -> str:
    return (root / "docs" / path).read_text(encoding="utf-8")


def anchors(markdown: str) -> set[str]:
    return set(re.findall(r'id="(e_[^"]+)"', markdown))


def test_a_later_article_adds_evidence_to_records_of_another_file(grown: Path) -> None:
    measure = page(grown, "measures/close-bridge.md")
    link = "(../sources/bridge-closed.md#e_close-bridge_more1_1)"
    assert link in measure  # the measure defined in records.yaml quotes the later article
    assert "e_close-bridge_more1_1" in anchors(page(grown, "sources/bridge-closed.md"))
    actor = page(grown, "actors/ann-lee.md")
    assert "(../sources/bridge-closed.md#e_ann-lee_more1_1)" in actor
    assert "(../sources/bridge-closure.md#e_ann-lee_1)" in actor  # its own evidence stays


def test_a_measure_lists_its_dated_events_each_with_its_words(grown: Path) -> None:
    measure = page(grown, "measures/bridge-closure-steps.md")
    assert (
        "- Announced again, June 2020, according to [Springfield Radio: the old bridge has"
        " closed](../sources/bridge-closed.md) — [the words](../sources/bridge-closed.md"
        "#e_bridge-closure-steps_event1)" in measure
    )
    assert "- In effect, June 2020, according to " in measure
    source = anchors(page(grown, "sources/bridge-closed.md"))
    assert {"e_bridge-closure-steps_event1", "e_bridge-closure-steps_event2"} <= source
    timeline = page(grown, "timeline.md")
    assert "| June 2020 | [The old bridge" in timeline
    assert (
        "— announced again, according to [Springfield Radio: the old bridge has closed]" in timeline
    )


def test_a_joint_statement_names_every_speaker(grown: Path) -> None:
    claim = page(grown, "claims/reopen-when-safe.md")
    assert (
        "- **Speakers:** [Ann Lee](../actors/ann-lee.md), [Town Council](../actors/springfield-council.md)"
        in claim
    )
    for actor in ("ann-lee", "springfield-council"):
        assert "(../claims/reopen-when-safe.md)" in page(grown, f"actors/{actor}.md")
    index = page(grown, "claims/index.md")
    assert index.count("(../claims/reopen-when-safe.md)") == 2  # listed under each speaker


def test_a_publisher_known_from_provenance_that_the_text_names_is_not_said_absent(
    grown: Path,
) -> None:
    """A byline or dateline names the publisher: its page metadata is still how we know it is
    the publisher, but the page must not say the text does not name it."""
    annotation = grown / "seeds" / "annotations" / "bridge-closed.yaml"
    annotation.write_text(
        annotation.read_text(encoding="utf-8").replace(
            "    kind: publication\n",
            "    kind: publication\n"
            "    evidence: [{source: bridge-closed, quote: Springfield Radio}]\n",
            1,
        ),
        encoding="utf-8",
    )
    assert run_cli(grown, "generate").code == 0
    source = page(grown, "sources/bridge-closed.md")
    assert (
        "- **Publisher:** [Springfield Radio](../actors/springfield-radio.md)"
        " *(known from provenance, named in the text too)*" in source
    )
    assert "not from the text" not in source.split("- **Published:**")[0]


def test_a_publisher_known_from_provenance_is_shown_as_such(grown: Path) -> None:
    source = page(grown, "sources/bridge-closed.md")
    assert (
        "- **Publisher:** [Springfield Radio](../actors/springfield-radio.md)"
        " *(known from provenance, not from the text)*" in source
    )
    assert "- **Provenance** of the publisher: The fixture's author received it" in source
    actor = page(grown, "actors/springfield-radio.md")
    assert "No article's text names Springfield Radio." in actor
    assert (
        "- Publisher of [Springfield Radio: the old bridge has closed](../sources/bridge-closed.md): "
        in actor
    )


def edit(root: Path, old: str, new: str) -> None:
    path = root / "seeds" / "annotations" / "bridge-closed.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "record: close-bridge",
            "record: close-brige",
            "bridge-closed.yaml:43:13: unknown id 'close-brige' in record\n    hint: did you mean 'close-bridge'?",
        ),
        (
            "\n        quote: The old bridge closed on Monday\n",
            "\n        quote: The old bridge shut on Monday\n",
            "bridge-closed.yaml:46:16: quote not found in source 'bridge-closed'",
        ),
    ],
)
def test_more_evidence_is_checked_like_evidence(
    grown: Path, old: str, new: str, expected: str
) -> None:
    edit(grown, old, new)
    before = sorted(p.name for p in (grown / "docs").rglob("*"))
    result = run_cli(grown, "generate")
    assert result.code == 1
    assert expected in result.err
    assert "Traceback" not in result.err
    assert sorted(p.name for p in (grown / "docs").rglob("*")) == before


def test_an_actor_needs_words_that_name_it_or_a_provenance(grown: Path) -> None:
    article = grown / "seeds" / "articles" / "bridge-closed.txt"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("  publisher: The fixture's author", "  published_by: x", 1))
    result = run_cli(grown, "check")
    assert result.code == 1
    assert "bridge-closed.yaml:4:9: actor 'springfield-radio' has no evidence" in result.err
    assert "Traceback" not in result.err
