"""End to end: the harbour fixture built into a site, as `make site` builds a project.

The rules every site keeps (links both ways, anchors, no other hosts, identical rebuilds) are
in test_any_corpus.py; these are what a reader of this particular briefing must find.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import run_cli, snapshot
from corpus_rules import internal_targets, page_of

ANNOTATION = Path("seeds/annotations/courier-2023-council-backs-dredging.yaml")


@pytest.fixture(scope="module")
def site(built_site: Path) -> Path:
    return built_site / "site"


def test_home_page_gives_the_title_and_counts_each_kind(site: Path, built_briefing) -> None:
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "<h1" in home and "Port Alder: the harbour dredging dispute" in home
    counts = {"actors": 10, "claims": 11, "measures": 3, "figures": 6, "sources": 5}
    for section, count in counts.items():
        assert len(built_briefing.in_section(section)) == count, section
        assert re.search(rf'href="{section}/">{count} {section}</a>', home), section


def test_the_search_is_pagefinds_and_materials_index_is_empty(site: Path) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["docs"] == []  # what Material's search box loads first: nothing to speak of
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["en"]["page_count"] == len(list(site.rglob("index.html")))
    actor = (site / "actors" / "helen-marsh" / "index.html").read_text(encoding="utf-8")
    assert 'data-pagefind-filter="actors:1"' in actor and 'data-pagefind-meta="names:' in actor


def test_a_claim_page_names_its_speaker_its_source_and_the_claims_answering_it(
    site: Path,
) -> None:
    claim = page_of(site, "claims", "marsh-ships-will-stop-calling")
    targets = internal_targets(site, claim)
    assert {"actors/helen-marsh/", "sources/courier-2023-council-backs-dredging/"} <= targets
    assert {"claims/reyes-work-scope/", "claims/quinn-plan-will-destroy-oyster-beds/"} <= targets
    assert "questions/does-the-harbour-need-dredging/" in targets
    html = claim.read_text(encoding="utf-8")
    assert "the largest ships will stop calling here within five years" in html


def test_words_relayed_through_a_cited_document_name_it(site: Path) -> None:
    letter = page_of(site, "sources", "save-the-estuary-open-letter")
    relayed = internal_targets(site, letter)
    assert {"claims/quinn-work-harming-estuary/", "claims/quinn-oyster-catches-halved/"} <= relayed
    assert "actors/ada-quinn/" in relayed  # its author
    claim = page_of(site, "claims", "quinn-oyster-catches-halved")
    assert "sources/save-the-estuary-open-letter/" in internal_targets(site, claim)


def test_a_misquote_fails_the_build_with_the_quote_location(
    built_site: Path, tmp_path: Path
) -> None:
    root = tmp_path / "project"
    shutil.copytree(built_site, root)
    annotation = root / ANNOTATION
    text = annotation.read_text(encoding="utf-8")
    assert text.count("the largest ships will stop calling") == 1
    annotation.write_text(text.replace("the largest ships", "the biggest ships"))
    line, column = next(
        (number, row.index("Without") + 1)
        for number, row in enumerate(text.splitlines(), 1)
        if "the largest ships will stop calling" in row
    )
    before = snapshot(root / "site"), snapshot(root / "docs")

    result = run_cli(root, "build")

    assert result.code == 1
    assert f"{ANNOTATION.as_posix()}:{line}:{column}: quote not found in source" in result.err
    assert "'courier-2023-council-backs-dredging'" in result.err
    assert (snapshot(root / "site"), snapshot(root / "docs")) == before
