"""A later article's file grows records defined in another file: under ``more_evidence``, an
actor gets aliases and roles and a measure dated events, checked as the record's own would be
and shown as its own, after them (tests/fixtures/later-article on the minimal project)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, run_cli, snapshot
from test_incremental import full_render, generated

from generator import pipeline
from generator.input.validation import load_briefing
from generator.problems import InputError

# The later article's additions, each with its words in seeds/articles/bridge-closed.txt
GROWING = """
  - record: ann-lee
    aliases: [the mayor]
    roles:
      - title: spokeswoman
        of: springfield-council
        date: "2020-06"
        evidence:
          source: bridge-closed
          quote: the mayor and the Town Council said in a joint statement
    evidence:
      - source: bridge-closed
        quote: Mayor Ann Lee
  - record: close-bridge
    events:
      - event: in-effect
        date: "2020-06"
        evidence:
          source: bridge-closed
          quote: The old bridge closed on Monday
    evidence:
      - source: bridge-closed
        quote: The old bridge closed on Monday
"""


@pytest.fixture
def later(minimal: Path) -> Path:
    """The minimal project and the later article, whose file adds to two of its records."""
    shutil.copytree(FIXTURES / "later-article" / "seeds", minimal / "seeds", dirs_exist_ok=True)
    path = annotation(minimal)
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("\nmore_evidence:")] + "\nmore_evidence:" + GROWING)
    return minimal


def annotation(root: Path, name: str = "bridge-closed") -> Path:
    return root / "seeds" / "annotations" / f"{name}.yaml"


def replace(path: Path, old: str, new: str) -> None:
    """Replace the last ``old`` in the file: the additions stand at its end."""
    before, found, after = path.read_text(encoding="utf-8").rpartition(old)
    assert found
    path.write_text(before + new + after, encoding="utf-8")


def problems(root: Path) -> list[str]:
    with pytest.raises(InputError) as raised:
        load_briefing(root)
    return [str(problem) for problem in raised.value.problems]


def test_the_additions_come_after_the_records_own(later: Path) -> None:
    (annotation(later, "a-first")).write_text(
        "more_evidence:\n"
        "  - record: ann-lee\n"
        "    aliases: [Lee]\n"
        "    evidence: [{source: bridge-closure, quote: said Mayor Ann Lee}]\n",
        encoding="utf-8",
    )
    briefing = load_briefing(later)
    actor, measure = briefing.records["ann-lee"], briefing.records["close-bridge"]
    assert actor["aliases"] == ["Mayor Ann Lee", "Lee", "the mayor"]  # own, then file by file
    assert [role.title for role in actor.roles] == ["Mayor of Springfield", "spokeswoman"]
    added = actor.roles[1]
    assert (added.of, added.date, added.evidence.source) == (
        "springfield-council",
        "2020-06",
        "bridge-closed",
    )
    assert added.evidence.anchor == "e_ann-lee_more2_role1"
    assert [role["title"] for role in actor["roles"]] == ["Mayor of Springfield", "spokeswoman"]
    assert [(e.event, e.evidence.anchor) for e in measure.steps] == [
        ("in-effect", "e_close-bridge_more1_event1")
    ]
    assert "bridge-closed" in actor.named["evidence"]  # the new article cites the actor


def test_the_grown_records_pages_show_the_additions_as_their_own(later: Path) -> None:
    result = run_cli(later, "generate")
    assert result.code == 0, result.err
    docs = later / "docs"
    actor = (docs / "actors" / "ann-lee.md").read_text(encoding="utf-8")
    assert "- **Also called:** Mayor Ann Lee, the mayor" in actor
    assert "spokeswoman" in actor
    assert "(../sources/bridge-closed.md#e_ann-lee_more1_role1)" in actor
    measure = (docs / "measures" / "close-bridge.md").read_text(encoding="utf-8")
    assert "- In effect, June 2020" in measure
    assert "(../sources/bridge-closed.md#e_close-bridge_more1_event1)" in measure
    source = (docs / "sources" / "bridge-closed.md").read_text(encoding="utf-8")
    assert 'id="e_ann-lee_more1_role1"' in source
    assert 'id="e_close-bridge_more1_event1"' in source
    timeline = (docs / "timeline.md").read_text(encoding="utf-8")
    assert "(measures/close-bridge.md) — in effect" in timeline
    data = (docs / "data" / "records.json").read_text(encoding="utf-8")
    assert '"spokeswoman"' in data and '"the mayor"' in data


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "  - record: close-bridge\n",
            "  - record: close-bridge\n    aliases: [the closure]\n",
            "bridge-closed.yaml:52:5: 'close-bridge' is a measure, which has no aliases\n"
            "    hint: remove aliases here: an actor has aliases; a measure takes evidence and"
            " events here",
        ),
        (
            "  - record: ann-lee\n",
            "  - record: ann-lee\n    events: [{event: announced, evidence: {source: bridge-closed,"
            " quote: announced it again}}]\n",
            "bridge-closed.yaml:40:5: 'ann-lee' is an actor, which has no events\n"
            "    hint: remove events here: a measure has events; an actor takes evidence,"
            " aliases and roles here",
        ),
        (
            "        of: springfield-council\n",
            "        of: springfield-councl\n",
            "bridge-closed.yaml:43:13: unknown id 'springfield-councl' in roles.of\n"
            "    hint: did you mean 'springfield-council'",
        ),
        (
            "        of: springfield-council\n",
            "        of: ann-lee\n",
            "bridge-closed.yaml:43:13: the record names its own id 'ann-lee' in roles.of",
        ),
        (
            'date: "2020-06"\n        evidence:\n          source: bridge-closed\n          quote: the',
            'date: "2020-02-30"\n        evidence:\n          source: bridge-closed\n          quote: the',
            "bridge-closed.yaml:44:15: '2020-02-30' is not a date: day is out of range for month",
        ),
        (
            "          quote: The old bridge closed on Monday\n    evidence",
            "          quote: The old bridge shut on Monday\n    evidence",
            "bridge-closed.yaml:57:18: quote not found in source 'bridge-closed'",
        ),
        (
            "event: in-effect",
            "event: in-force",
            "bridge-closed.yaml:53:16: more_evidence[1].events[0].event: 'in-force' is not"
            " allowed here",
        ),
        (
            "aliases: [the mayor]",
            "aliases: [the mayor, ann  lee]",
            "bridge-closed.yaml:40:26: 'ann  lee' is already a name of 'ann-lee'\n"
            "    hint: remove it here: the actor has that name or alias already",
        ),
        (
            "aliases: [the mayor]",
            "aliases: [Town Council]",
            "bridge-closed.yaml:40:15: the alias 'Town Council' of 'ann-lee' is the name of"
            " another actor, 'springfield-council'",
        ),
    ],
)
def test_additions_are_checked_as_the_records_own(
    later: Path, old: str, new: str, expected: str
) -> None:
    replace(annotation(later), old, new)
    assert expected in "\n".join(problems(later))


def test_a_refused_addition_writes_nothing(later: Path) -> None:
    replace(
        annotation(later), "  - record: close-bridge\n", "  - record: close-bridge\n    roles: []\n"
    )
    result = run_cli(later, "generate")
    assert result.code == 1
    assert "bridge-closed.yaml:52:5: 'close-bridge' is a measure, which has no roles" in result.err
    assert "Traceback" not in result.err
    assert snapshot(later / "docs") == {}


def test_an_actors_own_alias_that_is_another_actors_name_is_refused(later: Path) -> None:
    replace(
        annotation(later, "records"), "aliases: [Mayor Ann Lee]", "aliases: [Springfield Gazette]"
    )
    assert (
        "seeds/annotations/records.yaml:5:15: the alias 'Springfield Gazette' of 'ann-lee' is the"
        " name of another actor, 'springfield-gazette'" in problems(later)[0]
    )


def test_an_incremental_run_follows_an_edit_of_the_adding_file_alone(later: Path) -> None:
    pipeline.generate(later)
    before = generated(later)
    replace(annotation(later), "title: spokeswoman", "title: co-signatory")
    pipeline.generate(later)
    after = generated(later)
    assert after == full_render(later)
    changed = {path for path in after if after[path] != before.get(path)}
    assert {"actors/ann-lee.md", "data/records.json"} <= changed
    assert "co-signatory" in after["actors/ann-lee.md"].decode()
