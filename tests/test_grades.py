"""Grades in the Admiralty code: badges with a legend, reasons on the record's page, and the
count of independent sources (bad grades: fixtures/bad/grade-*)."""

from __future__ import annotations

from pathlib import Path

import yaml
from conftest import run_cli
from projects import as_read, briefing, record

from generator.model.attribution import independent_sources


def test_badges_link_to_the_legend_and_pages_give_the_reason(minimal: Path) -> None:
    path = minimal / "seeds" / "annotations" / "records.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    [claim] = [c for c in data["claims"] if c["id"] == "bridge-unsafe"]
    claim["credibility"] = {"grade": 2, "reason": "The mayor chairs the council that voted."}
    [gazette] = [a for a in data["actors"] if a["id"] == "springfield-gazette"]
    gazette["reliability"] = {"grade": "C", "reason": "A small local paper."}
    path.write_text(as_read(data), encoding="utf-8")
    assert run_cli(minimal, "generate").code == 0
    docs = minimal / "docs"
    badge = '[2](../about.md#grades "Credibility 2: probably true"){ .grade }'
    page = (docs / "claims" / "bridge-unsafe.md").read_text(encoding="utf-8")
    assert f"- **Credibility:** {badge} probably true, in the analyst's grading: The mayor" in page
    assert "- **Carried by:** one source only ([Springfield Gazette: the old" in page
    # in lists, one badge: the reliability of the source the claim stands in (here its
    # publisher's, the source itself being ungraded), then the claim's credibility
    both = (
        '[C2](../about.md#grades "Reliability C &#40;of Springfield Gazette&#41;: fairly'
        ' reliable; Credibility 2: probably true"){ .grade }'
    )
    assert both in (docs / "claims" / "index.md").read_text(encoding="utf-8")
    assert both in (docs / "actors" / "ann-lee.md").read_text(encoding="utf-8")
    assert "arried by" not in (docs / "actors" / "ann-lee.md").read_text(encoding="utf-8")
    actor = (docs / "actors" / "springfield-gazette.md").read_text(encoding="utf-8")
    assert '[C](../about.md#grades "Reliability C: fairly reliable")' in actor
    about = (docs / "about.md").read_text(encoding="utf-8")
    assert "| **C** | fairly reliable |\n" in about and "| **3** | possibly true |\n" in about


def test_sources_count_once_for_each_publisher() -> None:
    b = briefing(
        record("actors", "wire", name="Wire", kind="publication"),
        record("actors", "post", name="Post", kind="publication"),
        record("sources", "wire-1", label="W1", publisher="wire"),
        record("sources", "wire-2", label="W2", publisher="wire"),
        record("sources", "post-1", label="P1", publisher="post"),
        record("sources", "letter", label="L"),
        record(
            "claims",
            "c",
            speaker="wire",
            summary="S",
            sources=("wire-1", "wire-2"),
            credibility={"grade": 1, "reason": "R", "corroborated_by": ["post-1", "letter"]},
        ),
    )
    assert independent_sources(b, b.records["c"]) == ["wire-1", "post-1", "letter"]
