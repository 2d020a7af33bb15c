"""Hostile text in every text field, through a real build, opened in Chromium.

Every free-text field the schemas define, of every kind (names, summaries, units, questions,
labels, roles, aliases, reasons), and an article's own text, get payloads aimed at each sink:
the page's <title> (Material's striptags), tooltips (Material renders a link's title as HTML),
attributes, Markdown links and images, the JSON-LD <script>, templates, CSV. The site is built
with the command line's ``build`` (in this process), served on 127.0.0.1, and every page is
opened with every tooltip hovered and focused, and record links focused for their previews. The
tests fail on any dialog, any request off 127.0.0.1, and any element or attribute that no
template writes (event handlers, scripts, images, frames). Each site is built once for the run,
and its pages are opened one after another in one tab: a tab of its own for each part of them
would cost the browser about as much again as loading the page.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest
import yaml
from browsing import Page, serving
from hypothesis import given, settings
from hypothesis import strategies as st
from projects import (
    FIXTURES,
    REPO,
    as_read,
    copy_project,
    made_once,
    run_in_process,
    with_seeds,
)

from generator.input.site_config import repeat

if TYPE_CHECKING:
    from playwright.sync_api import Dialog, Request

PAYLOADS = [
    "</title><script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    '" onmouseover="alert(3)" x="',
    "[x](javascript:alert(4)) ![i](http://evil.example/i.png)",
    "</script><script>alert(5)</script>",
    "{{ 7*7 }} {% raw %}",
    "&lt;b onclick=alert(6)&gt;",
    '=HYPERLINK("http://evil.example")',
]
ARTICLE = (
    "Hostile Gazette — \n\nIt said <script>alert(7)</script> and <img src=x onerror=alert(8)>.\n\n"
    "~~~\n\n| a | b |\n\n# Not a heading\n\n[link](javascript:alert(9)) and ![i](http://evil.example/x.png)\n"
)


def _definitions() -> dict:
    return json.loads((REPO / "generator/schemas/annotations.schema.json").read_text())["$defs"]


def _is_text(spec: dict) -> bool:
    return spec.get("$ref") in ("#/$defs/text", "#/$defs/line")


def fill(data: dict, spec: dict, defs: dict, payload) -> None:
    """Every free-text field of ``data`` (by its schema ``spec``) given ``payload()``; lists
    of text and nested records (roles, events) too; reasons for the fields already given."""
    for name, field in spec.get("properties", {}).items():
        if name == "quote":  # the article's own words: hostile in the article's text instead
            continue
        if name == "translation":  # only of an article in another language: the hostile one's
            continue
        field = (
            defs[field["$ref"].split("/")[-1]]
            if field.get("$ref", "").startswith("#/$defs/") and not _is_text(field)
            else field
        )
        if _is_text(field):
            data[name] = payload()
        elif field.get("type") == "array" and _is_text(field.get("items", {})) and name in data:
            data[name] = [payload()]
        elif field.get("type") == "array" and name in data:
            items = field["items"]
            items = defs[items["$ref"].split("/")[-1]] if "$ref" in items else items
            for item in data[name]:
                if isinstance(item, dict):
                    fill(item, items, defs, payload)
        elif field.get("type") == "object" and name in data and isinstance(data[name], dict):
            if "properties" in field:
                fill(data[name], field, defs, payload)
            elif _is_text(field.get("additionalProperties", {})):
                data[name] = {key: payload() for key in data[name]}


def hostile_project(root: Path, strings: list[str]) -> Path:
    """A copy of the repository with the minimal seeds, ``strings`` (in turn) in every
    free-text field, and an article whose own text is hostile; built."""
    copy_project(REPO, root)
    with_seeds(root, FIXTURES / "minimal" / "seeds")
    counter = iter(range(10**6))

    def payload() -> str:
        return strings[next(counter) % len(strings)]

    defs = _definitions()
    records = root / "seeds" / "annotations" / "records.yaml"
    data = yaml.safe_load(records.read_text(encoding="utf-8"))
    data["questions"] = [{"id": "q", "question": "?", "claims": ["bridge-unsafe"]}]
    data["claims"].append(
        {
            "id": "hostile-claim",
            "speaker": "ann-lee",
            "summary": "?",
            "form": "reported",
            "evidence": [
                {
                    "source": "hostile-article",
                    "quote": "It said <script>alert(7)</script>",
                    "translated_by": "analyst",
                }
            ],
        }
    )
    data["actors"][0]["inferred"] = {"name": "?"}
    for section, items in data.items():
        for record in items:
            fill(record, defs[section[:-1]], defs, payload)
    data["claims"][-1]["evidence"][0]["translation"] = payload()  # the article is in another
    records.write_text(as_read(data), encoding="utf-8")
    # The title and description are refused with < > " or & (the theme writes them raw): the
    # topic and the about text, the analyst's other words, get the payloads
    overview = {"title": "Hostile", "description": "Hostile text"}
    overview |= {"topic": payload(), "about": f"{payload()}\n\n{payload()}"}
    (root / "seeds" / "briefing.yaml").write_text(as_read(overview), encoding="utf-8")
    repeat(root, overview)
    meta = {
        "label": payload(),
        "kind": "news-article",
        "language": "zh",  # so that its words are translated, and have a page of their own
        "publisher": "springfield-gazette",
        "url": "https://example.org/[x](javascript:alert(10))",
        "provenance": {"url": payload()},
        "received": {"file": "x.txt", "sha256": hashlib.sha256(ARTICLE.encode()).hexdigest()},
    }
    article = "---\n" + as_read(meta) + "---\n" + ARTICLE
    (root / "seeds" / "articles" / "hostile-article.txt").write_text(article, encoding="utf-8")
    result = run_in_process(root, "build")
    assert result.code == 0, result.err
    return root


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return (
        made_once(tmp_path_factory, "hostile", lambda folder: built(folder, PAYLOADS)) / "project"
    )


def built(folder: Path, strings: list[str]) -> None:
    hostile_project(folder / "project", strings)


@pytest.fixture(scope="module")
def tab(browser) -> Iterator[Page]:
    """The tab every site of this module is opened in, one after another."""
    context = browser.new_context()
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def hostile_seen(hostile_site: Path, tab: Page) -> Seen:
    """Every page of the hostile site opened once, and its search asked for a payload's word:
    what the tests of its pages and of its previews and results look at."""
    site = hostile_site / "site"
    return seen_on(site, tab, pages_of(site), query="onerror")


def pages_of(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def test_the_data_downloads_hold_the_text_and_run_nothing(hostile_site: Path) -> None:
    data = hostile_site / "site" / "data"
    for table in data.glob("*.csv"):
        for row in csv.reader(table.read_text(encoding="utf-8").splitlines()):
            assert not any(cell[:1] in ("=", "+", "@") for cell in row), (table.name, row)
    json.loads((data / "records.json").read_text(encoding="utf-8"))


def test_no_page_runs_or_loads_what_its_text_says(hostile_seen: Seen) -> None:
    assert_inert(hostile_seen)


def test_previews_and_search_results_show_the_text_as_text(hostile_seen: Seen) -> None:
    shown = " ".join(hostile_seen.previews["claims/index.html"] + hostile_seen.searched)
    assert "<img src=x onerror=alert(2)>" in shown  # as text, in the preview of a link
    assert "</script><script>alert(5)</script>" in shown
    # as text in the results too
    assert any("<img src=x onerror=alert(2)>" in text for text in hostile_seen.searched)


texts = st.text(
    st.characters(  # bidi controls are refused where they are read (a located error)
        blacklist_categories=("Cs", "Cc", "Co", "Cn", "Zl", "Zp"),
        blacklist_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
    ),
    min_size=1,
    max_size=60,
).filter(lambda text: text.strip())


def examples_of(strategy: st.SearchStrategy, count: int) -> list:
    """The first ``count`` examples Hypothesis draws from ``strategy``, derandomized: the same
    every run and in every worker, so each is a test of its own that a failure names."""
    found: list = []

    @settings(max_examples=count, deadline=None, derandomize=True, database=None)
    @given(strategy)
    def draw(example) -> None:
        found.append(example)

    draw()
    return found[:count]


GENERATED = examples_of(st.lists(texts, min_size=6, max_size=6), 2)


@pytest.mark.parametrize("example", range(len(GENERATED)))
def test_generated_text_runs_nothing_either(tmp_path_factory, tab: Page, example) -> None:
    folder = made_once(
        tmp_path_factory, f"generated-{example}", lambda f: built(f, GENERATED[example])
    )
    site = folder / "project" / "site"
    assert_inert(seen_on(site, tab, pages_of(site)))


@dataclasses.dataclass
class Seen:
    """What opening a site's pages in one tab found."""

    pages: list[str]
    dialogs: list[str] = dataclasses.field(default_factory=list)
    elsewhere: list[str] = dataclasses.field(default_factory=list)  # requests off 127.0.0.1
    intruders: list[str] = dataclasses.field(default_factory=list)
    undrawn: list[str] = dataclasses.field(default_factory=list)  # tooltips and previews not drawn
    focused: int = 0  # record links focused for their previews
    previews: dict[str, list[str]] = dataclasses.field(
        default_factory=dict
    )  # a page's previews' texts
    searched: list[str] = dataclasses.field(default_factory=list)  # the results' texts


