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
    assert quotation["text"] == "Safety comes first, and the bridge is *unsafe*"  # no tag
    assert quotation["isPartOf"]["@type"] == "NewsArticle"
    assert quotation["url"] == "../../sources/bridge-closure/#e_bridge-unsafe_1"
    assert data["isBasedOn"][0]["@id"] == "../../sources/bridge-closure/"


def _json_ld(docs: Path) -> list[dict]:
    pattern = re.compile(r'<script type="application/ld\+json">(.*?)</script>')
    return [
        json.loads(script)
        for page in sorted(docs.rglob("*.md"))
        for script in pattern.findall(page.read_text(encoding="utf-8"))
    ]


def _quotations(value: object) -> list[dict]:
    if isinstance(value, list):
        return [q for item in value for q in _quotations(item)]
    if not isinstance(value, dict):
        return []
    own = [value] if value.get("@type") == "Quotation" else []
    return own + [q for item in value.values() for q in _quotations(item)]


def test_json_ld_quotes_only_words_inside_quotation_marks(harbour: Path, minimal: Path) -> None:
    """Every Quotation stands inside quotation marks in its article; a reported claim has none."""
    for root in (harbour, minimal):
        assert run_cli(root, "generate").code == 0
        briefing = load_briefing(root)
        found = _json_ld(root / "docs")
        quotations = _quotations(found)
        assert quotations, root
        for quotation in quotations:
            source = quotation["isPartOf"]["@id"].split("/")[-2]
            text = briefing.articles[source].text
            line = next(line for line in text.splitlines() if quotation["text"] in line)
            before = line[: line.index(quotation["text"])]
            opened = before.count("“") - before.count("”") + before.count('"') % 2
            assert opened > 0, quotation["text"]
            assert not set('“”"') & set(quotation["text"]), quotation["text"]
        for data in found:
            if data.get("@type") == "Claim":
                claim = briefing.records[data["@id"].split("/")[-2]]
                if claim.get("form") != "quoted":
                    assert "appearance" not in data, claim.id


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


def _figure_page(root: Path, **fields: object) -> tuple[str, dict]:
    path = root / "seeds" / "annotations" / "records.yaml"
    text = path.read_text(encoding="utf-8")
    extra = "".join(f"    {key}: {json.dumps(value)}\n" for key, value in fields.items())
    path.write_text(
        text.replace(
            "    stated_by: springfield-gazette\n",
            extra + "    stated_by: springfield-gazette\n",
            1,
        )
    )
    result = run_cli(root, "generate")
    assert result.code == 0, result.err
    page = (root / "docs" / "figures" / "council-vote.md").read_text(encoding="utf-8")
    [script] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page)
    return page, json.loads(script)


def test_json_ld_says_a_number_no_more_exactly_than_the_source(minimal: Path) -> None:
    page, data = _figure_page(minimal, qualifier="more-than", period={"from": "2019"})
    assert "value" not in data and data["minValue"] == 7
    assert data["valueReference"] == {
        "@type": "PropertyValue",
        "name": "qualifier",
        "value": "more than",
    }
    assert data["temporalCoverage"] == "2019/.."
    assert "- **Period:** since 2019" in page
    figures = (minimal / "docs" / "figures" / "index.md").read_text(encoding="utf-8")
    assert "| since 2019 |" in figures


def test_json_ld_flags_every_inferred_value_with_its_reason(minimal: Path) -> None:
    reason = "The vote is reported in the Gazette's own words."
    _, data = _figure_page(minimal, period={"to": "2020-05"}, inferred={"stated_by": reason})
    assert data["temporalCoverage"] == "../2020-05"
    assert data["additionalProperty"] == [
        {"@type": "PropertyValue", "name": "inferred", "propertyID": "stated_by", "value": reason}
    ]
    for record in _json_ld(minimal / "docs"):
        if record["@id"] == "../../sources/bridge-closure/":  # its date is inferred
            assert any(p["propertyID"] == "published" for p in record["additionalProperty"])
            break
    else:
        raise AssertionError("no JSON-LD for the source")
