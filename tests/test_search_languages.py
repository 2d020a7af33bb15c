"""The search of a briefing whose articles are in two languages, in Chromium: an English briefing
quoting a Chinese statement (fixtures/translated). The statement's page is indexed as Chinese,
the others as English; the worker, told the page's language, searches both indexes, so that a
query in either language finds its pages, from a page in either language."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browsing import Page, Server, expect
from conftest import FIXTURES, REPO, run_cli
from projects import copy_project, made_once, with_seeds
from test_search import ask, drawn, search

STATEMENT = "/sources/epb-statement/"  # the Chinese article's page
CLAIM = "/claims/enforcement-stepped-up/"  # a claim quoting it, with its translation


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    def build(folder: Path) -> None:
        root = with_seeds(copy_project(REPO, folder / "project"), FIXTURES / "translated" / "seeds")
        result = run_cli(root, "build")
        assert result.code == 0, result.err

    return made_once(tmp_path_factory, "translated-built", build) / "project"


def pagefinds_own(page: Page, query: str) -> list[str]:
    """The pages Pagefind itself finds for ``query`` in the page, its languages' indexes merged
    as the worker merges them, best first; the page of a record's words in another language
    as the record's own page, which it opens (its meta ``page``, in hexadecimal)."""
    return page.evaluate(
        """async (query) => {
          const pagefind = await import("/pagefind/pagefind.js");
          await pagefind.options({ baseUrl: "/" });
          const entry = await (await fetch("/pagefind/pagefind-entry.json")).json();
          const own = document.documentElement.lang;
          for (const language of Object.keys(entry.languages).filter((l) => l !== own)) {
            await pagefind.mergeIndex(location.origin + "/pagefind/./", { language, baseUrl: "/" });
          }
          const found = await pagefind.search(query);
          const data = await Promise.all(found.results.map((result) => result.data()));
          const opened = (page) => page.meta.page
            ? "/" + page.meta.page.replace(/../g, (hex) => String.fromCharCode(parseInt(hex, 16)))
            : new URL(page.url, location.href).pathname;
          return data.map(opened);
        }""",
        query,
    )


@pytest.mark.parametrize("query", ["执法", "非法排污", "crack down", "clean-up"])
@pytest.mark.parametrize("start", ["/", STATEMENT])
def test_a_query_in_either_language_finds_the_same_pages_as_pagefind_in_the_page(
    page: Page, server: Server, query: str, start: str
) -> None:
    page.goto(server.url.rstrip("/") + start)
    assert ask(page, query), f"nothing found for {query!r} from {start}"
    found = [urlsplit(result["href"]).path for result in drawn(page)]
    assert sorted(found) == sorted(pagefinds_own(page, query))


def test_the_claim_is_found_by_its_original_words_and_by_their_translation(
    page: Page, server: Server
) -> None:
    """Chinese words find the statement and the claim quoting them (through the page of its
    words in Chinese, which opens the claim's), English ones the claim, once."""
    chinese = search(page, server, "执法")
    assert STATEMENT in chinese and CLAIM in chinese
    english = search(page, server, "enforcement")
    assert english.count(CLAIM) == 1 and not [p for p in english if "/_zh_" in p]
    assert CLAIM in search(page, server, "crack down")


def test_the_preview_shows_the_original_words_in_their_own_marks_and_their_translation(
    page: Page, server: Server
) -> None:
    """A quote that holds the article's quotation marks is shown in them alone, marked with
    its language, and its translation under it."""
    page.goto(server.url + "claims/")
    page.locator(f'.md-content a[href$="{CLAIM.split("/")[-2]}/"]').first.hover()
    words = page.locator(".briefing-preview blockquote p").first
    expect(words).to_have_text("“我们将加大执法力度，严厉打击非法排污行为，”")
    expect(words).to_have_attribute("lang", "zh")
    expect(page.locator(".briefing-preview__translation")).to_contain_text("crack down hard")