def assert_inert(seen: Seen) -> None:
    """No dialog, no request off 127.0.0.1, no element or attribute no template writes; every
    tooltip and preview drawn."""
    assert seen.pages
    assert seen.dialogs == []
    assert seen.elsewhere == []
    assert sorted({found.split(": ", 1)[1] for found in seen.intruders}) == [], seen.intruders[:5]
    assert seen.undrawn == [], seen.undrawn[:5]
    shown = [text for texts in seen.previews.values() for text in texts]
    assert shown or not seen.focused, "no record link showed a preview"


def seen_on(site: Path, page: Page, pages: list[str], query: str = "") -> Seen:
    """Open ``pages`` of ``site`` in ``page``, hover and focus every tooltip, focus record links
    for their previews, and search for ``query`` if given: what was seen (the tab's requests
    and dialogs while it was there)."""
    seen = Seen(pages)
    holders = preview_holders(site)
    with serving(site) as server:
        base, host = server.url, server.host

        def requested(request: Request) -> None:
            url = urlsplit(request.url)
            if url.netloc != host and url.scheme not in ("data", "blob"):
                seen.elsewhere.append(request.url)

        def opened(dialog: Dialog) -> None:
            seen.dialogs.append(f"{page.url}: {dialog.message}")
            dialog.dismiss()

        page.context.on("request", requested)
        page.on("dialog", opened)
        try:
            look_through(page, base, pages, holders, query, seen)
        finally:
            page.goto("about:blank")  # nothing of this site's pages left to ask for anything
            page.context.remove_listener("request", requested)
            page.remove_listener("dialog", opened)
    return seen


