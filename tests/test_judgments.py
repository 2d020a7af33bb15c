"""Key judgments: the analyst's bottom line, first on the home page and in the memo, each
resting on records and read against its likelihood and confidence (bad inputs: fixtures/bad)."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import markdown
import pytest
from conftest import run_cli
from projects import as_read

from generator.input import judgments
from generator.input.likelihood import language_of
from generator.input.loading import Document
from generator.input.raw import Raw

JUDGMENT = {
    "id": "bridge-stays-shut",
    "judgment": "The bridge will almost certainly stay closed until the U.S. grant arrives.",
    "likelihood": "almost certain",
    "confidence": "moderate",
    "basis": "The mayor and the council agree; no one in the article argues for reopening.",
    "rests_on": ["bridge-unsafe", "close-bridge", "council-vote"],
}


ENGLISH = language_of(None)[0]  # a briefing.yaml that names no language


def _raw(**fields: str) -> Raw:
    data = {**JUDGMENT, **fields}
    document = Document("j.yaml", {"judgments": [data]}, "", marks={}, key_marks={})
    return Raw("judgments", data, document, ("judgments", 0))


@pytest.mark.parametrize(
    "sentence",
    [
        "The bridge will almost certainly stay closed until the U.S. grant arrives.",
        "It is almost certain that Mr. Lee's council keeps the bridge shut.",
    ],
)
def test_a_sentence_saying_its_likelihood_passes(sentence: str) -> None:
    assert judgments.check(_raw(judgment=sentence), ENGLISH) == []


@pytest.mark.parametrize(
    ("sentence", "likelihood", "found"),
    [
        ("The bridge stays closed. Repairs follow.", "almost certain", "one sentence"),
        ("The bridge will stay closed.", "likely", "does not say its likelihood, 'likely'"),
        ("It is very likely the bridge stays closed.", "likely", "says 'very likely'"),
        ("The bridge is likely to stay closed, we are confident.", "likely", "of confidence"),
    ],
)
def test_a_sentence_at_odds_with_its_fields_is_refused(
    sentence: str, likelihood: str, found: str
) -> None:
    raw = _raw(judgment=sentence, likelihood=likelihood)
    messages = [p.message for p in judgments.check(raw, ENGLISH)]
    assert any(found in m for m in messages), messages


def _with_judgments(root: Path) -> None:
    path = root / "seeds" / "annotations" / "judgments.yaml"
    path.write_text(as_read({"judgments": [JUDGMENT]}), encoding="utf-8")
    assert run_cli(root, "generate").code == 0


def test_key_judgments_come_first_and_say_whose_they_are(minimal: Path) -> None:
    _with_judgments(minimal)
    docs = minimal / "docs"
    home = (docs / "index.md").read_text(encoding="utf-8")
    line = (
        "- [The bridge will almost certainly stay closed until the U.S. grant arrives.]"
        "(judgments/bridge-stays-shut.md) Moderate confidence. Rests on 3 records."
    )
    assert line in home
    assert home.index("## Bottom line") < home.index("This briefing records")
    assert "*The analyst's key judgments, not the sources' words" in home
    memo = (docs / "memo.md").read_text(encoding="utf-8")
    assert memo.index("## Key judgments") < memo.index("## Situation") and line in memo
    page = (docs / "judgments" / "bridge-stays-shut.md").read_text(encoding="utf-8")
    assert "not the words of any source" in page
    assert "- **Confidence:** Moderate. The mayor and the council agree;" in page
    for heading, target in (
        ("Claims", "claims/bridge-unsafe"),
        ("Measures", "measures/close-bridge"),
        ("Figures", "figures/council-vote"),
    ):
        assert f"](../{target}.md)" in page.split(f"### {heading}")[1].split("###")[0]
    claim = (docs / "claims" / "bridge-unsafe.md").read_text(encoding="utf-8")
    assert "## Judgments" in claim and "](../judgments/bridge-stays-shut.md)" in claim


def test_no_judgments_no_bottom_line(minimal: Path) -> None:
    assert run_cli(minimal, "generate").code == 0
    home = (minimal / "docs" / "index.md").read_text(encoding="utf-8")
    assert "## Bottom line" not in home
    index = (minimal / "docs" / "judgments" / "index.md").read_text(encoding="utf-8")
    assert "This briefing holds no key judgments yet." in index


HOSTILE = "<script>alert(1)</script> *not emphasis* [x](javascript:alert(1))"


def _items_under(html: str, heading: str) -> list[str]:
    """The texts of the list items after the heading ``heading``, before the next heading."""
    section = html.split(f">{heading}</h2>", 1)[1].split("<h2", 1)[0]
    return [
        unescape(re.sub(r"<[^>]+>", "", item)) for item in re.findall(r"<li>(.*?)</li>", section)
    ]


def test_alternatives_and_indicators_show_as_text_and_only_when_given(minimal: Path) -> None:
    """ICD 203's alternatives and indicators: under their headings on the judgment's page, the
    first of each in the memo, every text as written (no markup of its own); a judgment without
    them shows no empty heading. Neither is held to the sentence checks (no likelihood word)."""
    bare = {**JUDGMENT, "id": "bridge-plain"}
    full = {
        **JUDGMENT,
        "alternatives": [HOSTILE, "The council reopens the bridge to pedestrians first."],
        "indicators": ["# The grant is refused", "Engineers find the bridge sound."],
    }
    path = minimal / "seeds" / "annotations" / "judgments.yaml"
    path.write_text(as_read({"judgments": [full, bare]}), encoding="utf-8")
    result = run_cli(minimal, "generate")
    assert result.code == 0, result.err
    docs = minimal / "docs"
    page = (docs / "judgments" / "bridge-stays-shut.md").read_text(encoding="utf-8")
    html = markdown.markdown(page, extensions=["attr_list", "tables"])
    assert _items_under(html, "Alternatives considered") == full["alternatives"]
    assert _items_under(html, "What would change it") == full["indicators"]
    assert "<script>" not in html and "javascript:" not in html.split('href="')[-1]
    plain = (docs / "judgments" / "bridge-plain.md").read_text(encoding="utf-8")
    assert "Alternatives considered" not in plain and "What would change it" not in plain

    memo = markdown.markdown((docs / "memo.md").read_text(encoding="utf-8"))
    judgments = memo.split(">Key judgments</h2>")[1].split("<h2")[0]
    items = {
        re.search(r"judgments/([a-z-]+)\.md", item)[1]: unescape(re.sub(r"<[^>]+>", "", item))
        for item in re.findall(r"<li>(.*?)</li>", judgments)
    }
    first, second = items["bridge-stays-shut"], items["bridge-plain"]
    assert f"Alternatives considered: {HOSTILE} (and 1 more)." in first
    assert "What would change it: # The grant is refused (and 1 more)." in first
    assert "Alternatives" not in second and "would change" not in second
