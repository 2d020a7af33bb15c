"""What a reader's browser is given: the size and load time of every listing page, the weight of
a record's page, and the whole site's size (issue 30's targets: no listing over about 300 kB,
every page loaded within 1 s, at most 20 kB of HTML a record page).

A listing is every built page that is neither a record's page, nor an article's page of the
coverage report, nor a page of the search or of the theme: the home page, the memo, each kind's
index, claims by source, the timeline, topics, the coverage report, data, about, the format and
the reference. Each is loaded once in headless Chromium (Playwright), served on 127.0.0.1,
unthrottled and with the CPU slowed 4x, and so are the largest record page and the largest
article page of the coverage report: the time is the page's own load event (``loadEventEnd`` of
its navigation entry).

On its own: ``.venv/bin/python benchmarks/pages.py SITE_DIR [RECORDS]``.
"""

from __future__ import annotations

import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

from search import tab

from generator import site_swap
from generator.kinds import KINDS

SLOWER = 4  # the CPU slowed this many times for the second load
SHOWN = 12  # listing pages listed by name, the largest first; the others are summed up


@dataclass
class Listing:
    path: str  # under the site, as served: "claims/", "coverage/some-article/"
    kb: float  # its HTML
    load: float | None = None  # seconds to its load event, unthrottled
    slowed: float | None = None  # the same with the CPU slowed SLOWER times


@dataclass
class Weight:
    listings: list[Listing]  # and the largest record page and coverage page of an article
    record_pages: int
    record_kb: float  # the average HTML of a record's page
    site_mb: float  # every file under site/
    records: int | None  # the briefing's records, when known

    @property
    def bytes_per_record(self) -> float | None:
        return self.site_mb * 1e6 / self.records if self.records else None


def _is_record_page(parts: tuple[str, ...]) -> bool:
    """<kind>/<id>/index.html: the kind's other pages (by_source, speakers_a) hold a '_',
    which no id can."""
    return len(parts) == 3 and parts[0] in KINDS and "_" not in parts[1]


def weigh(site: Path, records: int | None = None) -> Weight:
    """Sizes only (no browser)."""
    listings, record_pages, article_pages = [], [], []
    for page in sorted(site.rglob("index.html")):
        parts = page.relative_to(site).parts
        if parts[0] in ("search", "pagefind", "assets"):
            continue
        path = "/".join(parts[:-1]) + ("/" if len(parts) > 1 else "")
        shown = Listing(path, page.stat().st_size / 1000)
        if _is_record_page(parts):
            record_pages.append(shown)
        elif len(parts) == 3 and parts[0] == "coverage":
            article_pages.append(shown)
        else:
            listings.append(shown)
    largest = [max(pages, key=lambda p: p.kb) for pages in (record_pages, article_pages) if pages]
    site_bytes = site_swap.size(site)
    average = statistics.fmean(p.kb for p in record_pages) if record_pages else 0.0
    return Weight(listings + largest, len(record_pages), average, site_bytes / 1e6, records)


def load_listings(site: Path, weight: Weight, port: int = 8791) -> None:
    """Each listing's load time, unthrottled and slowed (filled into ``weight.listings``)."""
    for rate in (1, SLOWER):
        with tab(site, port, rate) as (base, page):
            for listing in weight.listings:
                page.goto(base + listing.path, wait_until="load", timeout=300_000)
                ms = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
                setattr(listing, "load" if rate == 1 else "slowed", ms / 1000)


def _seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f} s"


def report(weight: Weight) -> str:
    """The listings (the largest by name, the rest summed up), the record pages and the site."""
    ranked = sorted(weight.listings, key=lambda listing: -listing.kb)
    lines = [f"{'page':<44} {'HTML':>10} {'load':>8} {f'at {SLOWER}x':>8}"]
    for listing in ranked[:SHOWN]:
        name = listing.path or "(home)"
        lines.append(
            f"{name[:44]:<44} {listing.kb:>7,.0f} kB "
            f"{_seconds(listing.load):>8} {_seconds(listing.slowed):>8}"
        )
    rest = ranked[SHOWN:]
    if rest:
        slowest = max((r.load for r in rest if r.load is not None), default=None)
        lines.append(
            f"{f'{len(rest):,} more, the largest':<44} {rest[0].kb:>7,.0f} kB "
            f"{_seconds(slowest):>8} (the slowest of them)"
        )
    lines.append(
        f"record pages: {weight.record_pages:,}, on average {weight.record_kb:,.1f} kB of HTML"
    )
    per_record = weight.bytes_per_record
    each = f", {per_record / 1000:,.1f} kB a record" if per_record else ""
    lines.append(f"site: {weight.site_mb:,.0f} MB{each}")
    return "\n".join(lines)


if __name__ == "__main__":
    site = Path(sys.argv[1])
    measured = weigh(site, int(sys.argv[2]) if len(sys.argv) > 2 else None)
    load_listings(site, measured)
    print(report(measured))
