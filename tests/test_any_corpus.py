"""The rules every briefing keeps (tests/corpus_rules.py), on every kind of corpus.

On the project's own seeds, whatever they hold; on those seeds with a further article that
quotes one of their actors and extends it and one of their measures; on the harbour fixture in
their place, with and without that article; and on the empty briefing ``init`` starts, with and
without an article. Each project is a fresh copy of the repository (no cache, no generated
pages), built once with ``python -m generator build`` (strict).
"""

from __future__ import annotations

import functools
import pickle
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import corpus_rules as rules
import pytest
from projects import (
    HARBOUR,
    REPO,
    Further,
    Run,
    add_further_article,
    copy_project,
    init_project,
    made_once,
    run_cli,
    run_in_process,
    snapshot,
    with_seeds,
)

from generator.input.validation import load_briefing
from generator.model.records import Briefing

TITLE = "Harbour dredging"
TOPIC = "What the port city's council and its critics said about dredging the harbour."

BASES = ("own seeds", "harbour", "init")
CORPORA = [kind for base in BASES for kind in (base, f"{base} + further article")]
EXTENDED = ["own seeds + further article", "harbour + further article"]


@dataclass
class Built:
    root: Path
    twin: Path  # a fresh copy of the project as it was before its build, not built yet
    briefing: Briefing
    further: Further | None
    built: Run

    @property
    def site(self) -> Path:
        return self.root / "site"


@pytest.fixture(scope="module", autouse=True)
def pages_parsed_once() -> Iterator[None]:
    """Each page of a built site parsed once for this module's rules, not once for each rule
    that reads it (the sites here are only read). Known by its path, size and time of change,
    so a page written since is parsed again."""
    parse = rules.parse

    @functools.cache
    def parsed(page: Path, size: int, changed: int) -> rules.Page:
        return parse(page)

    def parse_once(page: Path) -> rules.Page:
        stat = page.stat()
        return parsed(page.resolve(), stat.st_size, stat.st_mtime_ns)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(rules, "parse", parse_once)
        yield
    parsed.cache_clear()


_built: dict[str, Built | str] = {}  # each kind built once: the project, or why it failed


def prepare(kind: str, folder: Path) -> tuple[Path, Further | None]:
    root = copy_project(REPO, folder / "project")
    if kind.startswith("harbour"):
        with_seeds(root, HARBOUR / "seeds")
    elif kind.startswith("init"):
        result = init_project(root, TITLE, TOPIC, "--force")  # whatever seeds/ held: a copy
        assert result.code == 0, f"init failed:\n{result.err}"
        assert not list((root / "seeds" / "articles").glob("*.txt")), "init left articles"
    further = None
    if kind.endswith("further article"):
        further = add_further_article(root, folder / "received")
    return root, further


@pytest.fixture(scope="module", params=CORPORA)
def corpus(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Built:
    """Each kind built once for the run, whichever workers test it."""
    kind = request.param
    if kind not in _built:
        try:
            folder = made_once(
                tmp_path_factory, "corpus-" + re.sub(r"\W+", "-", kind), lambda f: build(kind, f)
            )
            further, result = pickle.loads((folder / "built.pickle").read_bytes())
            root = folder / "project"
            _built[kind] = Built(root, folder / "twin", load_briefing(root), further, result)
        except AssertionError as error:
            _built[kind] = f"{kind}: {error}"
    if isinstance(_built[kind], str):
        pytest.fail(_built[kind], pytrace=False)
    return _built[kind]


def build(kind: str, folder: Path) -> None:
    """The project in ``folder``/project, built, and its twin; what the building found is kept
    in ``built.pickle``."""
    root, further = prepare(kind, folder)
    copy_project(root, folder / "twin")
    result = run_cli(root, "build")
    assert result.code == 0, f"the build failed:\n{result.err}"
    (folder / "built.pickle").write_bytes(pickle.dumps((further, result)))


def test_check_finds_no_problem(corpus: Built) -> None:
    result = run_in_process(corpus.root, "check")
    assert result.code == 0, result.err
    assert result.out.startswith(f"ok: {len(corpus.briefing.records)} records")


def test_coverage_finds_nothing_uncovered(corpus: Built) -> None:
    result = run_in_process(corpus.root, "coverage")
    assert result.code == 0, result.out + result.err


def test_articles_are_as_received(corpus: Built) -> None:
    assert rules.articles_are_as_received(corpus.root) == []


def test_every_quote_is_the_articles_words(corpus: Built) -> None:
    assert rules.quotes_are_the_articles_words(corpus.briefing) == []


def test_every_record_has_a_page_at_its_stable_address(corpus: Built) -> None:
    assert rules.every_record_has_its_page(corpus.site, corpus.briefing) == []


def test_record_pages_link_to_what_they_name_and_back(corpus: Built) -> None:
    assert rules.records_link_both_ways(corpus.site, corpus.briefing) == []


def test_evidence_links_land_on_the_marked_passage(corpus: Built) -> None:
    assert rules.evidence_links_land_on_marked_passages(corpus.site, corpus.briefing) == []


def test_every_internal_link_and_anchor_resolves(corpus: Built) -> None:
    assert rules.internal_links_resolve(corpus.site) == []


def test_pages_load_nothing_from_other_hosts(corpus: Built) -> None:
    assert rules.loads_nothing_from_other_hosts(corpus.site) == []


def test_lists_are_lists(corpus: Built) -> None:
    assert rules.lists_are_lists(corpus.site) == []


def test_search_index_has_every_record(corpus: Built) -> None:
    assert rules.search_finds_every_record(corpus.site, corpus.briefing) == []


def test_a_fresh_copy_builds_a_byte_identical_site(corpus: Built) -> None:
    result = run_cli(corpus.twin, "build")
    assert result.code == 0, result.err
    assert snapshot(corpus.twin / "site") == snapshot(corpus.site)


@pytest.mark.parametrize("corpus", EXTENDED, indirect=True)
def test_a_further_article_extends_an_actor_and_a_measure_the_project_had(
    corpus: Built,
) -> None:
    further = corpus.further
    assert set(further.extended) == {further.actor, further.measure}
    source_page = rules.page_of(corpus.site, "sources", further.source)
    for record_id in further.extended:
        record = corpus.briefing.records[record_id]
        assert further.source in {e.source for e in record.evidence}, record_id
        page = rules.page_of(corpus.site, record.section, record_id)
        assert f"sources/{further.source}/" in rules.internal_targets(corpus.site, page)
        assert f"{record.section}/{record_id}/" in rules.internal_targets(corpus.site, source_page)
    actor_page = rules.page_of(corpus.site, "actors", further.actor)
    assert f"claims/{further.source}-measure-working/" in rules.internal_targets(
        corpus.site, actor_page
    )


@pytest.mark.parametrize("corpus", ["init + further article"], indirect=True)
def test_an_article_added_to_an_empty_briefing_brings_its_own_actor_and_measure(
    corpus: Built,
) -> None:
    further = corpus.further
    assert further.extended == () and {further.actor, further.measure} <= set(further.defined)
    assert set(corpus.briefing.records) == {further.source, *further.defined}
    assert list(corpus.briefing.articles) == [further.source]