def look_through(
    page: Page, base: str, pages: list[str], holders: list[str], query: str, seen: Seen
) -> None:
    """``seen_on``'s walk through the pages at ``base``, and its search."""
    for path in pages:
        # loaded: Material's scripts have run and mounted the tooltips; the previews' data
        # is read when a link is focused, and waited for there
        page.goto(base + path, wait_until="load")
        point = page.evaluate(TARGETS)  # the first target to hover, scrolled into view
        while point is not None:
            page.mouse.move(*point)  # hovered, as a pointer does
            hovered = page.evaluate(HOVERED)  # focused, its tooltip waited on; the next
            drawn, point = hovered["drawn"], hovered["next"]
            seen.undrawn += [f"{path}: {drawn['target']}"] if drawn["drawn"] is False else []
            seen.intruders += [f"{path} tooltip: {found}" for found in drawn["found"]]
        # its record links focused in turn, then the page scanned
        after = page.evaluate(PREVIEWED_AND_SCANNED, holders)
        for link in after["links"]:
            seen.focused += 1
            seen.undrawn += [f"{path}: {link['target']}"] if link["drawn"] is False else []
            seen.previews.setdefault(path, []).extend(link["texts"])
        seen.intruders += [f"{path}: {found}" for found in after["intruders"]]
        # one <title>, holding the payload as text: nothing closed it
        assert after["titles"] == 1, path
    if query:  # the results, as Material shows them: titles and snippets as HTML
        page.goto(base)
        box = page.locator("input.md-search__input")
        box.click()
        box.fill(query)
        box.dispatch_event("keyup")
        page.locator("li.md-search-result__item").first.wait_for()
        page.wait_for_timeout(500)  # for what the results would run, if they ran anything
        seen.intruders += [f"search: {found}" for found in page.evaluate(INTRUDERS)]
        seen.searched = page.locator(".md-search-result__list").all_inner_texts()


