"""Every tap and every Tab does what a reader sees it do, on the harbour site in Chromium.

On a phone, a first tap on a link shows its preview when its page has one (a second tap opens
it) and otherwise opens it at once: no link is dead on touch. From the keyboard, each of the
first 20 tab stops of every kind of page is on screen, visible and not covered: controls that
are hidden (the closed search's results and filters, the closed navigation drawer) are out of
the tab order until they open.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest
from browsing import Browser, Page, PlaywrightTimeout, Server, expect

from generator.kinds import KINDS

if TYPE_CHECKING:
    from playwright.sync_api import Route

WIDTHS = [1366, 390]
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True}
TIP = ".briefing-preview:not([hidden])"
# The pages whose every link is tapped: home, the index of each kind and the pages of the site
# the issue found dead taps on
OVERVIEWS = ["", *(f"{kind}/" for kind in KINDS), "timeline/", "topics/", "data/", "about/"]
OVERVIEWS += ["coverage/", "coverage/courier-2023-council-backs-dredging/"]


# Every navigation the page is asked for (a link's default action, location.assign, a form) is
# noted and cancelled in the page itself, through the Navigation API, so the page stays where it
# is and the next link can be tapped: no request has to come through Python
NOTE_NAVIGATIONS = """
window.__opened = [];
navigation.addEventListener("navigate", (event) => {
  window.__opened.push(event.destination.url);
  event.preventDefault();
});
"""
# Before a tap: the link's address and whether Playwright would call it visible (its own test:
# styled visible, not `checkVisibility()`-hidden, with a box). A link to be tapped is then made
# ready in the page, as Playwright's `tap()` makes it ready in several calls: a first tap's
# preview shown last is closed (Escape, as a reader closes it), the link is scrolled into view,
# and the point to tap, the middle of its first box, is on the link and not covered. The link is
# noted with the page's address and the previews shown (none, once Escape closed the last)
BEFORE_TAP = """(a, [tapping, first]) => {
  const href = new URL(a.getAttribute("href"), document.baseURI).href;
  const box = a.getBoundingClientRect();
  const visible = a.checkVisibility() && getComputedStyle(a).visibility === "visible"
    && box.width > 0 && box.height > 0;
  if (!tapping || !visible) return { href, visible };
  if (first) {
    document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
  }
  a.scrollIntoView({ block: "center", inline: "center", behavior: "instant" });
  const part = Array.from(a.getClientRects()).find((r) => r.width >= 1 && r.height >= 1);
  const x = part.left + part.width / 2;
  const y = part.top + part.height / 2;
  const top = document.elementFromPoint(x, y);
  const covered = top && (top === a || a.contains(top)) ? "" : (top ? top.outerHTML : "nothing");
  window.__link = a;
  window.__before = location.href;
  window.__opened = [];
  return { href, visible, x, y, covered: covered.slice(0, 120),
           tips: document.querySelectorAll(TIP).length };
}""".replace("TIP", repr(TIP))
# After a tap: what came of it, once something did. Opened: a navigation was asked for (or the
# address changed); previewed: the link is described by the preview, and it is visible
TAPPED = """(second) => {
  const opened = window.__opened;
  if (opened.length || (!second && location.href !== window.__before)) {
    return { what: "opened", opened };
  }
  if (second) return null;
  const tip = document.querySelector(TIP);
  const box = tip && tip.getBoundingClientRect();
  const shown = window.__link.getAttribute("aria-describedby") === "briefing-preview"
    && tip && getComputedStyle(tip).visibility === "visible" && box.width > 0 && box.height > 0;
  return shown ? { what: "previewed", opened } : null;
}""".replace("TIP", repr(TIP))


# Touch


class Phone:
    """A phone's page on which every navigation the reader asks for is noted and cancelled, so
    the page stays where it is and the next link can be tapped."""

    def __init__(self, browser: Browser, server: Server) -> None:
        self.server = server
        self.context = browser.new_context(**PHONE)
        self.context.set_default_timeout(10_000)
        self.context.add_init_script(script=NOTE_NAVIGATIONS)
        # No network: whatever is not the site's is refused (matched by Playwright, not Python)
        outside = re.compile("^(?!" + re.escape(server.url) + ")")
        self.context.route(outside, lambda route: route.abort())
        self.page = self.context.new_page()
        self.opened: list[str] = []

    def goto(self, address: str) -> None:
        self.page.goto(self.server.url + address)

    def dead_links(self, address: str) -> list[str]:
        """Each link in the text of the page at ``address`` that a first tap neither previews
        nor opens, or whose preview a second tap does not open, said with why."""
        dead = []
        self.goto(address)
        links = self.page.locator(".md-content a[href]")
        tapped = set()
        for i, (href, visible) in enumerate(self.look(links)):
            if href in tapped or not visible:
                continue
            tapped.add(href)
            link = links.nth(i)
            what = self.tap(link)
            if what == "previewed":
                if self.tap(link, second=True) != "opened":  # the second tap opens the page
                    dead.append(f"/{address}: second tap on {href} opened nothing")
                elif urlsplit(self.opened[0]).path != urlsplit(href).path:
                    dead.append(f"/{address}: second tap on {href} opened {self.opened[0]}")
            elif what != "opened":
                dead.append(f"/{address}: a tap on {href} did nothing")
        return dead

    def look(self, links) -> list[tuple[str, bool]]:
        """Each of ``links``' address, and whether it is visible."""
        seen = links.evaluate_all(f"links => links.map(a => ({BEFORE_TAP})(a, [false, false]))")
        return [(link["href"], link["visible"]) for link in seen]

    def tap(self, link, second: bool = False) -> str:
        """Tap ``link``: what came of it ("opened", "previewed" or "nothing"); the navigations
        it asked for are in ``opened``. A first tap is on a page with no preview shown (Escape
        closes the last, which may cover this link); a ``second`` tap only opens. The finger
        comes down where the page found the link uncovered (``touchscreen.tap``: a touch and
        the pointer and mouse events it makes, as the browser makes them for a finger)."""
        ready = link.evaluate(BEFORE_TAP, [True, not second])
        assert ready["visible"], f"{ready['href']} is not visible to tap"
        assert not ready["covered"], f"{ready['href']} is covered by {ready['covered']}"
        assert ready["tips"] == 0 or second, "a preview stayed open"
        self.page.touchscreen.tap(ready["x"], ready["y"])
        try:
            came = self.page.wait_for_function(TAPPED, arg=second, timeout=3_000).json_value()
        except PlaywrightTimeout:
            self.opened = self.page.evaluate("window.__opened")
            return "nothing"
        self.opened = came["opened"]
        return came["what"]


