"""A long briefing's listings, split into pages a reader's browser loads quickly, as a reader
meets them: built into the site, linked both ways, out of the navigation, with the topics'
tags leading to their own pages; and in a browser, free of serious accessibility violations
at both widths and in both schemes, with every link answering a tap.

The site is the harbour fixture's, split from one record on (``split_site``): the rules that
split are tested on the pages the generator writes in test_rendering."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from browsing import Browser, Server, serving
from test_accessibility import WIDTHS, look_at
from test_touch_and_focus import Phone

# A page of each kind of split: an index's page (of a kind's own split, of claims' speakers),
# claims by source's, a timeline year's, a topic's, and the lists of them (the coverage report's
# pages of articles, never one page, are test_accessibility's and test_touch_and_focus's)
SPLIT = [
    "claims/",
    "claims/speakers_h/",
    "claims/by_source/",
    "claims/by_source_2024/",
    "figures/",
    "figures/year_undated/",
    "measures/status_urged/",
    "sources/published_2024/",
    "questions/page_1/",
    "timeline/",
    "timeline/2024/",
    "topics/",
    "topics/dredging/",
]


@pytest.fixture(scope="module")
def split_server(split_site: Path) -> Iterator[Server]:
    with serving(split_site / "site") as served:
        yield served


def test_each_split_page_is_built_and_linked_from_its_list(split_site: Path) -> None:
    site = split_site / "site"
    for listing, pattern in [
        ("claims/", r"speakers_[a-z0-9]+"),
        ("claims/by_source/", r"by_source_[a-z0-9]+"),
        ("figures/", r"year_[a-z0-9]+"),
        ("measures/", r"status_[a-z-]+"),
        ("sources/", r"published_[a-z0-9]+"),
        ("questions/", r"page_[0-9]+"),
        ("timeline/", r"[0-9]{4}|undated"),
        ("topics/", r"[a-z0-9-]+"),
    ]:
        html = (site / listing / "index.html").read_text("utf-8")
        text = html[html.index('<article class="md-content__inner') :]
        listed = set(re.findall(rf'href="(?:\.\./)?((?:{pattern}))/"', text))
        folder = site / listing.split("/")[0]
        built = {
            p.parent.name
            for p in folder.glob("*/index.html")
            if re.fullmatch(pattern, p.parent.name)
        }
        if listing == "claims/":
            built = {name for name in built if not name.startswith("by_source")}
        assert listed and listed == built, (listing, listed, built)
    for page in SPLIT:
        assert (site / page / "index.html").is_file(), page


def test_a_records_topics_lead_to_the_topics_own_pages(split_site: Path) -> None:
    """Material links a page's tags to a listing that holds them: each topic's own page, which
    lists the record's page."""
    site = split_site / "site"
    tagged = 0
    for page in site.glob("claims/*-*/index.html"):
        tags = re.findall(r'<a href="([^"]+)" class="md-tag', page.read_text("utf-8"))
        for tag in tags:
            assert re.fullmatch(r"\.\./\.\./topics/[a-z0-9-]+/#tag:[a-z0-9-]+", tag), tag
            listing = (page.parent / tag.partition("#")[0] / "index.html").resolve()
            assert f"claims/{page.parent.name}/" in listing.read_text("utf-8"), (page, tag)
        tagged += len(tags)
    assert tagged


def test_split_pages_are_left_out_of_the_navigation(split_site: Path) -> None:
    home = (split_site / "site" / "index.html").read_text("utf-8")
    nav = home[home.index("md-nav--primary") :]
    assert not re.search(r'href="[^"]*(_[a-z0-9]+|topics/[a-z0-9-]+|timeline/[0-9]+)/"', nav)


@pytest.mark.parametrize("width", WIDTHS)
def test_no_split_page_has_a_serious_accessibility_violation(
    browser: Browser, split_server: Server, width: str
) -> None:
    assert look_at(browser, split_server, SPLIT, width, shots="split--") == []


@pytest.mark.parametrize("address", SPLIT)
def test_every_link_on_a_split_page_previews_or_opens_on_the_first_tap(
    browser: Browser, split_server: Server, address: str
) -> None:
    phone = Phone(browser, split_server)
    try:
        dead = phone.dead_links(address)
    finally:
        phone.context.close()
    assert not dead, "\n".join(dead)
