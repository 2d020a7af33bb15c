"""The truth fixture (tests/fixtures/truth): each case of what the site may say, read off the
pages. Its pages are also golden files (``test_golden``)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, run_cli
from projects import made_once


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    def generate(folder: Path) -> None:
        root = folder / "project"
        shutil.copytree(FIXTURES / "truth", root)
        shutil.copytree(REPO / "templates", root / "templates")
        (root / "docs").mkdir()
        result = run_cli(root, "generate")
        assert result.code == 0, result.err

    return made_once(tmp_path_factory, "truth", generate) / "project" / "docs"


def page(docs: Path, name: str) -> str:
    return (docs / name).read_text(encoding="utf-8")


def section(text: str, heading: str) -> str:
    """What stands under a '## ' heading, up to the next one; '' if there is none."""
    start = f"\n## {heading}\n"
    return text.split(start, 1)[1].split("\n## ")[0] if start in text else ""


def json_ld(text: str) -> dict:
    [script] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text)
    return json.loads(script)


SOURCE = "[Riverton Times: inspectors close pharmacies]"


def test_a_partys_account_of_its_own_sides_act_says_whose_it_is(docs: Path) -> None:
    """The minister reports what her ministry's inspectors did: a self-report, never a fact."""
    measure = page(docs, "measures/inspectors-close-pharmacies.md")
    assert (
        "- **Status:** carried out, according to [Dana Ortiz](../actors/dana-ortiz.md)"
        f" (a self-report), in {SOURCE}" in measure
    )
    inspectors = section(page(docs, "actors/health-inspectors.md"), "Measures it took")
    assert "according to [Dana Ortiz](../actors/dana-ortiz.md) (a self-report)" in inspectors
    for listing in ("index.md", "measures/index.md", "memo.md"):
        lines = page(docs, listing).splitlines()
        row = next(line for line in lines if "measures/inspectors-close-pharmacies.md" in line)
        assert "Dana Ortiz" in row and "(a self-report)" in row, listing
    figure = page(docs, "figures/pharmacies-closed.md")
    assert "according to [Dana Ortiz](../actors/dana-ortiz.md) (a self-report)" in figure


def test_the_articles_own_report_is_according_to_the_article(docs: Path) -> None:
    measure = page(docs, "measures/ferry-reopened.md")
    assert f"- **Status:** carried out, according to {SOURCE}" in measure
    assert "self-report" not in measure


def test_an_urged_measure_is_urged_on_its_target_and_taken_by_nobody(docs: Path) -> None:
    government = page(docs, "actors/riverton-government.md")
    assert "publish-inspection-reports" in section(government, "Measures urged on it")
    assert "## Measures it took" not in government
    patel = page(docs, "actors/sam-patel.md")
    assert "publish-inspection-reports" in section(patel, "Measures it urged")
    measures = page(docs, "measures/index.md")
    assert "publish-inspection-reports" in section(measures, "Urged (1)")
    assert "publish-inspection-reports" not in section(measures, "Carried out (2)")
    urged = page(docs, "measures/publish-inspection-reports.md")
    assert "- **Urged on:** [Government of Riverton]" in urged and "Taken by" not in urged


def test_only_words_inside_quotation_marks_are_published_as_quotations(docs: Path) -> None:
    quoted = json_ld(page(docs, "claims/ortiz-shut-down-sellers.md"))
    assert [q["text"] for q in quoted["appearance"]] == [
        "We have shut down every unlicensed seller we found"
    ]
    reported = json_ld(page(docs, "claims/ortiz-inspectors-closed-pharmacies.md"))
    assert reported["@type"] == "Claim" and "appearance" not in reported
    assert reported["author"]["name"] == "Dana Ortiz"
    assert reported["isBasedOn"][0]["@id"] == "../../sources/riverton-pharmacies/"


def test_an_inferred_value_is_marked_with_its_reason_on_every_list(docs: Path) -> None:
    mark = "[*inferred*](measures/ferry-reopened.md#what-is-inferred"
    reason = "&quot;In March&quot;: the March before the article, of 2021."
    timeline = page(docs, "timeline.md")
    assert f'{mark} "{reason}"){{ .inferred }}' in timeline
    assert '<span class="inferred-reason"> ("In March": the March before' in timeline  # printed
    claims = page(docs, "claims/index.md")
    assert "[*inferred*](../claims/ortiz-shut-down-sellers.md#what-is-inferred" in claims
    home = page(docs, "index.md")
    assert "[*inferred*](claims/ortiz-shut-down-sellers.md#what-is-inferred" in home
    claim = page(docs, "claims/ortiz-shut-down-sellers.md")
    inferences = section(claim, "What is inferred")
    assert "- **date:** She spoke to reporters on the Monday she made her announcement." in (
        inferences
    )


def test_a_relayed_claim_shows_its_path_and_the_network_says_only_what_is_stated(
    docs: Path,
) -> None:
    claim = page(docs, "claims/guild-members-check-identity.md")
    assert "[The Pharmacists' Guild's statement](../sources/guild-statement.md)" in claim
    tips = re.findall(r"<title>([^<]*)</title>", page(docs, "index.md"))
    assert (
        "Riverton Times relays what was said by Pharmacists&#x27; Guild: claim"
        " “The guild&#x27;s members now check every buyer&#x27;s identity.”" in tips
    )
    assert (
        "Sam Patel urges Government of Riverton: measure"
        " “The government should publish the inspectors&#x27; reports.”" in tips
    )
    stated = re.compile(r" (relays what was said by|urges|holds a role in) ")
    relations = [t for t in tips if ": " in t]  # the nodes' titles are names alone
    assert len(relations) == 5 and all(stated.search(t) for t in relations)
    assert not any(re.search(r"\b[a-z]+-[a-z]+\b", t) for t in relations)  # no id
