"""The registry of kinds: a kind is one module, one schema fragment and two templates.

The registry and the annotation schema know the same kinds, and the committed schema is the one
its parts compose. The generated outputs are ignored by git without naming a kind. A new kind,
``events``, added in a copy of the project by those four files alone (and its data), gets
everything the first kinds have; a kind that lacks one of its parts stops the run with a
message at its module's class.
"""

from __future__ import annotations

import csv
import gzip
import json
import os
import re
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import cbor2
import pytest
import yaml
from projects import HARBOUR, REPO, as_read, copy_project, run_cli, snapshot, with_seeds

from generator import schemas
from generator.input.schemas import ANNOTATIONS, schema
from generator.kinds import KINDS
from generator.model.kinds import Registry
from generator.writing import OWNED_FILES, OWNED_FOLDERS

NOT_KINDS = ("draft", "more_evidence")  # top-level keys of an annotation file that hold no records


def test_the_schema_and_the_registry_know_the_same_kinds() -> None:
    annotations = schema(ANNOTATIONS)
    sections = {k: v for k, v in annotations["properties"].items() if k not in NOT_KINDS}
    assert set(sections) == set(KINDS)
    for plural, kind in KINDS.items():
        assert sections[plural]["items"] == {"$ref": f"#/$defs/{kind.name}"}
        for name in kind.references:
            assert name.split(".")[0] in annotations["$defs"][kind.name]["properties"]
        assert (REPO / "templates" / kind.page_template).is_file()
        assert (REPO / "templates" / kind.index_template).is_file()


def test_the_committed_annotation_schema_is_the_one_its_parts_compose() -> None:
    """Editors and the seeds' $schema lines read the committed file; the validator composes it."""
    committed = schemas.COMPOSED.read_text(encoding="utf-8")
    assert committed == schemas.text(), "run: python -m generator.schemas"
    assert json.loads(committed) == schema(ANNOTATIONS)


def test_threads_reading_the_registry_first_find_the_kinds_once() -> None:
    """The preview renders in threads: one finds the kinds while the others wait for them
    (without the lock, another thread was told that a kind's module reads KINDS at import)."""
    found = []

    def find() -> dict:
        found.append(threading.get_ident())
        time.sleep(0.2)
        return {}

    registry = Registry()
    registry.found_by(find, lambda templates: [])
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(lambda _: len(registry), range(4))) == [0, 0, 0, 0]
    assert len(found) == 1


def test_every_kind_is_complete() -> None:
    from generator.kinds import shortcomings

    assert shortcomings(REPO / "templates") == []


def ignored(*paths: str) -> set[str]:
    """The paths git ignores in the repository (whether or not they exist)."""
    result = subprocess.run(
        ["git", "check-ignore", "--no-index", *paths], cwd=REPO, capture_output=True, text=True
    )
    return set(result.stdout.splitlines())


