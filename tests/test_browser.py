"""The built harbour site in a real browser: Chromium, driven by Playwright, served on 127.0.0.1.

The browser is ``$BRIEFING_CHROMIUM`` if set, else ``/usr/bin/chromium`` if it exists, else
Playwright's own Chromium. Nothing here is skipped: without Playwright or a Chromium that
launches, the tests fail and say what to install (`make test` provides both).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from browsing import Browser, BrowserContext, Page, Server, expect
from conftest import REPO
from projects import made_once

# Every test here drives Chromium, some through a fixture that asks for the browser only when
# the shared tour or PDFs are still to be made: all are slow (tests/slow_marks.py)
pytestmark = pytest.mark.slow

ARTIFACTS = REPO / "test-artifacts"

ACTOR = "actors/helen-marsh/"
CLAIM = "claims/marsh-ships-will-stop-calling/"
SOURCE = "sources/courier-2023-council-backs-dredging/"
MEASURE = "measures/dredge-main-channel/"
FIGURE = "figures/silt-to-remove/"
QUESTION = "questions/is-the-dredging-harming-the-estuary/"
PHONE = {"width": 390, "height": 844}


@dataclass
class Log:
    """What the browser reported while pages were open."""

    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    visited: dict[str, tuple[int, str]] = field(default_factory=dict)  # path: status, heading
    tabs: list[str] = field(default_factory=list)  # the navigation's tabs, as paths
    host: str = ""  # the server the tour visited, as 127.0.0.1:<port>

    def watch(self, context: BrowserContext) -> None:
        context.on("request", lambda request: self.requests.append(request.url))
        context.on("page", self.watch_page)

    def watch_page(self, page: Page) -> None:
        page.on(
            "console",
            lambda message: (
                self.errors.append(f"{page.url}: console: {message.text} ({message.location})")
                if message.type == "error"
                else None
            ),
        )
        page.on("pageerror", lambda error: self.errors.append(f"{page.url}: pageerror: {error}"))


def heading(page: Page) -> str:
    h1 = page.locator("article h1, .md-content h1").first
    return h1.inner_text().rstrip("¶ \n") if h1.count() and h1.is_visible() else ""  # permalink


def take_tour(browser: Browser, server: Server) -> Log:
    """Open the home page, every page its navigation tabs lead to, and a record page of each
    kind, in one browser context, and record what happened."""
    log = Log(host=server.host)
    context = browser.new_context()
    context.set_default_timeout(10_000)
    log.watch(context)
    page = context.new_page()

    def visit(path: str) -> None:
        response = page.goto(server.url + path, wait_until="networkidle")  # late requests too
        log.visited[path] = (response.status if response else 0, heading(page))

    visit("")
    for link in page.locator("a.md-tabs__link").all():
        path = urlsplit(link.evaluate("a => a.href")).path.lstrip("/")
        if path not in log.tabs:
            log.tabs.append(path)
    for path in [*log.tabs, ACTOR, CLAIM, SOURCE, MEASURE, FIGURE, QUESTION]:
        if path not in log.visited:
            visit(path)
    context.close()
    return log


@pytest.fixture(scope="module")
def tour(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Log:
    """The tour, taken once for the whole run: the parallel workers whose tests read it share
    the log the first one wrote (``made_once``), rather than each touring the site again."""

    def make(folder: Path) -> None:
        log = take_tour(request.getfixturevalue("browser"), request.getfixturevalue("server"))
        (folder / "tour.json").write_text(json.dumps(asdict(log)), encoding="utf-8")

    saved = json.loads(
        (made_once(tmp_path_factory, "browser-tour", make) / "tour.json").read_text()
    )
    saved["visited"] = {path: tuple(seen) for path, seen in saved["visited"].items()}
    return Log(**saved)


def test_every_tab_and_record_page_loads_with_a_heading(tour: Log) -> None:
    assert len(tour.tabs) >= 8, tour.tabs  # home, actors, claims ... data, about
    assert {"actors/", "claims/", "sources/"} <= set(tour.tabs)
    failed = {path: seen for path, seen in tour.visited.items() if seen[0] != 200 or not seen[1]}
    assert failed == {}
    assert tour.visited[ACTOR][1] == "Helen Marsh"


def test_pages_log_no_console_errors(tour: Log) -> None:
    assert tour.requests, "the tour opened no page"
    assert tour.errors == []


def test_pages_request_only_the_local_server(tour: Log) -> None:
    assert tour.host.startswith("127.0.0.1:"), tour.host
    elsewhere = [
        url
        for url in tour.requests
        if urlsplit(url).scheme not in ("data", "blob") and urlsplit(url).netloc != tour.host
    ]
    assert elsewhere == []


def test_searching_an_actors_name_finds_their_page(page: Page, server: Server) -> None:
    page.goto(server.url)
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("Helen Marsh")
    top = page.locator("li.md-search-result__item a").first
    # the results of a prefix typed on the way ("Helen Mar") may show first; those of the whole
    # name must put the actor's page first (?h=... highlights the words)
    expect(top).to_have_attribute("href", re.compile(rf"/{re.escape(ACTOR)}(\?|$)"))

    top.click()
    page.wait_for_url(f"**/{ACTOR}*")
    assert urlsplit(page.url).path == "/" + ACTOR
    expect(page.locator("h1")).to_contain_text("Helen Marsh")


def test_evidence_link_lands_on_the_marked_passage(page: Page, server: Server) -> None:
    page.goto(server.url + CLAIM)
    sources = page.locator('a[href*="/sources/"]')
    quote = page.locator("article blockquote").filter(has=sources).first
    link = quote.locator('a[href*="/sources/"][href*="#"]').first
    anchor = link.get_attribute("href").split("#", 1)[1]
    first_words = " ".join(quote.locator("mark").first.inner_text().split()[:4])
    assert first_words.startswith("Without dredging")

    link.click()
    page.wait_for_url(f"**/sources/**#{anchor}")

    assert unquote(urlsplit(page.url).fragment) == anchor
    passage = page.locator(f'[id="{anchor}"]')
    assert passage.evaluate("element => element.tagName") == "MARK"
    expect(passage).to_have_class(re.compile(r"\bevidence\b"))
    expect(passage).to_be_in_viewport()
    expect(passage).to_contain_text(first_words)


PHONE_PAGES = {"home": "", "actor": ACTOR, "claim": CLAIM, "source": SOURCE, "question": QUESTION}


@pytest.fixture(scope="module")
def phone(browser: Browser) -> Iterator[Page]:
    """One phone-sized page that the phone tests navigate, rather than a context each."""
    context = browser.new_context(viewport=PHONE)
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("name", PHONE_PAGES)
def test_pages_fit_a_phone_screen_with_their_heading_in_view(
    phone: Page, server: Server, name: str
) -> None:
    """At 390 px wide nothing makes the page scroll sideways (long tables and the network
    scroll inside their own box), and the page's heading is on screen. The screenshot is
    kept in test-artifacts/ for a person to look at."""
    page = phone
    page.goto(server.url + PHONE_PAGES[name], wait_until="networkidle")
    assert page.viewport_size == PHONE
    width = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    h1 = page.locator("article h1, .md-content h1").first
    expect(h1).to_be_visible()
    expect(h1).to_be_in_viewport()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{name}-390px.png", full_page=True)
    assert width[0] <= width[1], f"the page is {width[0]} px wide on a {width[1]} px screen"


PAPERS = ["A4", "Letter"]


@pytest.fixture(scope="module")
def memo(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The memo printed on each paper from one page load, once for the whole run: the parallel
    workers share the folder of PDFs the first one printed (``made_once``)."""

    def make(folder: Path) -> None:
        browser, server = request.getfixturevalue("browser"), request.getfixturevalue("server")
        context = browser.new_context()
        context.set_default_timeout(10_000)
        page = context.new_page()
        try:
            page.goto(server.url + "memo/")
            expect(page.locator("h1.memo")).to_be_visible()
            for paper in PAPERS:
                (folder / f"memo-{paper}.pdf").write_bytes(page.pdf(format=paper))
        finally:
            context.close()

    return made_once(tmp_path_factory, "browser-memo", make)


@pytest.mark.parametrize("paper", PAPERS)
def test_the_memo_prints_on_one_page(memo: Path, paper: str) -> None:
    """Key judgments and main points on one printed page, with page numbers (an @page box)."""
    pdf = (memo / f"memo-{paper}.pdf").read_bytes()
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"memo-{paper}.pdf").write_bytes(pdf)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
