"""No serious or critical axe-core violation on any kind of page, in the light and the dark
scheme, at 1366 and at 390 pixels; each page's screenshot is saved in test-artifacts/ for a
person to look at. axe-core comes bundled with axe-playwright-python: no Node needed."""

from __future__ import annotations

import pytest
from browsing import Browser, Server
from conftest import REPO

try:
    from axe_playwright_python.sync_playwright import Axe
except ImportError as error:  # a failure that says what to install, never a skip
    Axe, MISSING_AXE = None, error
else:
    MISSING_AXE = None

ARTIFACTS = REPO / "test-artifacts" / "accessibility"
# One page of each kind (the harbour fixture's), each index, and the overview pages
PAGES = [
    "",
    "judgments/",
    "judgments/dredging-dispute-will-continue/",
    "actors/",
    "actors/helen-marsh/",
    "claims/",
    "claims/marsh-ships-will-stop-calling/",
    "measures/",
    "measures/dredge-main-channel/",
    "figures/",
    "figures/oyster-catch-fall/",
    "sources/",
    "sources/courier-2023-council-backs-dredging/",
    "questions/",
    "questions/is-the-dredging-harming-the-estuary/",
    "timeline/",
    "memo/",
    "about/",
    "data/",
    "coverage/",
    "reference/",
]
MODES = {  # name: viewport, scheme
    "1366-light": ({"width": 1366, "height": 900}, "light"),
    "1366-dark": ({"width": 1366, "height": 900}, "dark"),
    "390-light": ({"width": 390, "height": 844}, "light"),
    "390-dark": ({"width": 390, "height": 844}, "dark"),
}
NO_TRANSITIONS = "*, *::before, *::after { transition: none !important }"  # colours as they end
# axe's default rules, and the size of tap targets (WCAG 2.2, 2.5.8), which is off by default
OPTIONS = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}


# The pages are looked at in this many parts, each a test of its own, so that they run in parallel
PARTS = 3


@pytest.mark.parametrize("part", range(PARTS))
@pytest.mark.parametrize("mode", MODES)
def test_no_page_has_a_serious_accessibility_violation(
    browser: Browser, server: Server, mode: str, part: int
) -> None:
    if MISSING_AXE is not None:
        pytest.fail(f"axe-playwright-python is missing ({MISSING_AXE}): run `make test`")
    viewport, scheme = MODES[mode]
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(server.url)
    if scheme == "dark":  # Material's toggle; the choice is kept for the pages that follow
        page.locator('label[for="__palette_1"]').click()
    axe, found = Axe(), []
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for path in PAGES[part::PARTS]:
        page.goto(server.url + path)
        page.add_style_tag(content=NO_TRANSITIONS)
        expected = "slate" if scheme == "dark" else "default"
        assert page.locator("body").get_attribute("data-md-color-scheme") == expected, path
        for violation in axe.run(page, options=OPTIONS).response["violations"]:
            if violation["impact"] in ("serious", "critical"):
                nodes = [node["target"] for node in violation["nodes"][:3]]
                found.append(f"/{path}: {violation['id']} ({violation['impact']}) at {nodes}")
        name = (path.strip("/").replace("/", "--") or "home") + f"-{mode}.png"
        page.screenshot(path=ARTIFACTS / name)
    context.close()
    assert found == []