PREVIEW_DATA = b"application/briefing-preview+json"


def preview_holders(site: Path) -> list[str]:
    """The addresses of the pages of ``site`` that hold a preview (their block of data), as
    http.server answers them: ``x/index.html``, ``x/`` and ``x`` (redirected to ``x/``)."""
    holders = []
    for file in site.rglob("*.html"):
        if PREVIEW_DATA in file.read_bytes():
            path = "/" + file.relative_to(site).as_posix()
            holders.append(path)
            if file.name == "index.html":
                folder = path.removesuffix("index.html")
                holders += [folder, folder.rstrip("/")] if folder != "/" else [folder]
    return sorted(holders)


# Links to record pages (their previews), and the text of the preview open, if one is
RECORD_LINKS = ".md-content :is(li, td, p) > a[href*='/']:not([title])"
PREVIEW_TEXT = """() => Array.from(
  document.querySelectorAll('.briefing-preview:not([hidden])'), (tip) => tip.textContent)"""

# Elements and attributes no template writes: event handlers, javascript: links, scripts from
# elsewhere or holding a payload's words, images from anywhere but the site, frames, objects.
INTRUDERS_IN = r"""(root) => {
  const found = [];
  for (const el of [root, ...root.querySelectorAll('*')]) {
    for (const attr of el.attributes) {
      if (attr.name.startsWith('on')) found.push(`${el.tagName} ${attr.name}=${attr.value}`);
      if (['href', 'src', 'xlink:href', 'action'].includes(attr.name)
          && attr.value.trim().toLowerCase().startsWith('javascript:'))
        found.push(`${el.tagName} ${attr.name}=${attr.value}`);
    }
    const tag = el.tagName.toLowerCase();
    if (['iframe', 'object', 'embed', 'base', 'frame'].includes(tag))
      found.push(tag);
    if (tag === 'img' && el.getAttribute('src') && !el.src.startsWith(location.origin))
      found.push(`img src=${el.getAttribute('src')}`);
    if (tag === 'script') {
      const src = el.getAttribute('src') || '';
      // Material's own scripts, the JSON-LD and the previews (data, which must still parse); a script
      // holding a payload's words came from the text
      const data = ['application/ld+json', 'application/briefing-preview+json'].includes(el.type);
      if (data) { try { JSON.parse(el.textContent); } catch (e) { found.push('broken JSON'); } }
      const own = src ? new URL(src, location.href).origin === location.origin
        : data || !/alert\(|evil\.example/.test(el.textContent);
      if (!own) found.push(`script ${src || el.textContent.slice(0, 60)}`);
    }
  }
  return found;
}"""
INTRUDERS = f"() => ({INTRUDERS_IN})(document.documentElement)"


# Waits in the page, for what it waits for, polled each task, until this many ms have passed
WAIT = """async (done, ms = 5000) => {
  const deadline = performance.now() + ms;
  while (!done()) {
    if (performance.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return true;
}"""