def record_page(site: Path, kind: str) -> str:
    """The first record page of ``kind``."""
    return f"{kind}/{min(p.parent.name for p in (site / kind).glob('*/index.html'))}/"


def record_pages(site: Path) -> list[str]:
    """One record page of each kind: the first of its folder."""
    return [record_page(site, kind) for kind in KINDS]


@pytest.fixture(scope="module")
def phone(browser: Browser, server: Server) -> Iterator[Phone]:
    """One phone's tab for the module's pages, each opened in it anew: a tab of its own for each
    cost the browser about as much again as the page it shows."""
    phone = Phone(browser, server)
    yield phone
    phone.context.close()


# Each page a test of its own, so that the pages are tapped in parallel
@pytest.mark.parametrize("address", [*OVERVIEWS, *(f"a record of {kind}" for kind in KINDS)])
def test_every_link_on_a_page_of_each_kind_previews_or_opens_on_the_first_tap(
    phone: Phone, site: Path, address: str
) -> None:
    if address.startswith("a record of "):
        address = record_page(site, address.removeprefix("a record of "))
    dead = phone.dead_links(address)
    assert not dead, "\n".join(dead)


def test_taps_both_preview_and_open(phone: Phone) -> None:
    """Both outcomes are met on the home page's links, so the tests above tell them apart."""
    phone.goto("")
    outcomes = set()
    links = phone.page.locator(".md-content a[href]:visible")
    for i in range(min(links.count(), 12)):
        outcomes.add(phone.tap(links.nth(i)))
        if outcomes >= {"previewed", "opened"}:
            break
    assert outcomes >= {"previewed", "opened"}, outcomes


def test_a_tap_on_a_record_link_whose_page_has_no_preview_opens_it(
    browser: Browser, server: Server, site: Path
) -> None:
    phone = Phone(browser, server)
    actor = record_pages(site)[0]
    phone.goto(actor)
    link = phone.page.locator('.md-content a[href*="/claims/"]:visible').first
    target = link.evaluate("a => new URL(a.href).pathname")

    def no_preview(route: Route) -> None:  # the page, as fetched for its preview, has none
        if route.request.is_navigation_request():
            route.fallback()
        else:
            route.fulfill(body="<p>no preview here</p>", content_type="text/html")

    phone.page.route(f"**{target}", no_preview)
    assert phone.tap(link) == "opened"
    assert urlsplit(phone.opened[0]).path == target
    phone.context.close()


# Keyboard

