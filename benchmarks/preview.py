"""How long an author waits for the preview: ``python -m generator serve`` on a project, one
claim's page open in headless Chromium, then from the save of an edit to its summary until the
page the browser reloaded by itself shows the new words, and until every listing that lists the
claim (the claims' index, or its page of the speaker's initial; claims by source, or its page of
the article's year) answers with them: the preview renders the listings after the records' pages,
and holds a request for one until it is fresh. Each edit waits for the server to be at rest:
every long page (``LONG``) answers, as the server holds a request for one until the last refresh
rendered it. Timed ``repeats`` times (the claim edited again each time); ``run.py`` prints the
medians, and the server's peak memory.

On its own: ``.venv/bin/python benchmarks/preview.py PROJECT_DIR`` (its docs/ and its cache
change: use a copy).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from corpus import claim_to_edit, edit_one_claim
from search import CHROMIUM
from serving import answering

from generator.integrations.mkdocs_live_site import LONG

EDIT = "Edited."  # what edit_one_claim adds to the summary, once more each time


@dataclass
class Refresh:
    seconds: list[float]  # from each save to the new words on screen
    listed: list[float]  # from each save to every listing of the claim answering with them
    startup: float  # from the start of the server to its first page
    peak_mb: float  # the server's largest resident set, its first build included

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def listed_median(self) -> float:
        return statistics.median(self.listed)


def save_to_refresh(root: Path, repeats: int = 3, port: int = 8791) -> Refresh:
    from playwright.sync_api import sync_playwright  # the test dependencies have it

    command = [sys.executable, "-m", "generator", "serve", "--address", f"127.0.0.1:{port}"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    server = subprocess.Popen(
        command, cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        answering(base, server, seconds=3600)  # its first build: minutes at 10,000 records
        startup = time.perf_counter() - started
        waits, listed = [], []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1366, "height": 900})
            claim, path, start, _ = claim_to_edit(root)
            page.goto(f"{base}claims/{claim}/")
            for _ in range(repeats):
                # the server at rest: it answers for a long page once the last refresh rendered it
                for address in long_pages(root):
                    urllib.request.urlopen(base + address, timeout=120).close()
                time.sleep(0.5)
                # the browser's load event, not a poll: polling the page every few ms took CPU
                # from the server on a machine of two cores
                with page.expect_event("load", timeout=120_000):
                    edit_one_claim(root)
                    saved = time.perf_counter()
                reloaded = time.perf_counter()
                text = path.read_text(encoding="utf-8")
                edits = text[start : text.index("\n", start)].count(EDIT)
                while _shown(page) < edits:  # reloaded before the refresh: the next load
                    with page.expect_event("load", timeout=120_000):
                        pass
                    reloaded = time.perf_counter()
                waits.append(reloaded - saved)
                for address in listings_of(root, claim):
                    while _fetched(base + address).count(EDIT) < edits:
                        time.sleep(0.02)
                listed.append(time.perf_counter() - saved)
            browser.close()
        return Refresh(waits, listed, startup, _peak_mb(server.pid))
    finally:
        server.terminate()
        server.wait(timeout=30)


def long_pages(root: Path) -> list[str]:
    """The addresses of the pages the preview renders after the browsers reloaded (``LONG``)."""
    pages = (root / "docs").rglob("*.md")
    return [_address(root, page) for page in pages if page.stat().st_size > LONG]


def _address(root: Path, page: Path) -> str:
    path = page.relative_to(root / "docs").with_suffix("").as_posix()
    return path.removesuffix("index") if page.stem == "index" else f"{path}/"


def listings_of(root: Path, claim: str) -> list[str]:
    """The addresses of the claims' listing pages (index.md, by_source.md and their split pages,
    whose names hold a '_') that link to ``claim``."""
    pages = sorted((root / "docs" / "claims").glob("*.md"))
    listing = [p for p in pages if p.stem == "index" or "_" in p.stem]
    found = [p for p in listing if f"claims/{claim}.md" in p.read_text(encoding="utf-8")]
    return ["claims/" + ("" if p.stem == "index" else f"{p.stem}/") for p in found]


def _fetched(address: str) -> str:
    with urllib.request.urlopen(address, timeout=120) as answer:
        return answer.read().decode("utf-8")


def _shown(page) -> int:
    try:
        return page.locator(".md-content h1").inner_text(timeout=500).count(EDIT)
    except Exception:  # noqa: BLE001 - the page is reloading
        return -1


def _peak_mb(pid: int) -> float:
    """VmHWM, the peak resident set Linux keeps for a process."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


if __name__ == "__main__":
    refresh = save_to_refresh(Path(sys.argv[1]).resolve())
    shown = ", ".join(f"{s:.2f} s" for s in refresh.seconds)
    listed = ", ".join(f"{s:.2f} s" for s in refresh.listed)
    print(f"first page after {refresh.startup:.1f} s; save to refresh: {shown}")
    print(f"save to every listing of the claim refreshed: {listed}")
    print(f"peak memory {refresh.peak_mb:,.0f} MB")
