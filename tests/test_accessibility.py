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

import base64
from typing import TYPE_CHECKING

import pytest
from browsing import Browser, Server
from conftest import REPO

if TYPE_CHECKING:
    from playwright.sync_api import CDPSession

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
    "coverage/courier-2023-council-backs-dredging/",
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
# The body's scheme once it is `wanted`, or what it still is after five seconds
SCHEME = """async wanted => {
  const deadline = performance.now() + 5000
  while (document.body.dataset.mdColorScheme !== wanted && performance.now() < deadline)
    await new Promise(requestAnimationFrame)
  return document.body.dataset.mdColorScheme
}"""
# The scheme the page opened in: transitions off, every rule, and SHAPE kept in the page. One
# call, which the page answers with the scheme and the violations. It lets two animation
# frames pass first, as the calls it replaces did: Material sets the sidebar's height in one,
# and run straight after the load, axe at times found the sidebar a region that scrolls with
# nothing to focus (scrollable-region-focusable at 1366 px, in 4 of some 30 runs on a busy machine).
OPENED = f"""async ([palette, wanted, options, css]) => {{
  const style = document.createElement("style")
  style.textContent = css
  document.head.append(style)
  await new Promise(requestAnimationFrame)
  await new Promise(requestAnimationFrame)
  const scheme = await ({SCHEME})(wanted)
  if (scheme !== wanted) return {{scheme, violations: []}}
  const violations = (await axe.run(document, options)).violations
  window.shapeBeforeSwitch = ({SHAPE})(palette)
  return {{scheme, violations}}
}}"""
# The other scheme: Material's toggle, by its input (a click on the label would leave the mouse
# on it, and its tooltip over the header), then the colour rules, every rule on the toggle, and
# every rule again if SHAPE changed, whose first difference the page returns.
SWITCHED = f"""async ([palette, wanted, options, colourOptions]) => {{
  const inputs = document.querySelectorAll(`${{palette}} input[data-md-color-scheme="${{wanted}}"]`)
  if (inputs.length !== 1) return {{scheme: `${{inputs.length}} toggles to ${{wanted}}`}}
  inputs[0].click()
  const scheme = await ({SCHEME})(wanted)
  if (scheme !== wanted) return {{scheme}}
  const violations = (await axe.run(document, colourOptions)).violations
  violations.push(...(await axe.run({{include: [[palette]]}}, options)).violations)
  const before = window.shapeBeforeSwitch, after = ({SHAPE})(palette)
  const at = [...Array(Math.max(before.length, after.length)).keys()]
    .find(n => before[n] !== after[n])
  if (at !== undefined) violations.push(...(await axe.run(document, options)).violations)
  return {{scheme, violations, changed: at === undefined ? null : [before[at], after[at]]}}
}}"""


# The pages are looked at in this many parts, each a test of its own, so that they run in parallel
PARTS = 3


def serious(path: str, scheme: str, violations: list[dict]) -> list[str]:
    return [
        f"/{path} ({scheme}): {violation['id']} ({violation['impact']}) at "
        f"{[node['target'] for node in violation['nodes'][:3]]}"
        for violation in violations
        if violation["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("part", range(PARTS))
@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_has_a_serious_accessibility_violation(
    browser: Browser, server: Server, width: str, part: int
) -> None:
    assert look_at(browser, server, PAGES[part::PARTS], width) == []


def look_at(
    browser: Browser, server: Server, paths: list[str], width: str, shots: str = ""
) -> list[str]:
    """The serious and critical violations on the ``paths`` at ``width``, each page in both
    schemes; the screenshots are saved, their names starting with ``shots``."""
    if MISSING_AXE is not None:
        pytest.fail(f"axe-playwright-python is missing ({MISSING_AXE}): run `make test`")
    context = browser.new_context(viewport=WIDTHS[width])
    context.add_init_script(Axe().axe_script)  # in every page as it opens
    page = context.new_page()
    chromium = context.new_cdp_session(page)  # for the screenshots
    # Material keeps the scheme chosen for the pages that follow: each page opens in the scheme
    # the page before it ended in, so pages open alternately in each scheme, and each page opens
    # at one width in the scheme it opens in at the other (at 390 px the first opens dark)
    first = ["light", "dark"] if width == "1366" else ["dark", "light"]
    if first[0] == "dark":
        page.goto(server.url)
        page.locator(f"{PALETTE} label:visible").click()
    found, changed = [], []
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for path in paths:
        page.goto(server.url + path)
        opened, other = first
        answer = page.evaluate(OPENED, [PALETTE, SCHEMES[opened], OPTIONS, NO_TRANSITIONS])
        assert answer["scheme"] == SCHEMES[opened], (
            f"/{path} opened in the scheme {answer['scheme']!r}, not {SCHEMES[opened]!r}"
        )
        found += serious(path, opened, answer["violations"])
        screenshot(chromium, shots + path, width, opened)
        answer = page.evaluate(SWITCHED, [PALETTE, SCHEMES[other], OPTIONS, COLOUR_OPTIONS])
        assert answer["scheme"] == SCHEMES[other], (
            f"Material's toggle left /{path} in {answer['scheme']!r}, not {SCHEMES[other]!r}"
        )
        found += serious(path, other, answer["violations"])
        if answer["changed"]:  # more than colours changed: every rule ran again
            changed.append((path, *answer["changed"]))
        screenshot(chromium, shots + path, width, other)
        first.reverse()
    context.close()
    print("pages where the scheme changed more than colours (first difference):", changed)
    return found


def screenshot(chromium: CDPSession, path: str, width: str, scheme: str) -> None:
    """The viewport, as ``page.screenshot`` saves it (the same pixels) in half its time: PNG
    encoded for speed, in a larger file."""
    name = (path.strip("/").replace("/", "--") or "home") + f"-{width}-{scheme}.png"
    shot = chromium.send("Page.captureScreenshot", {"format": "png", "optimizeForSpeed": True})
    (ARTIFACTS / name).write_bytes(base64.b64decode(shot["data"]))
