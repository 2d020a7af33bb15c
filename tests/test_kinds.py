"""The registry of kinds: adding a kind takes a schema definition, an entry and two templates.

The registry and the annotation schema must know the same kinds, the generated outputs are
listed once (the writer, ``make clean`` and .gitignore follow that list), and a new kind added
in a copy of the project, touching only those files and its data, gets pages, links both ways,
data exports and its table in the format reference.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from projects import HARBOUR, REPO, copy_project, run_cli, snapshot, with_seeds

from generator.input.schemas import ANNOTATIONS, schema
from generator.kinds import KINDS
from generator.writing import OWNED_FILES, OWNED_FOLDERS

NOT_KINDS = ("draft", "more_evidence")  # top-level keys of an annotation file that hold no records


def test_the_schema_and_the_registry_know_the_same_kinds() -> None:
    annotations = schema(ANNOTATIONS)
    sections = {k: v for k, v in annotations["properties"].items() if k not in NOT_KINDS}
    assert set(sections) == set(KINDS)
    for plural, kind in KINDS.items():
        assert sections[plural]["items"] == {"$ref": f"#/$defs/{kind.definition}"}
        for name in kind.references:
            assert name.split(".")[0] in annotations["$defs"][kind.definition]["properties"]
        assert (REPO / "templates" / kind.page_template).is_file()
        assert (REPO / "templates" / kind.index_template).is_file()


def test_gitignore_lists_exactly_the_generated_outputs() -> None:
    lines = (REPO / ".gitignore").read_text(encoding="utf-8").splitlines()
    ignored = {line for line in lines if line.startswith("/docs/")}
    expected = {f"/docs/{name}" for name in OWNED_FILES} | {f"/docs/{f}/" for f in OWNED_FOLDERS}
    assert ignored == expected


def test_make_clean_removes_the_generated_outputs_and_nothing_hand_written(tmp_path: Path) -> None:
    """On a project with a kind added, so that a list of folders kept apart would miss one."""
    root = with_seeds(copy_project(REPO, tmp_path / "project"), HARBOUR / "seeds")
    hand_written = snapshot(root / "docs")
    add_hearings(root)
    assert run_own_generator(root, "generate").returncode == 0
    assert (root / "docs" / "hearings" / "index.md").is_file()
    result = subprocess.run(["make", "clean"], cwd=root, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert snapshot(root / "docs") == hand_written


def test_an_unknown_kind_in_an_annotation_file_is_an_error_with_its_place(tmp_path: Path) -> None:
    root = with_seeds(copy_project(REPO, tmp_path / "project"), HARBOUR / "seeds")
    path = root / "seeds" / "annotations" / "actors.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\nclaimz: []\n", encoding="utf-8")
    result = run_cli(root, "check")
    line = len(path.read_text(encoding="utf-8").splitlines())
    assert result.code != 0
    assert f"actors.yaml:{line}:1" in result.err
    assert "unknown field 'claimz'" in result.err and "claims" in result.err


SCHEMA_DEFINITION = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "summary", "actors", "evidence"],
    "properties": {
        "id": {"$ref": "#/$defs/id"},
        "summary": {"$ref": "#/$defs/text", "description": "What the hearing heard."},
        "date": {"$ref": "#/$defs/date"},
        "actors": {"$ref": "#/$defs/ids", "description": "The actors heard."},
        "via": {"$ref": "#/$defs/ids", "description": "The documents put before it."},
        "evidence": {"$ref": "#/$defs/evidenceList"},
        "tags": {"$ref": "#/$defs/tags"},
        "inferred": {"$ref": "#/$defs/inferred"},
    },
}
ENTRY = """
            Kind(
                "hearing",
                "hearings",
                "hearing",
                _shows("summary"),
                references={"actors": "actors", "via": "sources"},
                dated=(("date", "heard"),),
                schema_org="Event",
            ),
"""
PAGE = """{% import "_macros.md.j2" as m with context %}
# {{ hearing.summary | md }}

- **Heard:** {{ m.links(hearing.actors) }}
{% if hearing.get("via") %}
- **Documents:** {{ m.links(hearing.via) }}
{% endif %}

## Evidence

{{ m.quotes(hearing.evidence) }}
"""
INDEX = """# Hearings

{% for hearing in hearings %}
- {{ link(hearing.id) }}
{% endfor %}
"""
DATA = """hearings:
  - id: council-hears-the-letter
    summary: The mayor answered the open letter.
    date: "2024"
    actors: [helen-marsh, ada-quinn]
    via: [save-the-estuary-open-letter]
    evidence:
      - source: wire-2024-dredging-begins
        quote: Mayor Helen Marsh rejected the letter, saying the council had followed every rule.
