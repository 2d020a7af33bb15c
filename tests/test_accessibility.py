"""No serious or critical axe-core violation on any kind of page, in the light and the dark
scheme, at 1366 and at 390 pixels; each page's screenshot in each scheme is saved in
test-artifacts/ for a person to look at. axe-core comes bundled with axe-playwright-python: no
Node needed.

Each page is loaded once a width and looked at in both schemes: every axe rule runs in the
scheme the page opened in, then Material's toggle switches the scheme in the page and the rules
whose answer can depend on the scheme run again (COLOUR_RULES, below). That is all a second run
of every rule could find, as long as the switch changed nothing but colours: the test checks
this (SHAPE, every element's attributes, box and visibility, in both schemes) and runs every rule
again in the second scheme on any page where something else changed."""

from __future__ import annotations

import pytest
from browsing import Browser, Page, Server, expect
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
WIDTHS = {"1366": {"width": 1366, "height": 900}, "390": {"width": 390, "height": 844}}
SCHEMES = {"light": "default", "dark": "slate"}  # name: Material's data-md-color-scheme
NO_TRANSITIONS = "*, *::before, *::after { transition: none !important }"  # colours as they end
# axe's default rules, and the size of tap targets (WCAG 2.2, 2.5.8), which is off by default
OPTIONS = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}
# The rules whose answer reads a colour, found in axe-core's source (lib/, the same 105 rules
# as the bundled axe.min.js 4.12.1) by following every call from a rule's `matches` and its
# checks' `evaluate` and `after` down to what reads a computed colour: commons/color/* (used
# only by the checks color-contrast, link-in-text-block and link-in-text-block-style),
# commons/table/is-data-table (it calls a table with rows of different background colours a
# data table: the `matches` of th-has-data-cells, td-has-header and table-fake-caption) and
# commons/dom/is-opaque (called by no rule). color-contrast-enhanced reads colours too but is
# off by default, as it is in OPTIONS. Every other rule reads the document's structure and its
# layout and visibility (boxes, display, visibility, opacity, overflow, clip), which SHAPE
# compares between the schemes.
COLOUR_RULES = [
    "color-contrast",
    "link-in-text-block",
    "th-has-data-cells",
    "td-has-header",
    "table-fake-caption",
]
PALETTE = 'form[data-md-component="palette"]'  # the toggle: which of its labels shows changes
COLOUR_OPTIONS = {
    "resultTypes": ["violations"],
    "runOnly": {"type": "rule", "values": COLOUR_RULES},
}
# Everything but colours that an axe rule can read, for every element outside the toggle, as
# one text: its attributes (but an empty style, the scheme's own on <body>, and the colour and
# colour scheme that <meta> tags give the browser), checked state, box, scroll size, the
# computed styles that decide visibility and layout, and generated content. The toggle itself
# is looked at with every rule in both schemes.
SHAPE = """palette => {
  const form = document.querySelector(palette)
  const styles = ["display", "visibility", "opacity", "content-visibility", "clip", "clip-path",
    "overflow-x", "overflow-y", "position", "pointer-events", "font-size", "font-weight",
    "font-style", "line-height", "letter-spacing", "word-spacing", "text-decoration-line",
    "text-decoration-style", "text-decoration-thickness", "border-bottom-width", "outline-width",
    "transform", "filter", "z-index", "orientation", "cursor"]
  const lines = [document.title, String(document.documentElement.scrollWidth),
    String(document.documentElement.scrollHeight)]
  for (const element of document.querySelectorAll("*")) {
    if (form && form.contains(element) && element !== form) continue
    const attributes = [...element.attributes]
      .filter(a => !(element === document.body && a.name.startsWith("data-md-color-")))
      .filter(a => !(a.name === "style" && a.value === ""))  // left by Material's switch
      .filter(a => !(element.matches('meta[name$="-color"], meta[name="color-scheme"]')
        && a.name === "content"))
      .map(a => a.name + "=" + a.value).join(" ")
    const box = element.getBoundingClientRect()
    const style = getComputedStyle(element)
    lines.push([element.tagName, attributes, element.checked, element.value,
      [box.x, box.y, box.width, box.height].map(n => n.toFixed(1)).join(","),
      element.scrollWidth, element.scrollHeight, element.scrollTop, element.scrollLeft,
      styles.map(name => style.getPropertyValue(name)).join(";"),
      getComputedStyle(element, "::before").content,
      getComputedStyle(element, "::after").content].join(" | "))
  }
  return lines
}"""


# The pages are looked at in this many parts, each a test of its own, so that they run in parallel
PARTS = 3


def serious(page: Page, path: str, scheme: str, options: dict, context=None) -> list[str]:
    command = "([context, options]) => axe.run(context || document, options)"
    response = page.evaluate(command, [context, options])
    return [
        f"/{path} ({scheme}): {violation['id']} ({violation['impact']}) at "
        f"{[node['target'] for node in violation['nodes'][:3]]}"
        for violation in response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("part", range(PARTS))
@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_has_a_serious_accessibility_violation(
    browser: Browser, server: Server, width: str, part: int
) -> None:
    if MISSING_AXE is not None:
        pytest.fail(f"axe-playwright-python is missing ({MISSING_AXE}): run `make test`")
    context = browser.new_context(viewport=WIDTHS[width])
    page = context.new_page()
    toggle = page.locator(f"{PALETTE} label:visible")
    # Material keeps the scheme chosen for the pages that follow: each page opens in the scheme
    # the page before it ended in, so pages open alternately in each scheme, and each page opens
    # at one width in the scheme it opens in at the other (at 390 px the first opens dark)
    page.goto(server.url)
    first = ["light", "dark"] if width == "1366" else ["dark", "light"]
    if first[0] == "dark":
        toggle.click()
    axe, found, changed = Axe(), [], []
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for path in PAGES[part::PARTS]:
        page.goto(server.url + path)
        page.add_style_tag(content=NO_TRANSITIONS)
        page.evaluate(axe.axe_script)
        shape = None
        for scheme in first:
            body = page.locator("body")
            expect(body).to_have_attribute("data-md-color-scheme", SCHEMES[scheme])
            if shape is None:  # the scheme the page opened in: every rule
                found += serious(page, path, scheme, OPTIONS)
                shape = page.evaluate(SHAPE, PALETTE)
            else:
                found += serious(page, path, scheme, COLOUR_OPTIONS)
                found += serious(page, path, scheme, OPTIONS, {"include": [[PALETTE]]})
                if page.evaluate(SHAPE, PALETTE) != shape:  # more than colours changed
                    changed.append(path)
                    found += serious(page, path, scheme, OPTIONS)
            name = (path.strip("/").replace("/", "--") or "home") + f"-{width}-{scheme}.png"
            page.screenshot(path=ARTIFACTS / name)
            if scheme == first[0]:  # Material's toggle, by its input (a click on the label
                # would leave the mouse on it, and its tooltip over the header)
                page.locator(
                    f'{PALETTE} input[data-md-color-scheme="{SCHEMES[first[1]]}"]'
                ).evaluate("input => input.click()")
        first.reverse()
    context.close()
    print("pages where the scheme changed more than colours:", changed)
    assert found == []
