"""Exactly whose account a status, an event or a figure is: the speakers whose own words
state it, never every speaker quoted near it; a self-report when a speaker is on the side of
who took, announced, promised or urged a measure (the minimal fixture's article)."""

from __future__ import annotations

from pathlib import Path

import yaml
from conftest import run_cli
from projects import as_read, run_in_process

from generator.input.validation import load_briefing
from generator.model.attribution import account, claim_self_report, event_account

ARTICLE = "bridge-closure"
ANN_SAYS = "Safety comes first"  # inside Ann Lee's quoted claim
COUNCIL_SAYS = "The council voted 7 to 2 for the closure."  # the council's claim, whole
NEAR_ANN = "the bridge is *unsafe*,” said Mayor Ann Lee"  # overlaps her claim, not inside it


def _measure(id: str, quote: str, **fields) -> dict:
    evidence = [{"source": ARTICLE, "quote": quote}]
    return {"id": id, "summary": "S.", "kind": "other", "evidence": evidence, **fields}


def _load(root: Path, *measures: dict):
    path = root / "seeds" / "annotations" / "records.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["measures"] += list(measures)
    path.write_text(as_read(data, sort_keys=False), encoding="utf-8")
    return load_briefing(root)


def test_a_status_is_the_account_of_the_event_that_tells_of_it(minimal: Path) -> None:
    steps = [
        {
            "event": "announced",
            "date": "2020-05",
            "evidence": {"source": ARTICLE, "quote": ANN_SAYS},
        },
        {"event": "in-effect", "evidence": {"source": ARTICLE, "quote": COUNCIL_SAYS}},
    ]
    both = f"{ANN_SAYS}, and the bridge is *unsafe*,” said Mayor Ann Lee"
    b = _load(
        minimal,
        _measure(
            "closing",
            both,
            status="in-effect",
            actors=["springfield-council"],
            events=steps,
            announced="2020-05-12",
        ),
    )
    closing = b.records["closing"]
    assert account(b, closing).speakers == ("springfield-council",)
    assert account(b, closing).self_report
    assert event_account(b, closing, 0).speakers == ("ann-lee",)
    assert event_account(b, closing, 1).speakers == ("springfield-council",)
    assert run_in_process(minimal, "generate").code == 0
    page = (minimal / "docs" / "measures" / "closing.md").read_text(encoding="utf-8")
    assert "- **Status:** in effect, according to [Town Council](../actors/springfield-council" in (
        page
    )
    assert (
        "- Announced, May 2020, according to [Ann Lee](../actors/ann-lee.md) (a self-report)"
        in (page)
    )
    timeline = (minimal / "docs" / "timeline.md").read_text(encoding="utf-8")
    step = "[S.](measures/closing.md) — announced, according to [Ann Lee](actors/ann-lee.md)"
    assert f"| May 2020 | {step} (a self-report) |" in timeline  # the event
    assert f"| 12 May 2020 | {step} (a self-report) |" in timeline  # the measure's date field


def test_words_near_a_claim_are_not_its_speakers_account(minimal: Path) -> None:
    b = _load(
        minimal,
        _measure("near", NEAR_ANN, status="announced", actors=["springfield-council"]),
        _measure("inside", ANN_SAYS, status="announced", actors=["springfield-council"]),
    )
    near, inside = account(b, b.records["near"]), account(b, b.records["inside"])
    assert near.speakers == () and near.own_voice == (ARTICLE,)
    assert inside.speakers == ("ann-lee",) and inside.self_report


def test_a_self_report_is_by_the_side_that_took_or_urged_it_not_its_target(
    minimal: Path,
) -> None:
    b = _load(
        minimal,
        _measure(
            "urged-by-them",
            COUNCIL_SAYS,
            status="urged",
            actors=["springfield-gazette"],
            urged_by=["springfield-council"],
        ),
        _measure("urged-on-them", COUNCIL_SAYS, status="urged", actors=["springfield-council"]),
    )
    assert account(b, b.records["urged-by-them"]).self_report
    urged_on = account(b, b.records["urged-on-them"])
    assert urged_on.speakers == ("springfield-council",) and not urged_on.self_report


def test_a_figure_is_its_stated_bys_account_alone(minimal: Path) -> None:
    b = load_briefing(minimal)
    figure = b.records["council-vote"]  # stated by the Gazette, inside the council's claim
    assert account(b, figure).speakers == ("springfield-gazette",)


def test_the_timeline_names_who_claimed_and_marks_a_self_report(minimal: Path) -> None:
    assert run_in_process(minimal, "generate").code == 0
    timeline = (minimal / "docs" / "timeline.md").read_text(encoding="utf-8")
    row = next(line for line in timeline.splitlines() if "claims/bridge-unsafe.md" in line)
    assert "— claimed by [Ann Lee](actors/ann-lee.md) (a self-report) |" in row