# What is wrong with the focused element, if anything ("end" past the page's last stop). Material's
# toggles (the palette's radio buttons) are inputs with no box, drawn by the label that follows
# them. A link that wraps is looked at in its first line, whose centre is on it; a link Material
# makes deaf to the pointer (the current page's, in the navigation) hears it while looked at.
FOCUS_PROBLEM = """() => {
  let shown = document.activeElement;
  if (!shown || shown === document.body) return "end";
  const said = shown.outerHTML.slice(0, 120);
  if (shown.matches("input.md-option") && shown.nextElementSibling?.matches("label")) {
    shown = shown.nextElementSibling;
  }
  if (!shown.checkVisibility({ opacityProperty: true, visibilityProperty: true })) {
    return "hidden: " + said;
  }
  const box = Array.from(shown.getClientRects()).find((r) => r.width >= 1 && r.height >= 1);
  if (!box) return "no size: " + said;
  const x = box.left + box.width / 2;
  const y = box.top + box.height / 2;
  if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return "off screen: " + said;
  const deaf = shown.style.pointerEvents;
  shown.style.pointerEvents = "auto";
  const top = document.elementFromPoint(x, y);
  shown.style.pointerEvents = deaf;
  if (!top || !(top === shown || shown.contains(top))) {
    return "covered by " + (top ? top.outerHTML.slice(0, 80) : "nothing") + ": " + said;
  }
  return "";
}"""


def focus_problem(page: Page) -> str:
    """What is wrong with the focused element once the page's transitions are over: the page
    asks again, up to 1.5 s, until nothing is."""
    try:
        page.wait_for_function(f"() => ({FOCUS_PROBLEM})() === ''", timeout=1_500)
    except PlaywrightTimeout:
        return page.evaluate(FOCUS_PROBLEM)
    return ""


@pytest.fixture(scope="module")
def tabs(browser: Browser) -> Iterator[dict[int, Page]]:
    """A tab at each width for the module's pages, each opened in it anew (as ``phone``)."""
    contexts = {
        width: browser.new_context(viewport={"width": width, "height": 844}) for width in WIDTHS
    }
    yield {width: context.new_page() for width, context in contexts.items()}
    for context in contexts.values():
        context.close()


@pytest.mark.parametrize(
    "address", ["", "claims/", *(f"a record of {kind}" for kind in KINDS), "about/"]
)
@pytest.mark.parametrize("width", WIDTHS)
def test_the_first_20_tab_stops_of_every_kind_of_page_are_seen(
    tabs: dict[int, Page], server: Server, site: Path, width: int, address: str
) -> None:
    if address.startswith("a record of "):
        address = record_page(site, address.removeprefix("a record of "))
    page = tabs[width]
    problems = []
    page.goto(server.url + address)
    for stop in range(1, 21):
        page.keyboard.press("Tab")
        if (problem := focus_problem(page)) == "end":
            break
        if problem:
            problems.append(f"/{address} at {width} px, stop {stop}: {problem}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("width", [1366, 390])
def test_from_a_query_tab_reaches_the_search_filters_and_leaving_closes_it(
    browser: Browser, server: Server, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    page.goto(server.url)
    search = page.locator("input.md-search__input")
    search.focus()
    search.press_sequentially("harbour")
    all_kinds = page.locator(".briefing-kinds button").first
    for _ in range(3):  # past the results' scrolling area to the first filter
        page.keyboard.press("Tab")
        if all_kinds.evaluate("b => b === document.activeElement"):
            break
    expect(all_kinds).to_be_focused()
    assert focus_problem(page) == ""
    page.keyboard.press("Tab")
    actors = page.locator('.briefing-kinds button[data-kind="actors"]')
    expect(actors).to_be_focused()
    assert focus_problem(page) == ""
    page.keyboard.press("Enter")  # the filter works from the keys, and hands back the query
    expect(search).to_be_focused()
    expect(search).to_have_value("kind:actors harbour")
    expect(actors).to_have_attribute("aria-pressed", "true")
    page.keyboard.press("Shift+Tab")  # out of the search: it closes, its filters leave the order
    assert not page.evaluate("document.getElementById('__search').checked")
    assert page.locator(".md-search__output").evaluate("o => o.inert")
    context.close()


def test_on_a_phone_the_menu_button_opens_the_navigation_from_the_keys(
    browser: Browser, server: Server
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(server.url)
    menu = page.locator(".md-header label[for=__drawer]")
    expect(menu).to_have_attribute("aria-expanded", "false")
    menu.focus()
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    assert page.evaluate("document.activeElement.closest('.md-sidebar--primary') !== null")
    assert focus_problem(page) == ""
    page.keyboard.press("Escape")
    expect(menu).to_be_focused()
    expect(menu).to_have_attribute("aria-expanded", "false")
    context.close()
