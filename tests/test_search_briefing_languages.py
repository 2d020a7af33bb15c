"""The search of a briefing written in French, and of one written in Chinese (the harbour
fixture in each language), in Chromium: every actor's name and alias finds its actor first, and
the filters by kind, labelled in the briefing's language, keep one kind."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from browsing import Page, Server, expect
from conftest import FIXTURES, REPO, run_cli
from projects import copy_project, made_once, with_seeds
from test_search import ask, results, shown
from test_search_languages import pagefinds_own

from generator import i18n


@pytest.fixture(scope="module", params=["fr", "zh"])
def language(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory, language: str) -> Path:
    def build(folder: Path) -> None:
        seeds = FIXTURES / f"harbour-{language}" / "seeds"
        root = with_seeds(copy_project(REPO, folder / "project"), seeds)
        result = run_cli(root, "build")
        assert result.code == 0, result.err

    return made_once(tmp_path_factory, f"harbour-{language}-built", build) / "project"


def actors(language: str) -> list[dict]:
    """The fixture's actors, read from its files as they are."""
    annotations = FIXTURES / f"harbour-{language}" / "seeds" / "annotations"
    return [
        actor
        for path in sorted(annotations.glob("*.yaml"))
        for actor in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("actors", [])
    ]


def test_every_name_and_alias_ranks_its_actor_first(
    page: Page, server: Server, language: str
) -> None:
    """Each name Pagefind finds its actor's page for ranks that page first, with no other result
    than Pagefind's. In French every name is found; Chinese is written without spaces, and
    Pagefind's dictionary cuts some transliterated names apart from how a query is cut
    (海伦·马什): those it cannot find are left out, never most of them."""
    wrong, unfound, names = [], [], 0
    page.goto(server.url)
    for actor in actors(language):
        for name in (actor["name"], *actor.get("aliases", [])):
            names += 1
            own = pagefinds_own(page, name)
            if f"/actors/{actor['id']}/" not in own:
                unfound.append(name)
                continue
            found = ask(page, name)
            if found[0] != f"/actors/{actor['id']}/" or not set(found) <= set(own):
                wrong.append(f"{actor['id']}: {name!r}: {found[:3]}")
    assert wrong == []
    assert unfound == [] if language != "zh" else len(unfound) < names / 2, unfound


def test_a_filter_labelled_in_the_language_keeps_one_kind(
    page: Page, server: Server, language: str
) -> None:
    page.goto(server.url)
    kinds_found = {
        a["name"]: {path.split("/")[1] for path in pagefinds_own(page, a["name"])}
        for a in actors(language)
    }
    query = next(
        name for name, kinds in kinds_found.items() if "claims" in kinds and len(kinds) > 1
    )
    everything = ask(page, query)
    assert len({path.split("/")[1] for path in everything}) > 1  # several kinds found
    label = i18n.catalogue(language).gettext("Claims")
    assert label != "Claims"
    shown(page)
    page.locator(".briefing-kinds button[data-kind=claims]").click()
    expect(page.locator(".briefing-kinds button[data-kind=claims]")).to_have_text(label)
    token = "-".join(label.lower().split())  # the filter's word, in the language
    expect(page.locator("input.md-search__input")).to_have_value(f"kind:{token} {query}")
    expect(page.locator(".briefing-kinds button[data-kind=claims]")).to_have_attribute(
        "aria-pressed", "true"
    )
    kept = results(page)
    assert kept and all(path.startswith("/claims/") for path in kept), kept
    words = i18n.catalogue(language).gettext
    counted = [words("1 matching page"), *words("# matching pages").split("#")]
    meta = page.locator(".md-search-result__meta").inner_text()
    assert meta == counted[0] or (meta.startswith(counted[1]) and meta.endswith(counted[2])), meta
    all_label = i18n.catalogue(language).gettext("All")
    expect(page.locator(".briefing-kinds button[data-kind='']")).to_have_text(all_label)