def test_a_call_on_others_to_act_is_not_a_self_report(minimal: Path) -> None:
    urged = _measure(
        "gazette-should-apologise",
        ANN_SAYS,
        status="urged",
        actors=["springfield-gazette"],
        urged_by=["ann-lee"],
    )
    path = minimal / "seeds" / "annotations" / "records.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    [claim] = [c for c in data["claims"] if c["id"] == "bridge-unsafe"]
    claim["about"] = ["gazette-should-apologise"]
    path.write_text(as_read(data, sort_keys=False), encoding="utf-8")
    b = _load(minimal, urged)
    assert account(b, b.records["gazette-should-apologise"]).self_report  # the measure: hers
    assert not claim_self_report(b, b.records["bridge-unsafe"])  # her call: not her conduct


def test_an_events_inferred_date_is_marked_where_it_shows(minimal: Path) -> None:
    reason = "The article says 'on Tuesday'; it appeared in May 2020."
    step = {
        "event": "announced",
        "date": "2020-05",
        "inferred": {"date": reason},
        "evidence": {"source": ARTICLE, "quote": ANN_SAYS},
    }
    _load(
        minimal,
        _measure("closing", ANN_SAYS, status="announced", actors=["ann-lee"], events=[step]),
    )
    assert run_in_process(minimal, "generate").code == 0
    docs = minimal / "docs"
    page = (docs / "measures" / "closing.md").read_text(encoding="utf-8")
    assert "- Announced, May 2020 [*inferred*](../measures/closing.md#what-is-inferred" in page
    assert f"- **date of the announced event:** {reason}" in page.replace("&#39;", "'")
    timeline = (docs / "timeline.md").read_text(encoding="utf-8")
    assert "| May 2020 [*inferred*](measures/closing.md#what-is-inferred" in timeline
    path = minimal / "seeds" / "annotations" / "records.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    del data["measures"][-1]["events"][0]["date"]  # a reason, and no date to give it for
    path.write_text(as_read(data, sort_keys=False), encoding="utf-8")
    result = run_cli(minimal, "check")
    assert result.code == 1 and "Traceback" not in result.err
    assert (
        "has 'inferred' but not 'date'" in result.err
        and "add date, or remove inferred" in result.err
    )


def test_a_claims_page_says_it_is_a_self_report(minimal: Path) -> None:
    assert run_in_process(minimal, "generate").code == 0
    page = (minimal / "docs" / "claims" / "bridge-unsafe.md").read_text(encoding="utf-8")
    assert (
        "- **Speaker:** [Ann Lee](../actors/ann-lee.md) (a self-report: the claim is about" in page
    )


def test_a_press_conference_is_held_not_published(minimal: Path) -> None:
    article = minimal / "seeds" / "articles" / "bridge-closure.txt"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("kind: news-article", "kind: press-conference", 1))
    assert run_in_process(minimal, "generate").code == 0
    source = (minimal / "docs" / "sources" / "bridge-closure.md").read_text(encoding="utf-8")
    assert "- **Held:** May 2020" in source and "Published:" not in source
    timeline = (minimal / "docs" / "timeline.md").read_text(encoding="utf-8")
    assert "(sources/bridge-closure.md) — held |" in timeline


def test_a_status_is_reported_in_the_articles_whose_words_state_it(harbour: Path) -> None:
    """A measure reported in two articles, its in-effect event in one: its status is that
    article's account alone, though both carry the measure."""
    path = harbour / "seeds" / "annotations" / "courier-2023-council-backs-dredging.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    [measure] = [m for m in data["measures"] if len({e["source"] for e in m["evidence"]}) > 1]
    later = measure["evidence"][-1]
    measure["events"] = [{"event": "in-effect", "evidence": later}]
    measure["status"] = "in-effect"
    path.write_text(as_read(data, sort_keys=False), encoding="utf-8")
    b = load_briefing(harbour)
    said = account(b, b.records[measure["id"]])
    assert said.reported_in == (later["source"],)
    assert said.speakers + said.own_voice


def test_a_claim_stating_its_own_sides_measure_is_a_self_report(minimal: Path) -> None:
    """No ``about`` needed: the measure's words stand inside the claim's."""
    path = minimal / "seeds" / "annotations" / "records.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    [claim] = [c for c in data["claims"] if c["id"] == "council-agrees"]
    assert "about" not in claim
    b = _load(
        minimal, _measure("vote", "voted 7 to 2", status="done", actors=["springfield-council"])
    )
    assert claim_self_report(b, b.records["council-agrees"])
