"""How long a reader waits for a first search result, and how much the search loads: in
headless Chromium (Playwright), from the end of the page's load (its load event, when a reader
can type) to the first result drawn, for a site served on 127.0.0.1, the query typed at once. ``run.py`` measures the pipeline's site (Pagefind) and the plain
MkDocs build's (Material's own index) side by side, unthrottled and with the CPU slowed 4x.

On its own: ``.venv/bin/python benchmarks/search.py SITE_DIR "query"``.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from serving import served

CHROMIUM = os.environ.get("BRIEFING_CHROMIUM") or (
    "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
)
SEARCH_FILES = ("/search/", "/pagefind/", "search-worker", "/workers/", "/lunr/")


@dataclass
class FirstResult:
    seconds: float  # from the page's load event to the first result on screen
    load: float  # from the start of the page's load to its load event
    search_kb: float  # what the search files weighed on the wire (index, worker, chunks)


# The query typed by the page itself at its load event, and the time the first result is drawn
# taken on the page's clock: the figure is the search's own wait, not the test driver's (whose
# clicks and keys each cross to the browser and back, some 0.2 s here)
TYPED_AT_LOAD = """
addEventListener("load", () => {
  const box = document.querySelector("input.md-search__input");
  box.focus();
  box.value = QUERY;
  box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
});
new MutationObserver((_, observer) => {
  if (document.querySelector("li.md-search-result__item")) {
    window.__drawn = performance.now();
    observer.disconnect();
  }
}).observe(document, { subtree: true, childList: true });
"""


@contextmanager
def tab(site: Path, port: int, throttle: float = 1) -> Iterator[tuple[str, Any]]:
    """``site`` served on ``port``, and a tab of headless Chromium at 1366 px, its CPU slowed
    ``throttle`` times: the site's address and the tab (a Playwright page)."""
    from playwright.sync_api import sync_playwright  # the test dependencies have it

    with served(site, port) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        if throttle != 1:
            cdp = page.context.new_cdp_session(page)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": throttle})
        try:
            yield base, page
        finally:
            browser.close()


def first_result(site: Path, query: str, throttle: float = 1, port: int = 8790) -> FirstResult:
    """Open the home page, type ``query`` at its load event, and wait for a result."""
    with tab(site, port, throttle) as (base, page):
        weights: dict[str, int] = {}  # the worker's requests included

        def finished(request) -> None:
            sizes = request.sizes()
            weights[request.url] = sizes["responseBodySize"] + sizes["responseHeadersSize"]

        page.on("requestfinished", finished)
        page.add_init_script(TYPED_AT_LOAD.replace("QUERY", json.dumps(query)))
        page.goto(base, wait_until="load")
        page.locator("li.md-search-result__item").first.wait_for(timeout=120_000)
        drawn, loaded = page.evaluate(
            "[window.__drawn, performance.getEntriesByType('navigation')[0].loadEventEnd]"
        )
        page.wait_for_timeout(500)  # the fragments of the results below the first
        searched = sum(size for url, size in weights.items() if any(p in url for p in SEARCH_FILES))
    return FirstResult((drawn - loaded) / 1000, loaded / 1000, searched / 1000)


# The reader's clock: from the first keydown in the search box to the first result painted (the
# frame after Material inserts it), taken on the page's clock
FROM_THE_FIRST_KEY = """
window.__firstKey = null;
window.__painted = null;
addEventListener("keydown", () => { window.__firstKey ??= performance.now(); }, true);
new MutationObserver((_, observer) => {
  if (document.querySelector("li.md-search-result__item")) {
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => { window.__painted = performance.now(); }, 0));
  }
}).observe(document, { subtree: true, childList: true });
"""


def as_a_reader_types(site: Path, word: str, throttle: float = 1, port: int = 8792) -> float:
    """Seconds from the first keydown to the first result painted: the home page loaded, its
    search box opened by a click, ``word`` typed at Playwright's default speed."""
    with tab(site, port, throttle) as (base, page):
        page.add_init_script(FROM_THE_FIRST_KEY)
        page.goto(base, wait_until="load")
        box = page.locator("input.md-search__input")
        box.click()
        box.press_sequentially(word)
        page.wait_for_function("window.__painted !== null", timeout=120_000)
        first, painted = page.evaluate("[window.__firstKey, window.__painted]")
    return (painted - first) / 1000


if __name__ == "__main__":
    site, query = Path(sys.argv[1]), sys.argv[2]
    for rate in (1, 4):
        typed = sorted(as_a_reader_types(site, query.split()[-1], rate) for _ in range(3))
        print(f"CPU {rate}x: from the first key to the first result {typed[1]:.2f} s (median of 3)")
        found = first_result(site, query, rate)
        print(
            f"CPU {rate}x: page loaded after {found.load:.2f} s, first result {found.seconds:.2f} s"
            f" later, {found.search_kb:,.0f} kB"
        )
