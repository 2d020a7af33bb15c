"""What the browser tests share: a Chromium, driven by Playwright, and the built harbour site
served on 127.0.0.1 (a pytest plugin: ``conftest`` loads it, so every test module has them).

The browser is ``$BRIEFING_CHROMIUM`` if set, else Debian's headless shell (the build Playwright
itself runs headless, a third cheaper a page than the whole browser) or ``/usr/bin/chromium``,
whichever exists first, else Playwright's own Chromium (``.ci/browser`` provides one). Nothing
is skipped: without Playwright or a Chromium that launches, the tests fail and say what to
install (`make test` provides both).
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

try:
    from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
except ImportError as error:  # reported by the `browser` fixture, never skipped
    MISSING_PLAYWRIGHT: ImportError | None = error
    Browser = BrowserContext = Page = PlaywrightError = PlaywrightTimeout = None
    expect = sync_playwright = None
else:
    MISSING_PLAYWRIGHT = None

DEBIAN_CHROMIUMS = [Path("/usr/lib/chromium/chromium-headless-shell"), Path("/usr/bin/chromium")]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass
class Server:
    url: str  # http://127.0.0.1:<port>/
    host: str  # 127.0.0.1:<port>


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def site(built_site: Path) -> Path:
    return built_site / "site"


@contextlib.contextmanager
def serving(site: Path) -> Iterator[Server]:
    """``python -m http.server`` serving ``site`` on 127.0.0.1, as the README suggests, once it
    answers; stopped afterwards."""
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
def server(site: Path) -> Iterator[Server]:
    """The built site, served (``serving``)."""
    with serving(site) as served:
        yield served


def chromium_candidates() -> list[str | None]:
    """The executables to try, in order; None is Playwright's own Chromium."""
    chosen = os.environ.get("BRIEFING_CHROMIUM")
    if chosen:
        return [chosen]
    return [str(path) for path in DEBIAN_CHROMIUMS if path.exists()][:1] or [None]


@pytest.fixture(scope="session")  # one a process: each test opens its own context in it
def browser() -> Iterator[Browser]:
    if MISSING_PLAYWRIGHT is not None:
        pytest.fail(
            f"Playwright for Python is missing ({MISSING_PLAYWRIGHT}): run `make test`, "
            "or `.venv/bin/pip install -e '.[test]'`",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        launched, tried = None, []
        for executable in chromium_candidates():
            try:
                launched = playwright.chromium.launch(
                    executable_path=executable, args=CHROMIUM_ARGS
                )
                break
            except PlaywrightError as error:
                first_line = str(error).strip().splitlines()[0] if str(error).strip() else ""
                tried.append(f"{executable or 'Playwright Chromium'} ({first_line})")
        if launched is None:
            pytest.fail(
                f"no Chromium could be launched, tried {'; '.join(tried)}: install Debian's "
                "chromium (`apt-get install -y chromium`) or Playwright's "
                "(`.venv/bin/python -m playwright install chromium`), or set BRIEFING_CHROMIUM "
                "to a Chromium executable",
                pytrace=False,
            )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()
