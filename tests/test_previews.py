"""Previews of record links: what each record's page carries for them, and how the harbour site
shows them in Chromium on hover, on keyboard focus and on a first tap."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest
from browsing import Browser, Page, Server, expect
from conftest import REPO
from projects import briefing, record

from generator.model.records import Evidence, Record
from generator.render.previews import MEDIA_TYPE, QUOTE_CHARS, preview

ARTIFACTS = REPO / "test-artifacts" / "previews"
ACTOR = "actors/helen-marsh/"
QUESTION = "questions/is-the-dredging-harming-the-estuary/"
TIP = ".briefing-preview:not([hidden])"


def data(block: str) -> dict:
    match = re.fullmatch(rf'<script type="{re.escape(MEDIA_TYPE)}">(.*)</script>', block)
    assert match, block
    return json.loads(match.group(1))


def sample():
    return briefing(
        record("sources", "gazette", label="The Gazette, 3 May", kind="news-article"),
        record("actors", "council", ("gazette",), name="The Council", kind="government-body"),
        record("actors", "mayor", ("gazette",), name="Ann Lee", kind="person"),
        record(
            "claims",
            "safe",
            ("gazette",),
            summary="The bridge is safe.",
            speaker="mayor",
            date="2023-05",
            inferred={"date": "The article is dated May 2023."},
            credibility={"grade": 3, "reason": "One source."},
        ),
        record(
            "measures",
            "closed",
            ("gazette",),
            summary="The council closed the bridge.",
            kind="closure",
            status="urged",
            actors=["council"],
        ),
    )


def test_a_claims_preview_says_who_when_where_and_in_what_words() -> None:
    b = sample()
    shown = data(preview(b, b.records["safe"]))
    assert shown["kind"] == "Claim" and shown["title"] == "The bridge is safe."
    assert shown["lines"] == [
        "Said by Ann Lee, May 2023 (inferred)",
        "Credibility 3: possibly true, in the analyst's grading",
    ]
    assert shown["quote"] == "q" and shown["source"] == "In The Gazette, 3 May"


def test_a_measures_preview_says_whose_account_its_status_is() -> None:
    b = sample()
    shown = data(preview(b, b.records["closed"]))
    assert shown["lines"] == ["Urged, according to The Gazette, 3 May", "Urged on The Council"]


def test_a_long_quote_is_cut_and_the_cut_marked() -> None:
    fields = {"id": "long", "summary": "S.", "speaker": "mayor"}
    long = Record("claims", "long", (Evidence("gazette", "word " * 200),), fields)
    shown = data(preview(briefing(*sample().records.values(), long), long))
    assert len(shown["quote"]) == QUOTE_CHARS and shown["quote"].endswith("…")


def test_no_text_in_a_preview_can_close_its_script() -> None:
    b = briefing(
        record("sources", "s", label="</script><script>alert(1)</script>", kind="report"),
    )
    block = preview(b, b.records["s"])
    assert block.count("</script>") == 1 and "<script>alert" not in block
    assert data(block)["title"] == "</script><script>alert(1)</script>"


# In the browser


def claim_link(page: Page):
    return page.locator('.md-content li a[href*="/claims/"]:visible').first


def actor_page(browser: Browser, server: Server, **options) -> Page:
    """The harbour actor's page in a context of its own (a phone's, a scheme's)."""
    page = browser.new_context(**options).new_page()
    page.goto(server.url + ACTOR)
    return page


def test_hovering_a_record_link_shows_its_preview(page: Page, server: Server) -> None:
    page.goto(server.url + ACTOR)
    link = claim_link(page)
    target = link.evaluate("a => new URL(a.href).pathname")
    link.hover()
    tip = page.locator(TIP)
    expect(tip).to_be_visible()
    assert link.get_attribute("aria-describedby") == "briefing-preview"
    assert tip.locator(".briefing-preview__kind").inner_text().lower() == "claim"
    expect(tip.locator("blockquote")).to_be_visible()  # the exact words, and where they stand
    expect(tip.locator(".briefing-preview__source")).to_contain_text("In ")
    expect(tip).to_contain_text("Said by Helen Marsh")
    summary = tip.locator(".briefing-preview__title").inner_text()
    page.goto(server.url + target.lstrip("/"))  # the same summary heads the claim's page
    expect(page.locator("h1")).to_contain_text(summary)


def test_the_preview_waits_for_the_pointer_to_rest_and_leaves_with_it(
    page: Page, server: Server
) -> None:
    page.goto(server.url + ACTOR)
    link = claim_link(page)
    link.hover()
    expect(page.locator(TIP)).to_be_visible()
    page.mouse.move(1, 1)
    expect(page.locator(TIP)).to_have_count(0)
    assert link.get_attribute("aria-describedby") is None


