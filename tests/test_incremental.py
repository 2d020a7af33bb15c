"""A run that takes pages and parts from the store writes exactly what a full run writes; the
plain path (no cache) never opens the incremental machinery."""

from __future__ import annotations

import gc
import random
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import split_from_one
from projects import as_read

from generator import pipeline
from generator.incremental import store
from generator.incremental.store import DATABASE, FOLDER, Store
from generator.input import validation
from generator.input.validation import load_briefing
from generator.problems import BriefingError
from generator.render.rendering import Renderer
from generator.writing import owned_files

# Left out by make test-quick: its runs generate a whole project's pages, again and again.
pytestmark = pytest.mark.slow


def full_render(root: Path) -> dict[str, bytes]:
    """What the generator owns under docs/, rendered from scratch, without the store. Jinja
    keeps the templates it compiles for this in a folder of its own beside the project (not the
    store's): a test's later full renders load them compiled, as from a fresh compile, instead
    of compiling each template again (most of a full render's time)."""
    compiled = root.parent / f"{root.name}-full-render-compiled"
    compiled.mkdir(exist_ok=True)
    pages = Renderer(root / "templates", load_briefing(root), compiled).render()
    return {path: page.encode("utf-8") for path, page in pages.items()}


def generated(root: Path) -> dict[str, bytes]:
    docs = root / "docs"
    return {path: (docs / path).read_bytes() for path in owned_files(docs)}


@pytest.fixture
def project(harbour: Path) -> Path:
    """The harbour fixture, with the repository's templates."""
    return harbour


@pytest.fixture
def rendered(monkeypatch) -> list[str]:
    """The paths of the pages rendered from here on, in order."""
    paths: list[str] = []
    render = Renderer.render

    def counting(self, wanted=None, workers=1):
        pages = render(self, wanted, workers)
        paths.extend(pages)
        return pages

    monkeypatch.setattr(Renderer, "render", counting)
    return paths