"""


def add_hearings(root: Path) -> None:
    """The three places a kind is defined, as the README's contributor section says, and data."""
    path = root / "generator" / "schemas" / "annotations.schema.json"
    annotations = json.loads(path.read_text(encoding="utf-8"))
    annotations["$defs"]["hearing"] = SCHEMA_DEFINITION
    items = {"$ref": "#/$defs/hearing"}
    annotations["properties"]["hearings"] = {"type": "array", "items": items}
    path.write_text(json.dumps(annotations, indent=2) + "\n", encoding="utf-8")
    path = root / "generator" / "kinds.py"
    text = path.read_text(encoding="utf-8")
    end = text.rindex("        )\n    }\n)")  # the end of the registry's tuple of entries
    path.write_text(text[:end] + ENTRY.lstrip("\n") + text[end:], encoding="utf-8")
    (root / "templates" / "hearing.md.j2").write_text(PAGE, encoding="utf-8")
    (root / "templates" / "hearings.md.j2").write_text(INDEX, encoding="utf-8")
    (root / "seeds" / "annotations" / "hearings.yaml").write_text(DATA, encoding="utf-8")


def run_own_generator(root: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """The copy's own generator (not the repository's, which ``run_cli`` runs)."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *arguments, "--root", str(root)],
        capture_output=True,
        text=True,
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(root)},
    )


@pytest.fixture(scope="module")
def hearings(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(REPO, tmp_path_factory.mktemp("kinds") / "project")
    with_seeds(root, HARBOUR / "seeds")
    before = snapshot(root)
    add_hearings(root)
    after = snapshot(root)
    changed = {name for name in set(before) | set(after) if before.get(name) != after.get(name)}
    assert changed == {
        "generator/schemas/annotations.schema.json",
        "generator/kinds.py",
        "templates/hearing.md.j2",
        "templates/hearings.md.j2",
        "seeds/annotations/hearings.yaml",
    }
    result = run_own_generator(root, "build")
    assert result.returncode == 0, result.stderr
    return root


def test_a_new_kind_gets_its_pages_linked_both_ways(hearings: Path) -> None:
    docs = hearings / "docs"
    page = (docs / "hearings" / "council-hears-the-letter.md").read_text(encoding="utf-8")
    for named in ("actors/helen-marsh.md", "actors/ada-quinn.md"):
        assert f"(../{named})" in page
    assert "(../sources/save-the-estuary-open-letter.md)" in page
    assert "(../sources/wire-2024-dredging-begins.md#" in page  # its evidence, marked
    assert '"@type":"Event"' in page
    link = "(../hearings/council-hears-the-letter.md)"
    for named in ("actors/helen-marsh", "actors/ada-quinn", "sources/save-the-estuary-open-letter"):
        assert link in (docs / f"{named}.md").read_text(encoding="utf-8"), named
    source = (docs / "sources" / "wire-2024-dredging-begins.md").read_text(encoding="utf-8")
    assert "## Hearings in this source" in source and link in source
    index = (docs / "hearings" / "index.md").read_text(encoding="utf-8")
    assert link in index
    site = hearings / "site"
    assert (site / "hearings" / "council-hears-the-letter" / "index.html").is_file()
    assert 'href="hearings/"' in (site / "index.html").read_text(encoding="utf-8")  # in the nav


def test_a_new_kind_is_in_the_data_exports_the_timeline_and_the_reference(hearings: Path) -> None:
    docs = hearings / "docs"
    records = json.loads((docs / "data" / "records.json").read_text(encoding="utf-8"))
    assert [r["id"] for r in records["hearings"]] == ["council-hears-the-letter"]
    with (docs / "data" / "hearings.csv").open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert rows[0]["actors"] == "helen-marsh; ada-quinn"
    assert rows[0]["page"] == "hearings/council-hears-the-letter/"
    assert "hearings.csv" in (docs / "data" / "index.md").read_text(encoding="utf-8")
    assert "council-hears-the-letter.md" in (docs / "timeline.md").read_text(encoding="utf-8")
    reference = (docs / "reference.md").read_text(encoding="utf-8")
    assert "## Hearing\n" in reference and "The actors heard." in reference


def test_a_new_kind_naming_an_unknown_actor_is_an_error(hearings: Path, tmp_path: Path) -> None:
    path = hearings / "seeds" / "annotations" / "hearings.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["hearings"][0]["actors"] = ["helen-marsj"]
    broken = tmp_path / "hearings.yaml"
    broken.write_text(yaml.safe_dump(data), encoding="utf-8")
    original = path.read_text(encoding="utf-8")
    path.write_text(broken.read_text(encoding="utf-8"), encoding="utf-8")
    try:
        result = run_own_generator(hearings, "check")
    finally:
        path.write_text(original, encoding="utf-8")
    assert result.returncode != 0
    assert "unknown id 'helen-marsj' in actors" in result.stderr
    assert "helen-marsh" in result.stderr


def test_records_of_a_kind_the_registry_lacks_are_an_error(tmp_path: Path) -> None:
    """The issue's case: a schema definition and data, but no entry: never silently ignored."""
    root = with_seeds(copy_project(REPO, tmp_path / "project"), HARBOUR / "seeds")
    add_hearings(root)
    kinds = root / "generator" / "kinds.py"
    kinds.write_text((REPO / "generator" / "kinds.py").read_text(encoding="utf-8"), "utf-8")
    result = run_own_generator(root, "check")
    assert result.returncode != 0
    assert "hearings.yaml:1:1: 'hearings' has a schema definition but no entry" in result.stderr
    assert "generator/kinds.py" in result.stderr
