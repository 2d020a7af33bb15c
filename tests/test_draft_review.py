"""Drafts in messages: a problem naming a record that only a draft defines says which draft and
how to publish it, and each draft says what is left to review (its TODOs and inferred values),
whatever its author typed into it."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli, snapshot

from generator.authoring.review import left_to_review

DRAFT = """\
# yaml-language-server: $schema=../../generator/schemas/annotations.schema.json
# Review every record: fill in every TODO, then delete the 'draft' line.
draft: true
actors:
  - id: jo-park
    name: Jo Park
    kind: person
    evidence: [{source: bridge-closure, quote: Jo Park}]
claims:
  - id: park-warns
    speaker: TODO  # actors named: jo-park, springfield-council
    summary:  # TODO: one plain line saying what was claimed
    form: reported
    date: "2020-05"
    inferred:
      date: "The article says 'on Tuesday' and appeared in May 2020."
    evidence: [{source: bridge-closure, quote: said on Tuesday}]
measures:
  - id: park-measure
    # TODO: is this the council's closure, reported again?
    summary: Close the old bridge.
    events:
      - event: announced
        date: "2020-05"
        inferred: {date: the same week}
        evidence: {source: bridge-closure, quote: would close the old bridge}
"""


def draft(root: Path, text: str = DRAFT, name: str = "draft-one") -> Path:
    path = root / "seeds" / "annotations" / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_draft_lists_its_todos_and_inferred_values_in_file_order(minimal: Path) -> None:
    path = draft(minimal)
    shown = "seeds/annotations/draft-one.yaml"
    assert left_to_review(path, shown) == [
        "left to review: 3 TODOs, 2 inferred values",
        f"{shown}:11:14: TODO in claim 'park-warns', speaker: actors named: jo-park,"
        " springfield-council",
        f"{shown}:12:17: TODO in claim 'park-warns', summary: one plain line saying what was"
        " claimed",
        f"{shown}:16:7: inferred in claim 'park-warns', date: The article says 'on Tuesday' and"
        " appeared in May 2020.",
        f"{shown}:20:7: TODO in measure 'park-measure': is this the council's closure, reported"
        " again?",
        f"{shown}:25:20: inferred in measure 'park-measure', events[0].date: the same week",
    ]


def test_a_draft_with_nothing_marked_says_what_remains(minimal: Path) -> None:
    path = draft(minimal, "draft: true\nclaims: []\n")
    assert left_to_review(path) == [
        "no TODO or inferred value left: review the records, then remove 'draft: true'"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "draft: true\nclaims:\n  - id: a\n    summary: TODO say it\n   speaker: [x\n",
            [
                "left to review: 1 TODO, the inferred values once the YAML parses",
                "d.yaml:5:4: not valid YAML yet (malformed YAML: while parsing a block collection"
                " did not find expected '-' indicator): fix it before the draft can be published",
                "d.yaml:4:14: TODO: say it",
            ],
        ),
        (
            "draft: true\ndraft: true\nx: !!binary abc  # TODO \u202e decode\n",
            [
                "left to review: 1 TODO, the inferred values once the YAML parses",
                "d.yaml:2:1: not valid YAML yet (duplicate key 'draft' (first given on line 1)):"
                " fix it before the draft can be published",
                "d.yaml:3:4: not valid YAML yet (unsupported YAML tag tag:yaml.org,2002:binary):"
                " fix it before the draft can be published",
                "d.yaml:3:20: TODO: <U+202E> decode",
            ],
        ),
        (
            "- TODO\n- {inferred: [1, 2]}\n- inferred: {a: 1}\n",
            [
                "left to review: 1 TODO, 1 inferred value",
                "d.yaml:1:3: TODO",
                "d.yaml:3:14: inferred in [2].a: 1",
            ],
        ),
    ],
)
def test_any_yaml_in_a_draft_is_reviewed_without_a_traceback(
    tmp_path: Path, text: str, expected: list[str]
) -> None:
    path = tmp_path / "d.yaml"
    path.write_text(text, encoding="utf-8")
    assert left_to_review(path, "d.yaml") == expected


def test_an_unreadable_draft_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "d.yaml"
    path.write_bytes(b"draft: true\n\0")
    assert left_to_review(path, "d.yaml") == ["d.yaml: cannot be read: file is binary, not text"]


@pytest.mark.parametrize(
    ("file", "old", "new", "at"),
    [
        ("records.yaml", "speaker: ann-lee", "speaker: jo-park", "records.yaml:30:14"),
        (
            "records.yaml",
            "supports: [bridge-unsafe]",
            "supports: [park-warns]",
            "records.yaml:42:16",
        ),
        (
            "more.yaml",
            "",
            "more_evidence:\n  - record: park-measure\n    evidence:\n"
            "      - {source: bridge-closure, quote: The council voted}\n",
            "more.yaml:2:13",
        ),
    ],
)
def test_an_id_only_a_draft_defines_names_the_draft(
    minimal: Path, file: str, old: str, new: str, at: str
) -> None:
    draft(minimal)
    path = minimal / "seeds" / "annotations" / file
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    target = new.split(": ")[1].strip("[]") if file == "records.yaml" else "park-measure"
    name = "record" if file == "more.yaml" else new.split(":")[0]
    result = run_cli(minimal, "generate")
    assert result.code == 1
    assert (
        f"seeds/annotations/{at}: unknown id '{target}' in {name}: it is defined only in"
        " seeds/annotations/draft-one.yaml, a draft, which is not read\n"
        "    hint: remove the 'draft: true' line of seeds/annotations/draft-one.yaml once reviewed"
    ) in result.err
    assert "Traceback" not in result.err
    assert snapshot(minimal / "docs") == {}


@pytest.mark.parametrize("marked", ["draft: true", "draft: True", "draft: yes  # reviewing"])
def test_a_draft_that_is_not_valid_yaml_yet_stops_nothing(minimal: Path, marked: str) -> None:
    broken = DRAFT.replace("    form: reported\n", "   form: [reported\n")
    draft(minimal, broken.replace("draft: true", marked))
    result = run_cli(minimal, "generate")
    assert result.code == 0, result.err
    result = run_cli(minimal, "check")
    assert result.code == 0, result.err
    assert "seeds/annotations/draft-one.yaml: draft, not checked or published" in result.out


def test_a_todo_value_with_a_todo_comment_is_one_todo(minimal: Path) -> None:
    text = "draft: true\nfigures:\n  - id: f\n    counts: TODO  # TODO: in plain words\n"
    path = draft(minimal, text)
    shown = "seeds/annotations/draft-one.yaml"
    assert left_to_review(path, shown) == [
        "left to review: 1 TODO, 0 inferred values",
        f"{shown}:4:13: TODO in figure 'f', counts: in plain words",
    ]


def test_a_broken_draft_without_todos_is_not_called_ready(minimal: Path) -> None:
    path = draft(minimal, "draft: true\nclaims:\n  - id: a\n   speaker: [x\n")
    said = left_to_review(path, "d.yaml")
    assert said[0] == "no TODO left; the YAML does not parse yet"
    assert not any("remove 'draft: true'" in line for line in said)