# The next target whose tooltip is hovered and focused, in the page's order (the index of the
# one to hover now kept in the page), scrolled into view as Playwright's hover does: the point of
# it to hover, or null when no visible target (a box, not visibility: hidden) is left
NEXT = """() => {
  const targets = window.__hostileTargets;
  while (++window.__hostileAt < targets.length) {
    const el = targets[window.__hostileAt];
    const box = el.getBoundingClientRect();
    if (!box.width || !box.height || getComputedStyle(el).visibility === 'hidden') continue;
    el.scrollIntoView({ block: 'center', inline: 'center' });
    const first = el.getClientRects()[0] || el.getBoundingClientRect();
    return [first.left + first.width / 2, first.top + first.height / 2];
  }
  return null;
}"""

# The targets whose tooltips are hovered and focused, kept in the page by their order, and the
# first of them to hover
TARGETS = f"""() => {{
  window.__hostileTargets = Array.from(
    document.querySelectorAll('.md-content [title], .md-content sup a')).slice(0, 80);
  // the ones Material gives a tooltip: they have a title (it removes the title while drawn)
  window.__hostileTitled = window.__hostileTargets.map(
    (el) => el.hasAttribute('title') || /^__tooltip/.test(el.getAttribute('aria-describedby')));
  window.__hostileAt = -1;
  return ({NEXT})();
}}"""

# The target just hovered focused too, and, if Material gives it a tooltip, waited on until the
# tooltip is drawn (Material appends it to the page, the title written in as HTML, and names it
# in the target's aria-describedby); the intruders in that tooltip. Then the next target to hover
HOVERED = f"""async () => {{
  const index = window.__hostileAt;
  const el = window.__hostileTargets[index];
  const target = el.outerHTML.slice(0, 120);
  el.focus();
  const tip = () => {{
    const id = el.getAttribute('aria-describedby');
    const found = id && document.getElementById(id);
    return found && found.isConnected ? found : null;
  }};
  const drawn = !window.__hostileTitled[index] ? {{ drawn: null, found: [], target }}
    : !(await ({WAIT})(tip)) ? {{ drawn: false, found: [], target }}
    : {{ drawn: true, found: ({INTRUDERS_IN})(tip()), target }};
  return {{ drawn, next: ({NEXT})() }};
}}"""

# The first six record links focused in turn: each focused one whose page (another) holds a
# preview (``holders``, its addresses) waited on until its preview is shown (previews.js reads it
# from that page), and the texts of the previews open then. Then the page's intruders, and how
# many <title> its head has
PREVIEWED_AND_SCANNED = f"""async (holders) => {{
  const links = [];
  for (const link of Array.from(document.querySelectorAll({json.dumps(RECORD_LINKS)})).slice(0, 6)) {{
    const target = link.outerHTML.slice(0, 120);
    link.focus();
    const page = new URL(link.href, location.href);
    // previews.js shows one for a focused link (not one folded away) to another of the site's
    // pages that holds one, but for links with tooltips of their own (a title, or Material's
    // tooltip drawn from it) and notes, grades and inferred marks
    const own = link.hasAttribute('title') || /^__tooltip/.test(link.getAttribute('aria-describedby'))
      || link.matches('.grade, .inferred, .headerlink') || link.closest('svg, sup');
    const other = !own && document.activeElement === link && page.origin === location.origin
      && page.pathname !== location.pathname;
    const has = other && holders.includes(decodeURIComponent(page.pathname));
    const open = () => link.getAttribute('aria-describedby') === 'briefing-preview'
      && !document.getElementById('briefing-preview').hidden;
    const drawn = has ? await ({WAIT})(open) : null;
    links.push({{ drawn, target, texts: ({PREVIEW_TEXT})() }});
  }}
  return {{
    links,
    intruders: ({INTRUDERS_IN})(document.documentElement),
    titles: document.head.querySelectorAll('title').length,
  }};
}}"""
