"""The search, in Chromium on the built harbour site: Material's search box, answered by
Pagefind's index through the site's worker. Names find their actor, filters keep a kind,
snippets are the pages' text, results say their kind (and a claim's, who said it), the count is
of every match and every match can be reached, and pages about the briefing come after its
records."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from browsing import Browser, Page, Server, expect
from projects import HARBOUR

from generator.kinds import KINDS

ITEMS = "li.md-search-result__item"
RESULTS = f"{ITEMS} > a"


@pytest.fixture(scope="module")
def tab(browser: Browser) -> Iterator[Page]:
    """One tab for this module's searches, each test opening the home page in it anew: a new
    tab costs the browser about as much again as the page's load (a renderer started, the
    theme's scripts compiled again)."""
    context = browser.new_context()
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def search(page: Page, server: Server, query: str) -> list[str]:
    """The paths of the results for ``query``, best first, on the home page just opened."""
    page.goto(server.url)
    return ask(page, query)


def ask(page: Page, query: str) -> list[str]:
    """The paths of the results for ``query``, best first, typed into the page's search box
    as a reader types it (whatever it held before is replaced)."""
    shown(page)
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.dispatch_event("keyup")
    return results(page)


# The results drawn now: ``results`` waits for a list without any of them. Material empties
# its list and draws the first ten of an answer in one go, and the worker answers only the
# newest query, so the first list drawn after the query changed is that query's. Its list is
# scrolled back to its top, as a new query finds it in a page just opened.
SHOWN = """(items) => {
  window.briefingShown = Array.from(document.querySelectorAll(items));
  const wrap = document.querySelector(".md-search__scrollwrap");
  if (wrap) wrap.scrollTop = 0;
}"""
NEW = """(items) => document.querySelectorAll(items).length > 0
  && (window.briefingShown || []).every((item) => !item.isConnected)"""


def shown(page: Page) -> None:
    """Marks the results drawn now as those of an older query (call it before the query
    changes)."""
    page.evaluate(SHOWN, ITEMS)


def results(page: Page) -> list[str]:
    """The paths of the results of the newest query, best first: the first list Material
    draws after ``shown``."""
    page.wait_for_function(NEW, arg=ITEMS)
    hrefs = page.locator(RESULTS).evaluate_all("links => links.map((a) => a.getAttribute('href'))")
    return [urlsplit(href).path for href in hrefs]


# Every actor of the fixture, read from its files as they are, so that a fault of the generator
# fails these tests, not the collection
ACTORS = sorted(
    actor["id"]
    for path in (HARBOUR / "seeds" / "annotations").glob("*.yaml")
    for actor in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("actors", [])
)


def test_every_name_and_alias_ranks_its_actor_first(
    tab: Page, server: Server, built_briefing
) -> None:
    """Each actor's name, and each alias, whatever else mentions them."""
    wrong = []
    tab.goto(server.url)  # one page, each name typed in turn into its search box
    for actor in ACTORS:
        record = built_briefing.records[actor]
        for name in (record["name"], *record.get("aliases", [])):
            found = ask(tab, name)
            if not found or found[0] != f"/actors/{actor}/":
                wrong.append(f"{actor}: {name!r}: {found[:3]}")
    assert wrong == []


def test_a_filter_keeps_one_kind_of_record(tab: Page, server: Server) -> None:
    """Each of three kinds' filters, clicked in turn in one page, then All again."""
    for kind in ["actors", "claims", "sources"]:
        everything = search(tab, server, "harbour")
        assert len({path.split("/")[1] for path in everything}) > 1  # several kinds found
        shown(tab)
        tab.locator(".briefing-kinds button", has_text=kind.capitalize()).click()
        expect(tab.locator("input.md-search__input")).to_have_value(f"kind:{kind} harbour")
        expect(tab.locator(f".briefing-kinds button[data-kind={kind}]")).to_have_attribute(
            "aria-pressed", "true"
        )
        kept = results(tab)
        assert kept and all(path.startswith(f"/{kind}/") for path in kept), (kind, kept)
        tab.locator(".briefing-kinds button", has_text="All").click()
        expect(tab.locator("input.md-search__input")).to_have_value("harbour")


