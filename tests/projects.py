"""The projects the tests work on: copies of the repository as a user's clone holds it.

A copy keeps the project's own seeds, or takes a fixture's (``with_seeds``), or starts empty
(``init_project``), and may be given a further article (``add_further_article``). No test
depends on what the example corpus in ``seeds/`` happens to contain.
"""

from __future__ import annotations

import contextlib
import fcntl
import io
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from string import Template
from typing import Any

import pytest
import yaml

from generator import cli
from generator.input.site_config import repeat
from generator.input.validation import load_briefing
from generator.model.records import Briefing, Evidence, Record, build_briefing
from generator.writing import OWNED_FILES, OWNED_FOLDERS

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
HARBOUR = FIXTURES / "harbour"  # a small made-up briefing with every kind of record
FURTHER = FIXTURES / "further-article"  # templates of an article for any project

# Build output, caches and tools' folders: what a fresh clone does not hold. The test suite is
# left out too (no build reads it).
NOT_COPIED = (
    ".venv",
    ".git",
    "site",
    ".site.*",
    "__pycache__",
    "*.egg-info",
    ".briefing-cache",
    ".briefing.lock",
    ".briefing-trash",
    ".hypothesis",
    ".pytest_cache",
    ".ruff_cache",
    "test-artifacts",
    "tests",
)


# YAML 1.2's core schema (yaml.org/spec/1.2.2, 10.3.2): the plain scalars that are not text.
# The project reads YAML 1.2 (generator/input/loading.py); PyYAML writes YAML 1.1 and quotes
# only what 1.1 would misread, so it leaves '0E0' or '0o17' plain, which 1.2 reads as numbers.
YAML_12_NOT_TEXT = re.compile(
    r"(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE"
    r"|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
    r"|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?"
    r"|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))\Z"
)


class _AsRead(yaml.SafeDumper):
    """PyYAML's safe dumper, which also quotes the text YAML 1.2 would read as something else."""


_AsRead.add_representer(
    str,
    lambda dumper, text: dumper.represent_scalar(
        "tag:yaml.org,2002:str", text, style='"' if YAML_12_NOT_TEXT.match(text) else None
    ),
)


def as_read(data: Any, **options: Any) -> str:
    """``data`` as YAML that the project reads back as ``data``: ``yaml.safe_dump`` (its
    ``options`` too, Unicode written as itself unless told), but no text left plain that
    YAML 1.2 reads as a number, a bool or null."""
    return yaml.dump(data, Dumper=_AsRead, **{"allow_unicode": True, **options})


@dataclass
class Run:
    code: int
    out: str
    err: str