def _records(root: Path) -> list[tuple[Path, dict, str, dict]]:
    """(file, its data, section, record) for every record in the annotation files."""
    found = []
    for path in sorted((root / "seeds" / "annotations").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for section, items in data.items():
            for record in items if isinstance(items, list) else []:
                found.append((path, data, section, record))
    return found


def _save(path: Path, data: dict) -> None:
    path.write_text(as_read(data, sort_keys=False), encoding="utf-8")


def edit(root: Path, chance: random.Random, number: int) -> str:
    """One random edit that keeps the project valid; says what it did."""
    records = _records(root)
    ids = {record["id"] for _, _, _, record in records}
    referred = {
        target
        for _, _, _, record in records
        for value in record.values()
        for target in (value if isinstance(value, list) else [value])
        if isinstance(target, str) and target in ids
    }
    claims = [r for r in records if r[2] == "claims"]
    actors = [r for r in records if r[2] == "actors"]
    figures = [r for r in records if r[2] == "figures"]
    unreferred = [r for r in claims if r[3]["id"] not in referred]
    kinds = ["summary", "name", "speaker", "new claim", "figure", "evidence", "title"]
    kind = chance.choice(kinds + (["remove claim"] if unreferred else []))
    if kind == "summary":
        path, data, _, claim = chance.choice(claims)
        claim["summary"] += f" (edit {number})"
    elif kind == "name":
        path, data, _, actor = chance.choice(actors)
        actor["name"] += f" {number}"
    elif kind == "speaker":
        path, data, _, claim = chance.choice(claims)
        claim["speaker"] = chance.choice(actors)[3]["id"]
    elif kind == "new claim":
        path, data, _, model = chance.choice(claims)
        claim = {k: v for k, v in model.items() if k not in ("supports", "disputes", "inferred")}
        claim |= {"id": f"new-claim-{number}", "speaker": chance.choice(actors)[3]["id"]}
        claim["disputes"] = [chance.choice(claims)[3]["id"]]
        data["claims"].append(claim)
    elif kind == "remove claim":
        path, data, _, claim = chance.choice(unreferred)
        data["claims"].remove(claim)
    elif kind == "evidence":  # another claim's quotes: coverage changes, the ids do not
        path, data, _, claim = chance.choice(claims)
        claim["evidence"] = [dict(item) for item in chance.choice(claims)[3]["evidence"]]
    elif kind == "figure":
        path, data, _, figure = chance.choice(figures)
        figure["value"] = figure["value"] + number
    else:
        path = root / "seeds" / "briefing.yaml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["title"] += f" {number}"
    _save(path, data)
    return kind


@pytest.fixture
def split_project(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The harbour fixture with every long listing split into pages from one record on."""
    split_from_one(monkeypatch)
    return project


@pytest.mark.slow  # a hundred runs: the full suite's, not the quick set's
@pytest.mark.parametrize("split", [False, True], ids=["whole", "split"])
def test_random_edits_give_what_a_full_run_gives(
    project: Path, split: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Listings split into pages (``render.cuts``) too: an edit that moves a claim to another
    speaker, or renames an actor, changes the cut."""
    if split:
        split_from_one(monkeypatch)
    chance = random.Random(6)
    pipeline.generate(project)
    assert generated(project) == full_render(project)
    for number in range(1, 13):
        kind = edit(project, chance, number)
        report = pipeline.generate(project)
        assert generated(project) == full_render(project), (number, kind)
        assert 0 < len(report.written) < 60, (number, kind, report)


def test_records_of_unchanged_files_are_taken_as_checked(project: Path, monkeypatch) -> None:
    pipeline.generate(project)
    path, data, _, claim = next(r for r in _records(project) if r[2] == "claims")
    claim["summary"] += " (edited)"
    _save(path, data)
    checked: list[str] = []
    check_record = validation.check_record

    def counting(raw, *args):
        checked.append(raw.document.path)
        return check_record(raw, *args)

    monkeypatch.setattr(validation, "check_record", counting)
    cached = pipeline.check(project)
    assert set(checked) == {f"seeds/annotations/{path.name}"}
    checked.clear()
    afresh = load_briefing(project)  # no cache: every record checked
    assert len(checked) == len(afresh.records)

    def whole(record):
        return record, record.fields, record.named, record.location

    assert list(map(whole, cached.records.values())) == list(map(whole, afresh.records.values()))


def test_pages_that_only_count_or_rank_claims_are_not_rendered_for_a_summary(
    project: Path, rendered: list[str]
) -> None:
    """Counts read backlinks and ids ('b:', 'n:'), not the records counted, and coverage where
    evidence stands ('v:'): editing a claim's summary leaves the memo (when no question asks
    it), the actor and source indexes and coverage alone. (The home
    page's network names each relayed claim, in its tooltips and its table of relations.)"""
    pipeline.generate(project)
    records = _records(project)
    asked = {c for _, _, section, q in records if section == "questions" for c in q["claims"]}
    path, data, _, claim = next(
        r for r in records if r[2] == "claims" and r[3]["id"] not in asked
    )  # the memo reads the speakers of each question's claims
    claim["summary"] += " (edited)"
    _save(path, data)
    rendered.clear()
    report = pipeline.generate(project)
    assert f"claims/{claim['id']}.md" in report.written
    untouched = {"memo.md", "actors/index.md", "sources/index.md", "coverage.md"}
    assert not untouched & set(rendered)
    assert generated(project) == full_render(project)


def test_a_summary_redoes_only_the_split_pages_that_show_its_claim(
    split_project: Path, rendered: list[str]
) -> None:
    """A page of a split listing reads the cut ('p:') and the records it shows, not the
    whole section: of the speakers' pages and the years of claims by source, only the claim's
    own are rendered again."""
    pipeline.generate(split_project)
    path, data, _, claim = next(r for r in _records(split_project) if r[2] == "claims")
    claim["summary"] += " (edited)"
    _save(path, data)
    rendered.clear()
    pipeline.generate(split_project)
    docs = split_project / "docs"
    showing = {
        page
        for page in owned_files(docs)
        if re.fullmatch(r"claims/(speakers|by_source)_[a-z0-9]+\.md", page)
        and f"/{claim['id']}.md)" in (docs / page).read_text("utf-8")
    }
    redone = {page for page in rendered if re.match(r"claims/(speakers|by_source)_", page)}
    assert len(showing) == 2 and redone == showing
    assert generated(split_project) == full_render(split_project)


def test_coverage_follows_evidence_moved_within_an_article(project: Path) -> None:
    """Coverage reads where evidence stands ('v:'): a claim quoting other words of the same
    article, its ids and references unchanged, changes it."""
    pipeline.generate(project)
    claims = [r for r in _records(project) if r[2] == "claims"]
    path, data, _, claim = claims[0]
    source = claim["evidence"][0]["source"]
    other = next(
        r[3]
        for r in claims
        if r[3]["evidence"][0]["source"] == source and r[3]["evidence"] != claim["evidence"]
    )
    claim["evidence"] = [dict(item) for item in other["evidence"]]
    _save(path, data)
    report = pipeline.generate(project)
    assert f"coverage/{source}.md" in report.written
    assert generated(project) == full_render(project)


def test_a_generated_page_changed_by_hand_is_restored(project: Path) -> None:
    pipeline.generate(project)
    expected = generated(project)
    (project / "docs" / "claims" / "index.md").write_text("edited by hand\n", encoding="utf-8")
    (project / "docs" / "memo.md").unlink()
    report = pipeline.generate(project)
    assert sorted(report.written) == ["claims/index.md", "memo.md"]
    assert generated(project) == expected


def buckets(root: Path) -> dict[tuple[str, int], bytes]:
    """The store's rows, by map and bucket."""
    with sqlite3.connect(root / FOLDER / DATABASE) as database:
        rows = database.execute("SELECT map, bucket, entries FROM buckets").fetchall()
    return {(name, bucket): entries for name, bucket, entries in rows}


def test_a_damaged_store_is_made_again(project: Path) -> None:
    pipeline.generate(project)
    expected = generated(project)
    (project / FOLDER / DATABASE).write_bytes(b"not a database" * 1000)
    shutil.rmtree(project / "docs")
    pipeline.generate(project)
    assert generated(project) == expected
    assert Store(project).read["pages"].keys() == expected.keys()


def test_a_damaged_bucket_discards_the_store_with_one_line(
    project: Path, rendered: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    pipeline.generate(project)
    pages = {key: data for key, data in buckets(project).items() if key[0] == "pages"}
    damaged = sorted(pages)[0]
    with sqlite3.connect(project / FOLDER / DATABASE) as database:
        database.execute(
            "UPDATE buckets SET entries = ? WHERE map = ? AND bucket = ?",
            (b"\xff cut short", *damaged),
        )
    rendered.clear()
    store._SAVED.clear()  # as a new process finds it
    capsys.readouterr()
    pipeline.generate(project)
    assert len(set(rendered)) == len(generated(project))  # nothing of it trusted
    [line] = capsys.readouterr().err.splitlines()
    assert line.endswith(
        "is damaged (a row does not match its digest): discarded; this run does all the work"
    )
    assert buckets(project)[damaged] == pages[damaged]
    assert generated(project) == full_render(project)


def test_a_process_takes_its_last_run_from_memory_unless_another_wrote_since(
    project: Path, rendered: list[str]
) -> None:
    """The preview runs again and again: what its last run saved is not read back, unless
    another process wrote the store since (its token, in the meta table, then differs)."""
    pipeline.generate(project)
    damaged = sorted(key for key in buckets(project) if key[0] == "pages")[0]
    with sqlite3.connect(project / FOLDER / DATABASE) as database:
        database.execute(
            "UPDATE buckets SET entries = ? WHERE map = ? AND bucket = ?",
            (b"\xff cut short", *damaged),
        )
    rendered.clear()
    pipeline.generate(project)
    assert rendered == []  # the damaged bucket was not read: nothing lost
    with sqlite3.connect(project / FOLDER / DATABASE) as database:
        database.execute("UPDATE meta SET value = 'another' WHERE name = 'token'")
    pipeline.generate(project)
    assert rendered  # read, and the pages of the damaged bucket worked out again
    assert generated(project) == full_render(project)


def test_a_small_change_rewrites_only_the_buckets_holding_it(project: Path) -> None:
    pipeline.generate(project)
    before = buckets(project)
    edit_summary(project, " Edited.")
    pipeline.generate(project)
    after = buckets(project)
    rewritten = {key for key in after if after[key] != before.get(key)}
    assert rewritten and len(rewritten) < len(after) / 4
    names = {name for name, _ in rewritten}
    assert names >= {"documents", "records", "written", "digests"}
    assert "pages" not in names  # what each page reads is as it was: only how it was written
    reread = Store(project)
    edit_summary(project, " Edited again.")
    pipeline.generate(project)
    assert Store(project).read["pages"].keys() == reread.read["pages"].keys()
    assert generated(project) == full_render(project)


def test_a_store_of_other_code_is_not_read(project: Path, monkeypatch) -> None:
    pipeline.generate(project)
    assert Store(project).read["pages"]
    monkeypatch.setattr(store, "code_version", lambda templates: "other code")
    assert not any(Store(project).read.values())


def test_the_code_version_follows_every_schema_of_the_package(tmp_path: Path) -> None:
    """A kind's schema fragment (schemas/kinds/) decides what is valid as much as the code: a
    store written before it changed must not be read, or records would pass that a run without
    the cache refuses."""
    package = tmp_path / "generator"
    shutil.copytree(store.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    templates = store.PACKAGE.parent / "templates"
    before = store.code_version(templates, package)
    fragment = next((package / "schemas").rglob("kinds/*.json"))
    fragment.write_text(fragment.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert store.code_version(templates, package) != before


def test_a_store_that_cannot_be_written_costs_only_time(project: Path) -> None:
    (project / FOLDER).write_text("a file where the store's folder would be\n")
    pipeline.generate(project)
    assert generated(project) == full_render(project)
    edit_summary(project, " Edited.")
    pipeline.generate(project)
    assert generated(project) == full_render(project)


def test_runs_without_cache_neither_read_nor_write_the_store(project: Path) -> None:
    """--no-cache: what a full run writes, with nothing under .briefing-cache/; and the plain
    path never imports the incremental package."""
    pipeline.generate(project, cached=False)
    assert not (project / FOLDER).exists()
    assert generated(project) == full_render(project)
    script = (
        "import sys; from pathlib import Path; from generator import pipeline; "
        "pipeline.generate(Path(sys.argv[1]), cached=False); pipeline.check(Path(sys.argv[1]), "
        "cached=False); print(sorted(m for m in sys.modules if 'incremental' in m))"
    )
    shown = subprocess.run(
        [sys.executable, "-c", script, str(project)], capture_output=True, text=True, check=True
    )
    assert shown.stdout.strip() == "[]"
    assert not (project / FOLDER).exists()
    done = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--no-cache", "--root", str(project)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0 and not (project / FOLDER).exists(), done.stderr


def edit_summary(root: Path, words: str) -> None:
    """Add ``words`` to the first claim's summary."""
    path, data, _, claim = next(r for r in _records(root) if r[2] == "claims")
    claim["summary"] += words
    _save(path, data)


def test_with_nothing_changed_nothing_is_rendered(project: Path, rendered: list[str]) -> None:
    pipeline.generate(project)
    rendered.clear()
    report = pipeline.generate(project)
    assert rendered == [] and report.written == []


def test_problems_in_cached_files_name_the_same_places_as_without_a_cache(project: Path) -> None:
    pipeline.generate(project)  # every annotation file is now cached, without its marks
    actors = project / "seeds" / "annotations" / "actors.yaml"
    actors.write_text(actors.read_text().replace("id: helen-marsh\n", "id: helen-marsh-x\n"))
    with pytest.raises(BriefingError) as cached:
        pipeline.generate(project)
    shutil.rmtree(project / FOLDER)
    with pytest.raises(BriefingError) as parsed:
        pipeline.generate(project)
    assert cached.value.report() == parsed.value.report()
    claims = Path("seeds/annotations/courier-2023-council-backs-dredging.yaml")
    line = (project / claims).read_text().splitlines().index("    speaker: helen-marsh") + 1
    assert f"{claims}:{line}:14: unknown id 'helen-marsh' in speaker" in parsed.value.report()


def test_library_calls_leave_the_cycle_collector_alone(project: Path, monkeypatch) -> None:
    """Only the command line pauses the collector: the MkDocs hook runs the library inside a
    long-lived process that is not the generator's to tune."""

    def touched(*args) -> None:
        raise AssertionError("a library call changed the cycle collector")

    for name in ("disable", "enable", "freeze", "set_threshold"):
        monkeypatch.setattr(gc, name, touched)
    pipeline.generate(project)
    pipeline.check(project)
    overview = project / "seeds" / "briefing.yaml"
    overview.write_text("title: [unclosed\n", encoding="utf-8")
    with pytest.raises(BriefingError):
        pipeline.generate(project)
