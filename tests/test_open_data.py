from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from conftest import run_cli

from generator.input.validation import load_briefing


def test_record_pages_carry_schema_org_json_ld(minimal: Path) -> None:
    assert run_cli(minimal, "generate").code == 0
    page = (minimal / "docs" / "claims" / "bridge-unsafe.md").read_text(encoding="utf-8")
    [script] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page)
    data = json.loads(script)
    assert data["@type"] == "Claim"
    assert data["author"]["@type"] == "Person" and data["author"]["name"] == "Ann Lee"
    [quotation] = data["appearance"]
    assert quotation["@type"] == "Quotation"
    assert quotation["isPartOf"]["@type"] == "NewsArticle"
    assert quotation["url"] == "../../sources/bridge-closure/#e_bridge-unsafe_1"


def test_json_ld_cannot_close_its_script_element(minimal: Path) -> None:
    assert run_cli(minimal, "generate").code == 0
    page = (minimal / "docs" / "actors" / "springfield-council.md").read_text(encoding="utf-8")
    assert "</b>" not in page.split("<script", 1)[1].split("</script>")[0]


def test_downloads_hold_every_record(minimal: Path) -> None:
    assert run_cli(minimal, "generate").code == 0
    data = minimal / "docs" / "data"
    records = json.loads((data / "records.json").read_text(encoding="utf-8"))
    briefing = load_briefing(minimal)
    for section in ("actors", "claims", "measures", "figures", "sources", "questions"):
        ids = [r.id for r in briefing.in_section(section)]
        assert [r["id"] for r in records[section]] == ids
        rows = list(
            csv.DictReader(io.StringIO((data / f"{section}.csv").read_text(encoding="utf-8")))
        )
        assert [row["id"] for row in rows] == ids
    [claim] = [c for c in records["claims"] if c["id"] == "bridge-unsafe"]
    assert claim["evidence"][0]["passage"] == "sources/bridge-closure/#e_bridge-unsafe_1"
    assert claim["page"] == "claims/bridge-unsafe/"