def run_cli(root: Path, *arguments: str, stdin: str | None = None) -> Run:
    """Run the generator as a user does, in a separate process."""
    result = subprocess.run(
        [sys.executable, "-m", "generator", *arguments, "--root", str(root)],
        capture_output=True,
        text=True,
        input=stdin,
        cwd=REPO,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return Run(result.returncode, result.stdout, result.stderr)


def run_in_process(root: Path, *arguments: str) -> Run:
    """Run the command line's ``main`` in this process, its output captured: the same code,
    message and files as ``run_cli`` without starting Python (half a second) for each run. For
    the many runs whose subject is a message; ``run_cli`` keeps the tests that a user's own
    process ends as they must (exit codes, no traceback, the lock, the site swapped)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main([*arguments, "--root", str(root)])
        except SystemExit as stop:  # argparse's refusal of the arguments
            code = stop.code if isinstance(stop.code, int) else 1
    return Run(code, out.getvalue(), err.getvalue())


def built_at(root: Path, address: str | None, monkeypatch) -> Run:
    """``build`` run in this process with ``$SITE_URL`` set to ``address`` (as the workflow
    sets it from configure-pages), or unset for None."""
    if address is None:
        monkeypatch.delenv("SITE_URL", raising=False)
    else:
        monkeypatch.setenv("SITE_URL", address)
    return run_in_process(root, "build")


def wait_for(condition: Callable[[], bool], seconds: float = 60, every: float = 0.2) -> bool:
    """Whether ``condition`` holds within ``seconds``, asked every ``every`` seconds; a refused
    or failed connection (a server still starting) counts as not yet."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return True
        except OSError:
            pass
        time.sleep(every)
    return False


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes: two equal snapshots mean nothing changed."""
    if not folder.exists():
        return {}
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def copy_project(source: Path, target: Path) -> Path:
    """``source`` as a fresh clone of it would hold it: no site, no cache, no generated pages
    in ``docs/`` (the hand-written ones stay)."""
    skipped = shutil.ignore_patterns(*NOT_COPIED)
    docs = source / "docs"

    def ignore(folder: str, names: list[str]) -> set[str]:
        ignored = set(skipped(folder, names))
        if Path(folder) == docs:
            ignored |= {name for name in names if name in OWNED_FILES or name in OWNED_FOLDERS}
        return ignored

    shutil.copytree(source, target, ignore=ignore, symlinks=True)
    return target


def made_once(factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """A folder ``make`` fills once for the whole run, for tests that only read it (a built
    site). The parallel workers of ``pytest -n`` share their base folder's parent: the first to
    ask makes it while the others wait on its lock, then all read the same one. A failed
    ``make`` is tried again by the next to ask, and fails each test that asked."""
    own = factory.getbasetemp()
    shared = own.parent if os.environ.get("PYTEST_XDIST_WORKER") else own
    folder, done = shared / f"made-{name}", shared / f"made-{name}.done"
    with (shared / f"made-{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            done.touch()
    return folder


def init_project(root: Path, title: str, topic: str, *options: str) -> Run:
    """``python -m generator init``: an empty briefing on the given topic."""
    return run_cli(root, "init", "--title", title, "--topic", topic, *options)


def empty_briefing(root: Path, title: str, topic: str) -> Path:
    """A fresh copy of the repository at ``root`` given an empty briefing by ``init`` (in this
    process): the smallest project that builds and that a preview serves."""
    copy_project(REPO, root)
    result = run_in_process(root, "init", "--title", title, "--topic", topic, "--force")
    assert result.code == 0, result.err
    return root


def with_seeds(root: Path, seeds: Path) -> Path:
    """The project at ``root`` given the briefing in ``seeds`` (a fixture's seeds/ folder), as
    a user starts one: ``init`` with its title and topic (in this process: the tests of ``init``
    run it as a user does), the fixture's files in place of seeds/, and mkdocs.yml given its
    title and description."""
    overview = yaml.safe_load((seeds / "briefing.yaml").read_text(encoding="utf-8"))
    title, topic = overview["title"], overview["topic"]
    init = ["init", "--title", title, "--topic", topic]
    init += ["--description", overview["description"]] if "description" in overview else []
    result = run_in_process(root, *init)
    if result.code != 0:  # seeds of one's own, not the example: this copy may lose them
        result = run_in_process(root, *init, "--force")
    assert result.code == 0, result.err
    shutil.rmtree(root / "seeds", ignore_errors=True)
    shutil.copytree(seeds, root / "seeds")
    repeat(root, overview)
    return root


@dataclass(frozen=True)
class Further:
    """What ``add_further_article`` added to a project."""

    source: str  # the new article's id
    actor: str  # the actor its claims are by: the project's, or its own
    measure: str  # the measure they are about: likewise
    extended: tuple[str, ...]  # the project's own records it gives more evidence
    defined: tuple[str, ...]  # the records its annotation defines, by id


def add_further_article(root: Path, received: Path) -> Further:
    """Add tests/fixtures/further-article to the project at ``root``, as a user adds an
    article: ``new-source`` stores the text (``received`` is a folder outside the project to
    receive it in), and the annotation replaces the draft. The article quotes an actor the
    project has and reports on a measure it has, and its annotation extends both with
    ``more_evidence``; a project without them gets the fixture's own."""
    briefing = load_briefing(root)
    source = fresh_id("further-report", set(briefing.records))
    actors, measures = briefing.in_section("actors"), briefing.in_section("measures")
    own = _filled(FURTHER / "own.yaml", {"source": source, "actor": f"{source}-jordan-pell"})
    actor = actors[0].id if actors else own["actors"][0]["id"]
    name = " ".join(actors[0]["name"].split()) if actors else own["actors"][0]["name"]
    measure = measures[0].id if measures else own["measures"][0]["id"]
    values = {"source": source, "actor": actor, "actor_name": name, "measure": measure}

    text = Template((FURTHER / "article.txt").read_text(encoding="utf-8")).substitute(values)
    received.mkdir(parents=True, exist_ok=True)
    file = received / f"{source}.txt"
    file.write_text(text, encoding="utf-8")
    label = "Further report: an official and an auditor on the measure"
    result = run_cli(root, "new-source", source, str(file), "--label", label)
    assert result.code == 0, result.err

    annotation = _filled(FURTHER / "annotation.yaml", values)
    own = _filled(FURTHER / "own.yaml", values)
    if not actors:
        annotation["actors"] += own["actors"]
    if not measures:
        annotation["measures"] = own["measures"]
    extended = tuple(i for i in (actor, measure) if i in briefing.records)
    annotation["more_evidence"] = [
        e for e in annotation["more_evidence"] if e["record"] in extended
    ]
    if not annotation["more_evidence"]:
        del annotation["more_evidence"]
    schema = "# yaml-language-server: $schema=../../generator/schemas/annotations.schema.json\n"
    body = as_read(annotation, sort_keys=False, width=100)
    path = root / "seeds" / "annotations" / f"{source}.yaml"
    path.write_text(schema + body, encoding="utf-8")
    defined = tuple(
        record["id"]
        for section, records in annotation.items()
        if section != "more_evidence"
        for record in records
    )
    return Further(source, actor, measure, extended, defined)


def fresh_id(wanted: str, taken: set[str]) -> str:
    """``wanted``, or ``wanted-2``, ``wanted-3``...: the first no record has."""
    candidate, number = wanted, 1
    while candidate in taken or any(i.startswith(f"{candidate}-") for i in taken):
        number += 1
        candidate = f"{wanted}-{number}"
    return candidate


def _filled(template: Path, values: dict[str, str]) -> Any:
    """The YAML in ``template`` with ``$name`` replaced by ``values[name]`` in every string (after
    parsing, so that any name an actor has stays one string)."""

    def fill(value: Any) -> Any:
        if isinstance(value, str):
            return Template(value).safe_substitute(values)
        if isinstance(value, list):
            return [fill(item) for item in value]
        if isinstance(value, dict):
            return {fill(key): fill(item) for key, item in value.items()}
        return value

    return fill(yaml.safe_load(template.read_text(encoding="utf-8")))


def record(section: str, id: str, sources: tuple[str, ...] = (), **fields: Any) -> Record:
    """A record as validation builds it: its fields hold everything it references, and it has
    evidence in each of ``sources``."""
    evidence = tuple(Evidence(s, "q", anchor=f"e_{id}_{n}") for n, s in enumerate(sources, 1))
    return Record(section, id, evidence, {"id": id, **fields})


def briefing(*records: Record) -> Briefing:
    """A model of the records, as validation would build it."""
    return build_briefing("Title", "Topic", list(records), [])
