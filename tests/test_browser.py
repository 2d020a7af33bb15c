"""The built site in a real browser: Debian's chromium, driven by Playwright, served on 127.0.0.1.

Nothing here is skipped: without chromium or Playwright the tests fail and say what to install
(`.ci/run` installs chromium, `make test` installs Playwright).
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import REPO

try:
    from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright
except ImportError as error:  # reported by the `browser` fixture, never skipped
    MISSING_PLAYWRIGHT: ImportError | None = error
else:
    MISSING_PLAYWRIGHT = None

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = REPO / "test-artifacts"

ACTOR = "actors/liu-yuejin/"
CLAIM = "claims/cbp-official-fentanyl-flow-dropped/"
SOURCE = "sources/cnn-2018-china-hits-back/"


@dataclass
class Server:
    url: str  # http://127.0.0.1:<port>/
    host: str  # 127.0.0.1:<port>


@dataclass
class Log:
    """What the browser reported while pages were open."""

    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

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


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def site(built_site: Path) -> Path:
    return built_site / "site"


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[Server]:
    """``python -m http.server`` serving the built site on 127.0.0.1, as the README suggests."""
    port = free_port()
    command = [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(port), "-d", site]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 15
        while True:
            assert process.poll() is None, f"http.server exited with {process.returncode}"
            try:
                with urllib.request.urlopen(url, timeout=1):
                    break
            except OSError:
                assert time.monotonic() < deadline, f"http.server did not answer on {url}"
                time.sleep(0.1)
        yield Server(url, f"127.0.0.1:{port}")
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if MISSING_PLAYWRIGHT is not None:
        pytest.fail(
            f"Playwright for Python is missing ({MISSING_PLAYWRIGHT}): run `make test`, "
            "or `.venv/bin/pip install -e '.[test]'`",
            pytrace=False,
        )
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: install Debian's chromium (`apt-get install -y chromium`), "
            "as .ci/run does",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def pages_to_visit(site: Path) -> list[str]:
    """The home page, every index page, and one record page of each kind."""
    indexes = sorted(f"{p.parent.name}/" for p in site.glob("*/index.html"))
    records = {ACTOR, CLAIM, SOURCE}
    for section in ("measures", "figures"):
        first = min(p.parent.name for p in site.glob(f"{section}/*/index.html"))
        records.add(f"{section}/{first}/")
    return ["", *indexes, *sorted(records)]


@pytest.fixture(scope="module")
def tour(browser: Browser, server: Server, site: Path) -> Log:
    """Open every page of `pages_to_visit` in one browser context and record what happened."""
    log = Log()
    context = browser.new_context()
    context.set_default_timeout(10_000)
    log.watch(context)
    page = context.new_page()
    for path in pages_to_visit(site):
        page.goto(server.url + path, wait_until="networkidle")  # until late requests are done
    context.close()
    return log


def test_tour_covers_the_index_pages(site: Path) -> None:
    visited = pages_to_visit(site)
    for path in ("", "actors/", "claims/", "measures/", "figures/", "sources/", "coverage/"):
        assert path in visited


def test_pages_log_no_console_errors(tour: Log) -> None:
    assert tour.requests, "the tour opened no page"
    assert tour.errors == []


def test_pages_request_only_the_local_server(tour: Log, server: Server) -> None:
    elsewhere = [
        url
        for url in tour.requests
        if urlsplit(url).scheme not in ("data", "blob") and urlsplit(url).netloc != server.host
    ]
    assert elsewhere == []


def test_searching_an_actors_name_finds_their_page(page: Page, server: Server) -> None:
    page.goto(server.url)
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("Liu Yuejin")
    top = page.locator("li.md-search-result__item a").first
    expect(top).to_be_visible()
    assert urlsplit(top.get_attribute("href")).path == "/" + ACTOR  # ?h=... highlights the words

    top.click()
    page.wait_for_url(f"**/{ACTOR}*")
    assert urlsplit(page.url).path == "/" + ACTOR
    expect(page.locator("h1")).to_contain_text("Liu Yuejin")


def test_evidence_link_lands_on_the_marked_passage(page: Page, server: Server) -> None:
    page.goto(server.url + CLAIM)
    sources = page.locator('a[href*="/sources/"]')
    quote = page.locator("article blockquote").filter(has=sources).first
    link = quote.locator('a[href*="/sources/"][href*="#"]').first
    anchor = link.get_attribute("href").split("#", 1)[1]
    first_words = " ".join(quote.locator("mark").first.inner_text().split()[:4])

    link.click()
    page.wait_for_url(f"**/sources/**#{anchor}")

    assert unquote(urlsplit(page.url).fragment) == anchor
    passage = page.locator(f'[id="{anchor}"]')
    assert passage.evaluate("element => element.tagName") == "MARK"
    expect(passage).to_have_class("evidence")
    expect(passage).to_be_in_viewport()
    expect(passage).to_contain_text(first_words)


SCREENSHOTS = {"home": "", "actor": ACTOR, "source": SOURCE}


@pytest.mark.parametrize("name", SCREENSHOTS)
def test_screenshot_saved_as_artifact(page: Page, server: Server, name: str) -> None:
    path = SCREENSHOTS[name]
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / f"{name}.png"
    shot.unlink(missing_ok=True)
    page.goto(server.url + path, wait_until="networkidle")
    page.screenshot(path=shot, full_page=True)
    assert shot.stat().st_size > 20_000, f"{shot} is suspiciously small"