def test_keyboard_focus_shows_the_preview_and_escape_closes_it(page: Page, server: Server) -> None:
    page.goto(server.url + ACTOR)
    link = claim_link(page)
    link.focus()
    expect(page.locator(TIP)).to_be_visible()
    page.mouse.wheel(0, 60)  # focusing a link may scroll it into view: its preview stays
    page.wait_for_timeout(100)
    expect(page.locator(TIP)).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator(TIP)).to_have_count(0)
    page.keyboard.press("Tab")  # moving on closes it too
    link.focus()
    expect(page.locator(TIP)).to_be_visible()
    page.keyboard.press("Tab")
    expect(page.locator(TIP)).to_have_count(0)


def test_focus_shows_its_preview_though_the_mouse_had_opened_another(
    page: Page, server: Server
) -> None:
    """A link focused below the fold, while the mouse rests on another whose preview is open:
    the focus scrolls the page, which closes the mouse's preview, and the focused link's preview
    (its page read slowly) still opens, and stays."""
    page.set_viewport_size({"width": 1366, "height": 400})
    page.goto(server.url + ACTOR)
    hovered = page.locator('.md-content a[href*="/claims/"]:visible').first
    focused = page.locator('.md-content li > a[href*="/sources/"]:not([href*="#"])').last
    page.route(
        "**" + focused.evaluate("a => new URL(a.href).pathname") + "*",
        lambda route: (page.wait_for_timeout(100), route.continue_()),
    )
    hovered.hover()
    expect(page.locator(TIP)).to_be_visible()
    assert focused.evaluate("a => a.getBoundingClientRect().top > innerHeight"), "not below"
    focused.focus()
    expect(focused).to_have_attribute("aria-describedby", "briefing-preview")
    expect(page.locator(TIP)).to_be_visible()
    page.wait_for_timeout(2 * 250 + 100)  # twice previews.js's delay before a preview closes
    assert page.locator(TIP).is_visible(), "the focused link's preview closed by itself"
    assert focused.get_attribute("aria-describedby") == "briefing-preview"


def test_links_to_other_pages_and_titled_links_have_no_preview(page: Page, server: Server) -> None:
    page.goto(server.url + QUESTION)
    page.locator('.md-content a[href="../"]').focus()  # the index of questions: not a record
    page.wait_for_timeout(600)
    expect(page.locator(TIP)).to_have_count(0)
    page.goto(server.url + ACTOR)
    page.locator(".md-content a.inferred:visible").first.focus()  # its own tooltip
    page.wait_for_timeout(600)
    expect(page.locator(TIP)).to_have_count(0)
    claim_link(page).focus()  # and the test can fail: a record link does show one
    expect(page.locator(TIP)).to_be_visible()


def test_on_a_phone_a_first_tap_previews_and_a_second_opens(
    browser: Browser, server: Server
) -> None:
    page = actor_page(browser, server, viewport={"width": 390, "height": 844}, has_touch=True)
    link = claim_link(page)
    target = link.evaluate("a => new URL(a.href).pathname")
    page.mouse.move(5, 5)  # a mouse beside the touch screen, away from the link
    link.tap()
    tip = page.locator(TIP)
    expect(tip).to_be_visible()
    page.wait_for_timeout(2 * 250 + 100)  # twice previews.js's delay before a preview closes
    assert tip.is_visible(), "the preview a tap opened closed by itself"
    assert urlsplit(page.url).path == "/" + ACTOR  # still here
    box = tip.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390  # all of it on the screen
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=ARTIFACTS / "claim-preview-390.png")
    expect(tip.locator(".briefing-preview__open")).to_have_text("Open the claim’s page")
    link.tap()
    page.wait_for_url(f"**{target}*")
    page.go_back()
    claim_link(page).tap()
    page.locator(TIP).locator(".briefing-preview__open").tap()
    page.wait_for_url(f"**{target}*")
    page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_preview_reads_in_both_schemes(browser: Browser, server: Server, scheme: str) -> None:
    page = actor_page(browser, server, viewport={"width": 1366, "height": 900}, color_scheme=scheme)
    claim_link(page).hover()
    tip = page.locator(TIP)
    expect(tip).to_be_visible()
    colours = tip.evaluate("t => [getComputedStyle(t).color, getComputedStyle(t).backgroundColor]")
    assert colours[0] != colours[1]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"claim-preview-1366-{scheme}.png")
    page.context.close()