def test_git_ignores_the_generated_outputs_and_no_hand_written_file() -> None:
    """Whatever the kinds: .gitignore names no kind, yet a new kind's folder is ignored."""
    generated = [f"docs/{name}" for name in OWNED_FILES]
    generated += [f"docs/{folder}/x.md" for folder in (*OWNED_FOLDERS, "events")]
    assert ignored(*generated) == set(generated)
    tracked = subprocess.run(
        ["git", "ls-files", "docs"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.split()
    assert tracked and ignored(*tracked) == set()
    lines = (REPO / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert not [line for line in lines if any(f"/{plural}" in line for plural in KINDS)]


def test_an_unknown_kind_in_an_annotation_file_is_an_error_with_its_place(tmp_path: Path) -> None:
    root = with_seeds(copy_project(REPO, tmp_path / "project"), HARBOUR / "seeds")
    path = root / "seeds" / "annotations" / "actors.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\nclaimz: []\n", encoding="utf-8")
    result = run_cli(root, "check")
    line = len(path.read_text(encoding="utf-8").splitlines())
    assert result.code != 0
    assert f"actors.yaml:{line}:1" in result.err
    assert "unknown field 'claimz'" in result.err and "claims" in result.err


# The four files of a kind, as the README's "Adding a record kind" says, and its data.
MODULE = '''"""Events: what happened on a day, and who took part."""

from __future__ import annotations

from generator.kinds.base import Kind


class Event(Kind):
    name, plural = "event", "events"
    label_field = "summary"
    references = {"actors": "actors", "via": "sources", "about": None}
    dated = (("date", "happened"),)
    schema_org = "Event"


KIND = Event()
'''
FRAGMENT = {
    "plural": "events",
    "description": "What happened on a day, and who took part, as the articles report it.",
    "definition": {
        "type": "object",
        "additionalProperties": False,
        "required": ["id", "summary", "date", "actors", "evidence"],
        "properties": {
            "id": {"$ref": "#/$defs/id"},
            "summary": {"$ref": "#/$defs/text", "description": "What happened."},
            "date": {"$ref": "#/$defs/date"},
            "actors": {"$ref": "#/$defs/ids", "description": "The actors who took part."},
            "via": {"$ref": "#/$defs/ids", "description": "The documents put before it."},
            "roles": {"type": "array", "items": {"$ref": "#/$defs/line"}},  # not an actor's
            "about": {"$ref": "#/$defs/ids"},
            "evidence": {"$ref": "#/$defs/evidenceList"},
            "tags": {"$ref": "#/$defs/tags"},
            "inferred": {"$ref": "#/$defs/inferred"},
        },
    },
}
PAGE = """{% extends "_record.md.j2" %}
{% block body %}
# {{ event.summary | md }}

- **When:** {{ event.date | date }}
- **Who took part:** {{ m.links(event.actors) }}
{% if event.get("via") %}
- **Documents:** {{ m.links(event.via) }}
{% endif %}

## Evidence

{{ m.quotes(event.evidence) }}
{% endblock %}
"""
INDEX = """# Events

{% for event in events %}
- {{ link(event.id) }}
{% endfor %}
"""
JUDGMENT, QUESTION = "dredging-dispute-will-continue", "does-the-harbour-need-dredging"
QUOTE = "Mayor Helen Marsh rejected the letter, saying the council had followed every rule."
DATA = f"""events:
  - id: council-hears-the-letter
    summary: The mayor answered the open letter.
    date: "2024-03"
    actors: [helen-marsh, ada-quinn]
    via: [save-the-estuary-open-letter]
    roles: [chair, petitioner]
    about: [{JUDGMENT}, {QUESTION}]
    evidence:
      - source: wire-2024-dredging-begins
        quote: {QUOTE}
"""
ADDED = {
    "generator/kinds/event.py",
    "generator/schemas/kinds/event.json",
    "templates/event.md.j2",
    "templates/events.md.j2",
    "seeds/annotations/events.yaml",
}
EVENT = "council-hears-the-letter"
LINK = f"(../events/{EVENT}.md)"


def add_events(root: Path) -> None:
    (root / "generator" / "kinds" / "event.py").write_text(MODULE, encoding="utf-8")
    fragment = root / "generator" / "schemas" / "kinds" / "event.json"
    fragment.write_text(json.dumps(FRAGMENT, indent=2) + "\n", encoding="utf-8")
    (root / "templates" / "event.md.j2").write_text(PAGE, encoding="utf-8")
    (root / "templates" / "events.md.j2").write_text(INDEX, encoding="utf-8")
    (root / "seeds" / "annotations" / "events.yaml").write_text(DATA, encoding="utf-8")


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
def events(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(REPO, tmp_path_factory.mktemp("kinds") / "project")
    with_seeds(root, HARBOUR / "seeds")
    before = snapshot(root)
    add_events(root)
    after = snapshot(root)
    changed = {name for name in set(before) | set(after) if before.get(name) != after.get(name)}
    assert changed == ADDED  # no other edit: not the registry, .gitignore or a template
    result = run_own_generator(root, "build")
    assert result.returncode == 0, result.stderr
    return root


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def script(page: str, media_type: str) -> dict:
    found = re.search(rf'<script type="{re.escape(media_type)}">(.*?)</script>', page, re.S)
    assert found, media_type
    return json.loads(found.group(1))


def test_a_new_kind_gets_its_pages_linked_both_ways(events: Path) -> None:
    docs = events / "docs"
    page = read(docs / "events" / f"{EVENT}.md")
    for named in ("actors/helen-marsh.md", "actors/ada-quinn.md"):
        assert f"(../{named})" in page
    assert "(../sources/save-the-estuary-open-letter.md)" in page
    assert "(../sources/wire-2024-dredging-begins.md#" in page  # its evidence, marked
    for named in ("actors/helen-marsh", "actors/ada-quinn", "sources/save-the-estuary-open-letter"):
        assert LINK in read(docs / f"{named}.md"), named
    source = read(docs / "sources" / "wire-2024-dredging-begins.md")
    assert "## Events in this source" in source and LINK in source
    assert LINK in read(docs / "events" / "index.md")
    for about in (f"judgments/{JUDGMENT}", f"questions/{QUESTION}"):  # pages that place no list
        page = read(docs / f"{about}.md")
        assert f"## Referenced by\n\n- [The mayor answered the open letter.]{LINK}" in page
    site = events / "site"
    assert (site / "events" / EVENT / "index.html").is_file()
    assert 'href="events/"' in read(site / "index.html")  # in the nav


def test_a_new_kind_is_on_the_home_page_in_the_memo_and_on_the_about_page(events: Path) -> None:
    docs = events / "docs"
    home = read(docs / "index.md")
    row = "Happened March 2024"  # its preview's first line, its default row
    assert "## Events\n" in home
    assert f"- [The mayor answered the open letter.](events/{EVENT}.md) — {row}\n" in home
    assert "[1 event](events/index.md)" in home  # counted with the others
    memo = read(docs / "memo.md")
    assert (
        "The events most referred to: "
        f"[The mayor answered the open letter.](events/{EVENT}.md), {row}.\n" in memo
    )
    assert "No measure or figure is recorded yet." not in memo
    assert "[1 event](events/index.md)." in memo
    about = read(docs / "about.md")
    assert "- **Events.** What happened on a day, and who took part" in about


def test_a_new_kind_has_a_preview_and_json_ld_with_its_date_and_actors(events: Path) -> None:
    page = read(events / "site" / "events" / EVENT / "index.html")
    preview = script(page, "application/briefing-preview+json")
    assert preview["kind"] == "Event"
    assert "Happened March 2024" in preview["lines"]
    assert "Actors: Helen Marsh, Ada Quinn" in preview["lines"]
    assert preview["quote"] == QUOTE
    assert preview["source"].startswith("In ")
    data = script(page, "application/ld+json")
    assert data["@type"] == "Event" and data["startDate"] == "2024-03"
    assert [actor["name"] for actor in data["actor"]] == ["Helen Marsh", "Ada Quinn"]


def test_a_new_kind_is_in_the_data_exports_the_timeline_and_the_reference(events: Path) -> None:
    docs = events / "docs"
    records = json.loads(read(docs / "data" / "records.json"))
    assert [r["id"] for r in records["events"]] == [EVENT]
    with (docs / "data" / "events.csv").open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert rows[0]["actors"] == "helen-marsh; ada-quinn"
    assert rows[0]["roles"] == "chair; petitioner"  # a field of its own, not an actor's roles
    assert records["events"][0]["roles"] == ["chair", "petitioner"]
    assert rows[0]["page"] == f"events/{EVENT}/"
    assert "events.csv" in read(docs / "data" / "index.md")
    assert f"{EVENT}.md" in read(docs / "timeline.md")
    reference = read(docs / "reference.md")
    assert "## Event\n" in reference and "The actors who took part." in reference


def test_a_new_kind_is_in_the_search(events: Path) -> None:
    """Its page carries its kind's filter, the search box offers the kind, and Pagefind's
    built index holds the filter (its metadata, read as search._settled reads it)."""
    site = events / "site"
    assert 'data-pagefind-filter="events:1"' in read(site / "events" / EVENT / "index.html")
    kinds = re.search(r'id="__briefing_kinds">(.*?)</script>', read(site / "index.html"))
    assert kinds and "events" in json.loads(kinds.group(1))
    entry = json.loads(read(site / "pagefind" / "pagefind-entry.json"))
    for language in entry["languages"].values():
        meta = gzip.decompress(
            (site / "pagefind" / f"pagefind.{language['hash']}.pf_meta").read_bytes()
        )
        filters = cbor2.loads(meta[len(b"pagefind_dcd") :])[3]
        assert "events" in json.dumps(filters)


def test_a_new_kind_naming_an_unknown_actor_is_an_error(events: Path, tmp_path: Path) -> None:
    path = events / "seeds" / "annotations" / "events.yaml"
    data = yaml.safe_load(read(path))
    data["events"][0]["actors"] = ["helen-marsj"]
    original = read(path)
    path.write_text(as_read(data), encoding="utf-8")
    try:
        result = run_own_generator(events, "check")
    finally:
        path.write_text(original, encoding="utf-8")
    assert result.returncode != 0
    assert "unknown id 'helen-marsj' in actors" in result.stderr
    assert "helen-marsh" in result.stderr


@pytest.fixture(scope="module")
def with_events(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with the events kind added, never generated: each test edits a copy."""
    root = copy_project(REPO, tmp_path_factory.mktemp("with-events") / "project")
    add_events(with_seeds(root, HARBOUR / "seeds"))
    return root


@pytest.fixture
def incomplete(with_events: Path, tmp_path: Path) -> Path:
    return copy_project(with_events, tmp_path / "project")


def edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / name
    text = read(path)
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def fragment_without(key: str, required: str = "") -> str:
    data = json.loads(json.dumps(FRAGMENT))
    if key:
        del data[key]
    if required:
        data["definition"]["required"].remove(required)
    return json.dumps(data, indent=2)


MODULE_PATH, FRAGMENT_PATH = "generator/kinds/event.py", "generator/schemas/kinds/event.json"
PAGE_PATH, CLASS_AT = "templates/event.md.j2", "generator/kinds/event.py:8:1: "
# A kind that is not whole, each way the review found one passed or ended in a traceback: the
# edit, then the message at its place and the hint it must give.
BROKEN = {
    "a reference to no kind": (
        (MODULE_PATH, '{"actors": "actors",', '{"actors": "actor",'),
        CLASS_AT + "references names the kind 'actor' for actors, and there is no such kind",
        "a kind's plural",
    ),
    "a fragment that is not JSON": (
        (FRAGMENT_PATH, '"events",\n', '"events"\n'),
        FRAGMENT_PATH + ":3:3: not JSON",
        "mend the JSON",
    ),
    "a fragment without its description": (
        (FRAGMENT_PATH, None, fragment_without("description")),
        FRAGMENT_PATH + ": the schema fragment has no description",
        "give it plural, description, definition",
    ),
    "a module that cannot be imported": (
        (MODULE_PATH, "import Kind\n", "import Kind\nimport no_such_package_at_all\n"),
        "generator/kinds/event.py:6:1: the module cannot be imported: ModuleNotFoundError",
        "mend generator/kinds/event.py so that it imports",
    ),
    "a method with other parameters": (
        (MODULE_PATH, "\n\nKIND = ", "\n    def preview(self, record):\n        return {}\n\n\nKIND = "),
        CLASS_AT + "Event.preview takes (self, record), not (self, b, record) as Kind.preview does",
        "write def preview(self, b, record)",
    ),
    "a label the fragment does not require": (
        (FRAGMENT_PATH, None, fragment_without("", required="summary")),
        CLASS_AT + f"the label field 'summary' is not required in {FRAGMENT_PATH}",
        "add it to definition.required",
    ),
    "a module holding no kind": (
        ("generator/kinds/helpers.py", None, '"""Helpers for the events."""\n'),
        "generator/kinds/helpers.py: holds no kind",
        "end it with KIND = <its class>()",
    ),
    "a facet no template shows": (
        (MODULE_PATH, '    schema_org = "Event"\n', '    schema_org = "Event"\n    listed_with = ("statuss",)\n'),
        CLASS_AT + "listed_with names 'statuss', which no template shows",
        "name one of who, status, according, carried",
    ),
    "a part with evidence the model does not build": (
        (MODULE_PATH, '    schema_org = "Event"\n', '    schema_org = "Event"\n    parts_with_evidence = ("witnesses",)\n'),
        CLASS_AT + "parts_with_evidence names 'witnesses', a list the model does not build",
        "only roles and events",
    ),
    "a page filling a block the frame lacks": (
        (PAGE_PATH, "{% endblock %}\n", "{% endblock %}\n{% block referenced_by %}{% endblock %}\n"),
        CLASS_AT + "templates/event.md.j2:15 fills a block 'referenced_by', which _record.md.j2",
        "put the page in {% block body %}",
    ),
    "a page extending the frame only in a comment": (
        (PAGE_PATH, '{% extends "_record.md.j2" %}', '{# {% extends "_record.md.j2" %} #}'),
        CLASS_AT + "templates/event.md.j2 does not extend _record.md.j2",
        'begin it with {% extends "_record.md.j2" %}',
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", BROKEN)
def test_a_kind_that_is_not_whole_stops_generate_at_its_place(incomplete: Path, case: str) -> None:
    """No traceback and nothing written: the message at the file (and line) to mend, a hint."""
    (name, old, new), message, hint = BROKEN[case]
    if old is None:
        (incomplete / name).write_text(new, encoding="utf-8")
    else:
        edit(incomplete, name, old, new)
    docs = snapshot(incomplete / "docs")
    result = run_own_generator(incomplete, "generate")
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert message in result.stderr and hint in result.stderr, result.stderr
    assert snapshot(incomplete / "docs") == docs


def test_a_module_holding_no_kind_is_told_when_the_kinds_are_first_checked(
    incomplete: Path,
) -> None:
    """Asked before anything else read the registry (it was read too late to say so)."""
    (incomplete / "generator" / "kinds" / "helpers.py").write_text('"""Helpers."""\n', "utf-8")
    told = "from generator.kinds import shortcomings; print(*shortcomings(Path('templates')))"
    result = subprocess.run(
        [sys.executable, "-c", f"from pathlib import Path; {told}"],
        capture_output=True,
        text=True,
        cwd=incomplete,
        env={**os.environ, "PYTHONPATH": str(incomplete)},
    )
    assert "generator/kinds/helpers.py: holds no kind" in result.stdout, result.stderr


def test_a_page_may_extend_the_frame_in_single_quotes(incomplete: Path) -> None:
    edit(incomplete, PAGE_PATH, '{% extends "_record.md.j2" %}', "{% extends '_record.md.j2' %}")
    result = run_own_generator(incomplete, "generate")
    assert result.returncode == 0, result.stderr
    assert (incomplete / "docs" / "events" / f"{EVENT}.md").is_file()


def test_records_of_a_kind_without_its_module_are_an_error(incomplete: Path) -> None:
    """A schema fragment and data, but no module: never silently ignored."""
    (incomplete / "generator" / "kinds" / "event.py").unlink()
    docs = snapshot(incomplete / "docs")
    result = run_own_generator(incomplete, "generate")
    assert result.returncode == 1
    assert "events.yaml:1:1: 'events' has a schema definition but no module" in result.stderr
    assert "generator/kinds/" in result.stderr
    assert snapshot(incomplete / "docs") == docs


def test_a_kind_lacking_a_part_is_an_error_at_its_class(incomplete: Path) -> None:
    """No traceback: each missing part at the module's class, with what to do, and nothing
    written."""
    module = incomplete / "generator" / "kinds" / "event.py"
    module.write_text(
        read(module).replace(
            "KIND = ", "    def previw(self, b, record):\n        return {}\n\n\nKIND = "
        ),
        encoding="utf-8",
    )
    (incomplete / "generator" / "schemas" / "kinds" / "event.json").unlink()
    page = incomplete / "templates" / "event.md.j2"
    page.write_text(read(page).replace('{% extends "_record.md.j2" %}\n', ""), encoding="utf-8")
    (incomplete / "templates" / "events.md.j2").unlink()
    docs = snapshot(incomplete / "docs")
    result = run_own_generator(incomplete, "generate")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    at = "generator/kinds/event.py:8:1: "
    for message in (
        "Event.previw is not a field or method of Kind",
        "no schema fragment for 'events'",
        "templates/event.md.j2 does not extend _record.md.j2",
        "no template events.md.j2",
    ):
        assert at + message in result.stderr, message
    assert "hint: write generator/schemas/kinds/event.json" in result.stderr
    assert snapshot(incomplete / "docs") == docs


def test_make_clean_removes_the_generated_outputs_and_nothing_hand_written(tmp_path: Path) -> None:
    """On a project with a kind added, so that a list of folders kept apart would miss one."""
    root = with_seeds(copy_project(REPO, tmp_path / "project"), HARBOUR / "seeds")
    hand_written = snapshot(root / "docs")
    add_events(root)
    assert run_own_generator(root, "generate").returncode == 0
    assert (root / "docs" / "events" / "index.md").is_file()
    result = subprocess.run(["make", "clean"], cwd=root, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert snapshot(root / "docs") == hand_written
