"""Say only what the sources say: an actor's part in a measure, and whose account its status is."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import yaml
from conftest import run_cli
from projects import as_read, run_in_process

from generator.input.validation import load_briefing
from generator.model.attribution import account, parts


def _add_measures(root: Path) -> None:
    path = root / "seeds" / "annotations" / "records.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["measures"] += [
        {  # urged on the council by the mayor: the council did not take it
            "id": "council-fund-repairs",
            "summary": "The council should fund repairs.",
            "kind": "other",
            "status": "urged",
            "actors": ["springfield-council"],
            "urged_by": ["ann-lee"],
            "evidence": [{"source": "bridge-closure", "quote": "close the old bridge"}],
        },
        {  # its evidence is inside the mayor's quoted claim: her account of her council's act
            "id": "council-puts-safety-first",
            "summary": "The council puts safety first.",
            "kind": "other",
            "status": "in-effect",
            "actors": ["springfield-council"],
            "evidence": [{"source": "bridge-closure", "quote": "Safety comes first"}],
        },
    ]
    path.write_text(as_read(data), encoding="utf-8")


def test_an_urged_measure_is_never_listed_as_taken(minimal: Path) -> None:
    _add_measures(minimal)
    briefing = load_briefing(minimal)
    council = briefing.records["springfield-council"]
    found = {part: [m.id for m in measures] for part, measures in parts(briefing, council).items()}
    assert "council-fund-repairs" in found["urged to take"]
    assert "council-fund-repairs" not in found.get("took", [])
    assert run_in_process(minimal, "generate").code == 0
    page = (minimal / "docs" / "actors" / "springfield-council.md").read_text(encoding="utf-8")
    taken = page.split("## Measures it took")[1].split("\n## ")[0]
    assert "council-fund-repairs" not in taken
    assert "council-fund-repairs" in page.split("## Measures urged on it")[1].split("\n## ")[0]
    urged = (minimal / "docs" / "measures" / "council-fund-repairs.md").read_text(encoding="utf-8")
    assert "- **Urged on:** [Town Council]" in urged and "**Taken by:**" not in urged


def test_a_partys_account_of_its_own_act_is_a_self_report(minimal: Path) -> None:
    _add_measures(minimal)
    briefing = load_briefing(minimal)
    said = account(briefing, briefing.records["council-puts-safety-first"])
    assert said.speakers == ("ann-lee",) and said.own_voice == () and said.self_report
    reported = account(briefing, briefing.records["close-bridge"])
    assert reported.speakers == () and reported.own_voice == ("bridge-closure",)
    assert not reported.self_report
    assert run_in_process(minimal, "generate").code == 0
    page = (minimal / "docs" / "measures" / "council-puts-safety-first.md").read_text()
    assert (
        "- **Status:** in effect, according to [Ann Lee](../actors/ann-lee.md) (a self-report),"
        " in [Springfield Gazette: the old bridge will close](../sources/bridge-closure.md)" in page
    )
    assert "Done" not in page and "done" not in page.split("<script")[0]


def test_every_inferred_value_shows_its_reason_on_its_page(harbour: Path, minimal: Path) -> None:
    from generator.render.markup import escape

    for root in (harbour, minimal):
        assert run_in_process(root, "generate").code == 0
        briefing = load_briefing(root)
        inferred = [r for r in briefing.records.values() if r.inferred]
        assert inferred, root
        for record in inferred:
            page = (root / "docs" / record.section / f"{record.id}.md").read_text()
            assert "## What is inferred" in page, record.id
            for reason in record.inferred.values():
                assert escape(reason) in page, (record.id, reason)
            table = (root / "docs" / "data" / f"{record.section}.csv").read_text(encoding="utf-8")
            [row] = [r for r in csv.DictReader(io.StringIO(table)) if r["id"] == record.id]
            for field, reason in record.inferred.items():
                assert f"{field}: {' '.join(reason.split())}" in " ".join(row["inferred"].split())


def test_the_analysts_prose_may_not_miscount_the_articles(minimal: Path) -> None:
    """The minimal fixture holds one article: a topic saying two is refused, at its line, and
    one saying one, or giving no count, is not."""
    path = minimal / "seeds" / "briefing.yaml"
    path.write_text("title: Bridges\ntopic: What two news articles say.\n", encoding="utf-8")
    result = run_cli(minimal, "check")
    assert result.code == 1
    assert "seeds/briefing.yaml:2:8: the topic says 'two news articles', but the briefing" in (
        result.err
    )
    assert "holds 1 article" in result.err and "Traceback" not in result.err
    path.write_text("title: Bridges\ntopic: What two made-up news articles say.\n")
    assert "the topic says 'two made-up news articles'" in run_in_process(minimal, "check").err
    for fine in ("What a single article says.", "What one of the articles says.", "Articles."):
        path.write_text(f"title: Bridges\ntopic: {fine}\n", encoding="utf-8")
        assert run_in_process(minimal, "check").code == 0, fine