def test_there_is_a_filter_for_every_kind(tab: Page, server: Server) -> None:
    tab.goto(server.url)
    tab.locator("input.md-search__input").click()
    kinds = tab.locator(".briefing-kinds button").evaluate_all(
        "buttons => buttons.map(b => b.dataset.kind)"
    )
    assert kinds == ["", *KINDS]


def test_snippets_are_the_pages_text_not_their_data(tab: Page, server: Server) -> None:
    search(tab, server, "courier")
    texts = tab.locator(".md-search-result__article").all_inner_texts()
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


def test_one_letter_waits_for_the_next_key_and_is_answered_if_none_comes(
    tab: Page, server: Server
) -> None:
    """A query of one letter matches most of a large briefing, so the worker waits a quarter
    of a second for the next key before searching it (search-worker.js, ONE_LETTER_WAIT); a
    reader who stops at one letter still gets its results."""
    tab.goto(server.url)
    box = tab.locator("input.md-search__input")
    box.click()
    box.press("h")
    tab.wait_for_timeout(150)
    assert tab.locator(ITEMS).count() == 0, "a one-letter query was answered at once"
    expect(tab.locator(ITEMS).first).to_be_visible()


# Pages about the briefing rather than of it: after every record in any results
META_PAGES = ("about", "format", "reference", "coverage", "data")
MORE = "#briefing-more-"  # the address of a result search-more.js has still to fill in
# Whether Material has drawn every result its meta counts, each filled in; while it has not,
# the list is scrolled near its end and then (a frame later, once the browser has told
# Material of that scroll) to its end, since Material draws four more when the list reaches
# its end from above. Asked again and again in the page until all are drawn: a scroll Material
# took before it was ready is simply made again.
DRAWN_ALL = """([items, more]) => {
  const meta = document.querySelector(".md-search-result__meta").textContent;
  const found = /^\\d+/.exec(meta);
  const matches = found ? Number(found[0]) : 0;
  if (document.querySelectorAll(items).length >= matches)
    return !document.querySelector(`${items} > a[href*="${more}"]`);
  const wrap = document.querySelector(".md-search__scrollwrap");
  wrap.scrollTop = wrap.scrollHeight - wrap.clientHeight - 200;
  requestAnimationFrame(() => requestAnimationFrame(() => { wrap.scrollTop = wrap.scrollHeight; }));
  return false;
}"""


def drawn(page: Page) -> list[dict]:
    """Every result Material has drawn, after scrolling its list to the end: Material draws
    the first ten, and four more each time the list is scrolled to its end from above it (as
    a reader's scrolling does), up to the count it shows; search-more.js fills in each past
    the tenth. Each result's address, title, snippet and tags."""
    page.wait_for_function(DRAWN_ALL, arg=[ITEMS, MORE], polling=100, timeout=30_000)
    return page.locator(ITEMS).evaluate_all(
        """items => items.map((item) => {
          const link = item.querySelector(":scope > a");
          const article = link.querySelector("article");
          return {
            href: link.getAttribute("href"),
            title: article.querySelector("h1, h2").textContent,
            snippet: Array.from(article.querySelectorAll(":scope > p"), (p) => p.textContent)
              .join(" "),
            tags: Array.from(article.querySelectorAll(".md-tag"), (tag) => tag.textContent),
          };
        })"""
    )


def pagefinds_count(page: Page, query: str) -> int:
    """How many pages Pagefind itself finds for ``query``, asked in the page."""
    return page.evaluate(
        """async (query) => {
          const pagefind = await import("/pagefind/pagefind.js");
          await pagefind.options({ baseUrl: "/" });
          return (await pagefind.search(query)).results.length;
        }""",
        query,
    )


@dataclass(frozen=True)
class Answer:
    """What the search answers a query, in a page just opened."""

    first: list[str]  # the paths of the results drawn at first
    matches: int  # how many pages Pagefind itself finds
    meta: str  # the count Material shows, once every result is drawn
    results: list[dict]  # every result, drawn by scrolling


