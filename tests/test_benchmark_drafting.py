"""The drafting benchmark's own rules (benchmarks/drafting_copy.py, drafting_score.py), on a
two-article project made here: the copy without an article passes check and keeps only what
other articles evidence, and a draft's speakers, figures and dates are counted right or wrong
as benchmarks/README.md says."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest

from generator import pipeline

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from drafting_copy import without_article  # noqa: E402
from drafting_figures import is_date_figure, unit_of  # noqa: E402
from drafting_score import Actors, normal, score_article  # noqa: E402

ALPHA = """\
The Port Alder Council will close the old bridge on Monday, Mayor Jane Smith said.
"We have no choice," she said.
Critics say the closure will cost 300 jobs.
There are fears that the closure will hurt trade.
The Port Alder Council said repairs were too costly.
The river rose 2 metres in 2023.
"""
BETA = """\
The mayor, Jane Smith, opened the new bridge.
Smith said the bridge was worth every dollar.
"""
ACTORS = """\
actors:
  - id: jane-smith
    name: Jane Smith
    kind: person
    aliases: [Smith]
    evidence:
      - {source: alpha, quote: Mayor Jane Smith said}
      - {source: beta, quote: "The mayor, Jane Smith"}
  - id: port-alder-council
    name: Port Alder Council
    kind: legislature
    evidence:
      - {source: alpha, quote: The Port Alder Council will close}
  - id: old-bridge-trust
    name: Old Bridge Trust
    kind: organisation
    evidence:
      - {source: alpha, quote: the old bridge}
  - id: critics
    name: critics of the closure
    kind: group
    evidence:
      - {source: alpha, quote: Critics say}
"""
ALPHA_RECORDS = """\
claims:
  - id: smith-bridge-closing
    speaker: jane-smith
    summary: The council will close the old bridge on Monday.
    evidence:
      - {source: alpha, quote: "The Port Alder Council will close the old bridge on Monday"}
  - id: smith-no-choice
    speaker: jane-smith
    summary: There is no choice.
    evidence:
      - {source: alpha, quote: We have no choice}
  - id: critics-jobs
    speaker: critics
    summary: The closure will cost 300 jobs.
    evidence:
      - {source: alpha, quote: the closure will cost 300 jobs}
  - id: fears-for-trade
    form: unattributed
    summary: The closure will hurt trade.
    evidence:
      - {source: alpha, quote: the closure will hurt trade}
  - id: council-repairs-too-costly
    speaker: port-alder-council
    summary: Repairs were too costly.
    evidence:
      - {source: alpha, quote: The Port Alder Council said repairs were too costly.}
figures:
  - id: jobs-lost
    value: 300
    unit: jobs
    counts: Jobs the closure will cost
    stated_by: critics
    evidence:
      - {source: alpha, quote: 300 jobs}
  - id: river-rise
    value: 2
    unit: metres
    counts: How far the river rose
    evidence:
      - {source: alpha, quote: rose 2 metres}
"""
BETA_RECORDS = """\
claims:
  - id: smith-bridge-worth-it
    speaker: jane-smith
    summary: The bridge was worth every dollar.
    supports: [smith-no-choice]
    evidence:
      - {source: beta, quote: the bridge was worth every dollar}
more_evidence:
  - record: smith-no-choice
    evidence:
      - {source: beta, quote: Smith said}
  - record: old-bridge-trust
    evidence:
      - {source: beta, quote: opened the new bridge}
"""
FRAMING = """\
questions:
  - id: was-closing-right
    question: Was closing the old bridge right?
    claims: [smith-no-choice, smith-bridge-worth-it]
judgments:
  - id: bridge-stays-open
    judgment: The new bridge will likely stay open.
    likelihood: likely
    confidence: moderate
    basis: The mayor backs it.
    rests_on: [smith-bridge-worth-it]
"""
DRAFT = """\
draft: true
actors:
  - {id: the-council, name: Port Alder Council}
  - {id: critics-group, name: Critics}
claims:
  - id: d1
    speaker: jane-smith
    evidence: [{source: alpha, quote: The Port Alder Council will close the old bridge}]
  - id: d2
    speaker: the-council
    evidence: [{source: alpha, quote: We have no choice}]
  - id: d3
    speaker: TODO
    evidence: [{source: alpha, quote: Critics say the closure}]
  - id: d4
    form: unattributed
    evidence: [{source: alpha, quote: There are fears}]
  - id: d5
    speaker: the-council
    evidence: [{source: alpha, quote: repairs were too costly}]
figures:
  - {id: f1, value: 300, unit: Jobs, stated_by: TODO, evidence: [{source: alpha, quote: 300 jobs}]}
  - {id: f2, value: 2, unit: metre, evidence: [{source: alpha, quote: 2 metres}]}
  - {id: f3, value: 2023, unit: years, evidence: [{source: alpha, quote: in 2023}]}
