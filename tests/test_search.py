"""The search, in Chromium on the built harbour site: Material's search box, answered by
Pagefind's index through the site's worker. Names find their actor, filters keep a kind, and
snippets are the pages' text."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from browsing import Page, Server, expect

from generator.kinds import KINDS

RESULTS = "li.md-search-result__item > a"


def search(page: Page, server: Server, query: str) -> list[str]:
    """The paths of the results for ``query``, best first."""
    page.goto(server.url)
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.dispatch_event("keyup")
    return results(page)


def results(page: Page) -> list[str]:
    expect(page.locator(RESULTS).first).to_be_visible()
    page.wait_for_timeout(300)  # the newest answer, if the worker was still on an older one
    return [urlsplit(a.get_attribute("href")).path for a in page.locator(RESULTS).all()]


def test_every_name_and_alias_ranks_its_actor_first(
    page: Page, server: Server, built_briefing
) -> None:
    """Every actor of the fixture: its name, and each alias, whatever else mentions them."""
    wrong = []
    for actor in built_briefing.in_section("actors"):
        for name in (actor["name"], *actor.get("aliases", [])):
            found = search(page, server, name)
            if not found or found[0] != f"/actors/{actor.id}/":
                wrong.append(f"{name!r}: {found[:3]}")
    assert wrong == []


@pytest.mark.parametrize("kind", ["actors", "claims", "sources"])
def test_a_filter_keeps_one_kind_of_record(page: Page, server: Server, kind: str) -> None:
    everything = search(page, server, "harbour")
    assert len({path.split("/")[1] for path in everything}) > 1  # the query finds several kinds
    page.locator(".briefing-kinds button", has_text=kind.capitalize()).click()
    expect(page.locator("input.md-search__input")).to_have_value(f"kind:{kind} harbour")
    expect(page.locator(f".briefing-kinds button[data-kind={kind}]")).to_have_attribute(
        "aria-pressed", "true"
    )
    kept = results(page)
    assert kept and all(path.startswith(f"/{kind}/") for path in kept), kept
    page.locator(".briefing-kinds button", has_text="All").click()
    expect(page.locator("input.md-search__input")).to_have_value("harbour")


def test_there_is_a_filter_for_every_kind(page: Page, server: Server) -> None:
    page.goto(server.url)
    page.locator("input.md-search__input").click()
    kinds = page.locator(".briefing-kinds button").evaluate_all(
        "buttons => buttons.map(b => b.dataset.kind)"
    )
    assert kinds == ["", *KINDS]


def test_snippets_are_the_pages_text_not_their_data(page: Page, server: Server) -> None:
    search(page, server, "courier")
    texts = page.locator(".md-search-result__article").all_inner_texts()
    assert texts
    for text in texts:
        assert not re.search(r"\b[0-9a-f]{64}\b", text)  # no fingerprint
        assert "Kind:" not in text and "{" not in text  # no metadata, no JSON


def test_the_search_loads_nothing_whole(page: Page, server: Server) -> None:
    """The first search reads a few small files: Material's index is empty, and no request
    is for a file of the whole index."""
    sizes: dict[str, int] = {}
    page.on("response", lambda r: sizes.__setitem__(urlsplit(r.url).path, len(r.body())))
    search(page, server, "harbour")
    assert sizes["/search/search_index.json"] < 2_000
    assert any(path.startswith("/pagefind/") for path in sizes)
    assert not [p for p, size in sizes.items() if p.startswith("/pagefind/") and size > 100_000]