@pytest.fixture(scope="module")
def harbour_answer(tab: Page, server: Server) -> Answer:
    """'harbour' searched once, for the tests that read every result of a query with many."""
    first = search(tab, server, "harbour")
    matches = pagefinds_count(tab, "harbour")
    results = drawn(tab)
    return Answer(first, matches, tab.locator(".md-search-result__meta").inner_text(), results)


def test_the_count_is_of_every_match_and_each_can_be_reached(harbour_answer: Answer) -> None:
    found, matches = harbour_answer.first, harbour_answer.matches
    assert matches > 10 and len(found) == 10  # more than Material draws at first
    assert harbour_answer.meta == f"{matches} matching pages"
    everything = harbour_answer.results
    paths = [urlsplit(result["href"]).path for result in everything]
    assert len(paths) == matches and len(set(paths)) == matches
    assert all(result["title"] and "#" not in result["href"] for result in everything)
    assert paths[:10] == found


def test_a_result_says_its_kind_and_a_claim_who_said_it(
    harbour_answer: Answer, built_briefing
) -> None:
    claims = 0
    for result in harbour_answer.results:
        section, _, rest = urlsplit(result["href"]).path.strip("/").partition("/")
        if section not in KINDS or "/" in rest or not rest or "_" in rest:  # no id has _
            assert result["tags"][:1] == ["Page"], result
            continue
        record = built_briefing.records[rest]
        assert result["tags"][0] == KINDS[section].name.capitalize(), result
        if section == "claims":
            claims += 1
            names = ", ".join(built_briefing.records[i]["name"] for i in record.speakers)
            inferred = " (inferred)" if "speaker" in record.inferred else ""
            assert result["tags"][1:] == [f"Said by {names}{inferred}"], result
    assert claims > 1


def test_a_page_about_the_briefing_never_outranks_a_record(
    tab: Page, server: Server, built_briefing
) -> None:
    """An actor's name is said on the coverage and format pages too: they come after every
    record that says it. Each actor's name, typed in turn into one page's search box."""
    wrong = []
    tab.goto(server.url)
    for actor in ACTORS:
        name = built_briefing.records[actor]["name"]
        ask(tab, name)
        found = [urlsplit(result["href"]).path for result in drawn(tab)]  # every match
        sections = [path.strip("/").split("/")[0] for path in found]
        meta = [n for n, section in enumerate(sections) if section in META_PAGES]
        records = [n for n, section in enumerate(sections) if section in KINDS]
        if meta and records and min(meta) < max(records):
            wrong.append(f"{name!r}: {found}")
    assert wrong == []


def header_rows(site: Path) -> set[str]:
    """The words of every table header row of the site, as a snippet would run them."""
    rows = set()
    for file in site.rglob("index.html"):
        for head in re.findall(r"<thead>(.*?)</thead>", file.read_text(encoding="utf-8"), re.S):
            cells = re.findall(r"<th\b[^>]*>(.*?)</th>", head, re.S)
            words = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", c)) for c in cells)
            rows.add(" ".join(re.findall(r"\w+", words.lower())))
    return rows


def test_no_snippet_holds_a_table_header_row(tab: Page, server: Server, site: Path) -> None:
    """Words of header rows, typed in turn into one page's search box."""
    rows = header_rows(site)
    assert "who side claim when where reported" in rows  # the tables the pages hold
    tab.goto(server.url)
    for query in ["reported", "published", "annotated", "according"]:
        ask(tab, query)
        for result in drawn(tab):
            words = " ".join(re.findall(r"\w+", result["snippet"].lower()))
            assert not [row for row in rows if row in words], (query, result)


def test_an_articles_words_lead_to_its_source_not_to_its_coverage(
    tab: Page, server: Server
) -> None:
    """The coverage report's page of an article repeats its sentences, which the source's page
    holds: only the source's page is indexed with them (at 10,000 records, indexing them twice
    took Pagefind past 1 GB)."""
    found = search(tab, server, "despite")  # a word of the courier's article alone
    assert "/sources/courier-2023-council-backs-dredging/" in found, found
    assert not [path for path in found if path.startswith("/coverage/")], found