"""


def write_project(root: Path) -> Path:
    seeds = root / "seeds"
    (seeds / "articles").mkdir(parents=True)
    (seeds / "annotations").mkdir()
    (seeds / "briefing.yaml").write_text(
        "title: Port Alder bridge\ntopic: What was said about the old bridge.\n", encoding="utf-8"
    )
    for source, text in (("alpha", ALPHA), ("beta", BETA)):
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        front = f"---\nlabel: {source}\nkind: news-article\nreceived:\n  file: {source}.txt\n"
        front += f"  sha256: {digest}\n---\n"
        (seeds / "articles" / f"{source}.txt").write_text(front + text, encoding="utf-8")
    for name, text in (
        ("actors", ACTORS),
        ("alpha", ALPHA_RECORDS),
        ("beta", BETA_RECORDS),
        ("framing", FRAMING),
    ):
        (seeds / "annotations" / f"{name}.yaml").write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_project(tmp_path_factory.mktemp("project"))


@pytest.fixture(scope="module")
def copy(project: Path, tmp_path_factory: pytest.TempPathFactory):
    return without_article(project, "alpha", tmp_path_factory.mktemp("copies") / "alpha")


def test_the_copy_without_an_article_keeps_what_others_evidence_and_passes_check(copy) -> None:
    # without_article returns the copy as check read it: it raises if check refuses it
    kept = {"beta", "jane-smith", "old-bridge-trust", "smith-bridge-worth-it", "bridge-stays-open"}
    assert set(copy.records) == kept
    assert [e.source for e in copy.records["jane-smith"].evidence] == ["beta"]
    assert "supports" not in copy.records["smith-bridge-worth-it"]  # it named a removed claim
    # the trust lives on through the other article's addition, which became its evidence; the
    # addition to a removed claim went with it
    assert [e.quote for e in copy.records["old-bridge-trust"].evidence] == ["opened the new bridge"]


def test_speakers_figures_and_dates_are_scored_by_the_rules(project: Path, copy) -> None:
    full = pipeline.check(project, cached=False)
    score = score_article(full, copy, "alpha", DRAFT)
    assert (score.claims, score.drafted_claims, score.claims_found) == (5, 5, 5)
    # right: d1 (same id), d4 (unattributed, no speaker), d5 (a new actor named as the removed
    # one); wrong: d2 (another actor), d3 (TODO names no one)
    assert score.speakers_right == 3
    assert (score.named, score.named_right) == (3, 2)
    assert (score.figures, score.values_right, score.units_right) == (2, 2, 2)
    assert score.stated_by_right == 1  # the river's figure: no one, and the draft names no one
    assert score.dates_as_figures == 1
    # the council is a named body; the critics are a group, not counted
    assert (score.new_actors, score.new_actors_proposed) == (1, 1)
    # of the two actors drafted, the council is one the annotation has; "Critics" is not a name
    # of its group, "critics of the closure"
    assert (score.drafted_new_actors, score.drafted_new_actors_right) == (2, 1)
    # kept in the copy: jane-smith, named as d1's speaker, and the trust, which it does not name
    assert (score.existing, score.existing_proposed) == (2, 1)


@pytest.mark.parametrize(
    ("text", "value", "is_date"),
    [
        ("A 2017 congressional report said", 2017, True),
        ("about 2000 people came", 2000, False),
        ("rose nearly 2% in 2017 to 2.55 million", 2017, True),
        ("rose nearly 2% in 2017 to 2.55 million", 2_550_000, False),
        ("On May 1, China listed", 1, True),
        ("a tweet dated Aug 30, an official", 30, True),
        ("at 9:30 a.m. on the 3rd", 3, True),
        ("the country of 1.4 billion people", 1_400_000_000, False),
    ],
)
def test_dates_times_and_ordinals_are_told_from_figures(text: str, value: int, is_date: bool):
    assert is_date_figure(text, (0, len(text)), value) is is_date


def test_units_compare_without_case_or_plural() -> None:
    assert unit_of("Tons") == unit_of("ton")
    assert unit_of("%") == unit_of("percent")
    assert unit_of("people") == unit_of("person")
    assert unit_of("substances") == unit_of("substance")
    assert unit_of("tons") != unit_of("times")


def test_the_articles_publisher_is_known_though_the_copy_lacks_it(project: Path, copy) -> None:
    """new-source creates the publisher an article names with the article, so a draft that
    names it by id is right, though the copy without the article lacks it."""
    full = pipeline.check(project, cached=False)
    assert not Actors(full, copy, []).same("port-alder-council", "port-alder-council")
    given = Actors(full, copy, [], given=["port-alder-council"])
    assert given.same("port-alder-council", "port-alder-council")
    assert not given.same("port-alder-council", "jane-smith")


def test_the_articles_publisher_is_no_new_actor_for_the_draft_to_propose(
    project: Path, copy
) -> None:
    """new-source creates the publisher with the article, so the draft is not scored on it."""
    full = pipeline.check(project, cached=False)
    full.articles["alpha"].meta.data["publisher"] = "port-alder-council"
    score = score_article(full, copy, "alpha", DRAFT)
    assert (score.new_actors, score.new_actors_proposed) == (0, 0)


def test_names_compare_without_case_spacing_or_articles() -> None:
    assert normal("An official from U.S. Customs") == normal("official from  the u.s. customs")
    assert normal("The Gazette") == normal("Gazette")
    assert normal("Anna Bay") != normal("Bay")  # 'an' and 'a' go as words only


HELD_OUT = sorted(p.name for p in (Path(__file__).parent.parent / "benchmarks").glob("held-out*"))


@pytest.mark.parametrize("name", HELD_OUT)
def test_each_held_out_project_passes_check(name: str) -> None:
    """The benchmark's held-out projects are briefings: a change to the format must keep them
    valid, or the benchmark stops scoring them."""
    root = Path(__file__).parent.parent / "benchmarks" / name
    assert pipeline.check(root, cached=False).articles
