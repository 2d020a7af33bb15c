"""End to end: the real seeds built into the real site, as `make site` does."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from conftest import run_cli, snapshot

from generator.validation import load_briefing


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.loads: list[str] = []  # addresses the browser fetches by itself

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.links.append(values["href"])
        for name in ("src", "srcset") if tag != "a" else ():
            if values.get(name):
                self.loads.append(values[name])
        if tag == "link" and values.get("href"):
            self.loads.append(values["href"])


def parse(page: Path) -> _Links:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def page_of(site: Path, section: str, record_id: str) -> Path:
    return site / section / record_id / "index.html"


def internal_targets(site: Path, page: Path) -> set[str]:
    """The site-relative paths (``claims/x/``) a page links to."""
    base = "/" + page.parent.relative_to(site).as_posix() + "/"
    targets = set()
    for href in parse(page).links:
        if urlsplit(href).scheme:
            continue
        path = urlsplit(urljoin(base, href)).path
        targets.add(path.lstrip("/"))
    return targets


@pytest.fixture(scope="module")
def site(built_site: Path) -> Path:
    return built_site / "site"


@pytest.fixture(scope="module")
def briefing(built_site: Path):
    return load_briefing(built_site)


def test_every_record_has_a_page_at_its_stable_address(site: Path, briefing) -> None:
    assert briefing.records, "the seeds must hold records"
    for record in briefing.records.values():
        assert page_of(site, record.section, record.id).is_file(), record.id
    for section in ("actors", "claims", "measures", "figures", "sources"):
        assert (site / section / "index.html").is_file()


def test_claim_pages_and_the_pages_they_name_link_both_ways(site: Path, briefing) -> None:
    for claim in briefing.in_section("claims"):
        targets = internal_targets(site, page_of(site, "claims", claim.id))
        assert f"actors/{claim.speaker}/" in targets
        for evidence in claim.evidence:
            assert f"sources/{evidence.source}/" in targets
        for name in ("speaker",):
            back = internal_targets(site, page_of(site, "actors", claim.get(name)))
            assert f"claims/{claim.id}/" in back, (claim.id, name)
        source_page = page_of(site, "sources", claim.evidence[0].source)
        assert f"claims/{claim.id}/" in internal_targets(site, source_page)


def test_measures_link_to_their_actors_and_back(site: Path, briefing) -> None:
    for measure in briefing.in_section("measures"):
        targets = internal_targets(site, page_of(site, "measures", measure.id))
        for actor in measure.actors:
            assert f"actors/{actor}/" in targets
            assert f"measures/{measure.id}/" in internal_targets(
                site, page_of(site, "actors", actor)
            )


def test_evidence_links_land_on_the_marked_passage(site: Path, briefing) -> None:
    for claim in briefing.in_section("claims"):
        for evidence in claim.evidence:
            page = page_of(site, "claims", claim.id)
            assert f"../../sources/{evidence.source}/#{evidence.anchor}" in parse(page).links
            source_html = page_of(site, "sources", evidence.source).read_text(encoding="utf-8")
            marked = re.search(
                rf'<mark class="evidence" id="{evidence.anchor}">(.*?)</mark>', source_html
            )
            assert marked, f"{evidence.anchor} must be marked on the source page"
            first_word = re.search(r"\w+", evidence.quote).group()
            assert first_word in marked.group(1)


def test_search_index_finds_actors_claims_and_sources(site: Path, briefing) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    by_location = {doc["location"]: doc for doc in index["docs"]}
    for record in briefing.records.values():
        location = f"{record.section}/{record.id}/"
        assert location in by_location, location
    liu = by_location["actors/liu-yuejin/"]
    assert liu["title"] == "Liu Yuejin"


def test_pages_load_nothing_from_other_hosts(site: Path) -> None:
    for page in site.rglob("*.html"):
        for address in parse(page).loads:
            assert not urlsplit(address).netloc, f"{page}: {address}"
    stylesheets = " ".join(p.read_text(encoding="utf-8") for p in site.rglob("*.css"))
    assert "fonts.googleapis" not in stylesheets and "@import url(http" not in stylesheets


def test_home_page_is_an_overview_with_counts(site: Path, briefing) -> None:
    home = (site / "index.html").read_text(encoding="utf-8")
    assert briefing.title.replace("–", "&ndash;") in home or briefing.title in home
    for section in ("actors", "claims", "measures", "figures", "sources"):
        count = len(briefing.in_section(section))
        assert re.search(rf'href="{section}/">{count} {section}</a>', home), section


def test_a_misquote_fails_the_build_with_the_quote_location(
    built_site: Path, tmp_path: Path
) -> None:
    root = tmp_path / "project"
    shutil.copytree(built_site, root)
    annotation = root / "seeds" / "annotations" / "cnn-2018-china-hits-back.yaml"
    text = annotation.read_text(encoding="utf-8")
    assert "most new psychoactive substances" in text
    annotation.write_text(text.replace("most new psychoactive", "most novel psychoactive"))
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "most new psychoactive" in row)
    before = snapshot(root / "site"), snapshot(root / "docs")

    result = run_cli(root, "build")

    assert result.code == 1
    assert f"seeds/annotations/cnn-2018-china-hits-back.yaml:{line - 1}:" in result.err
    assert "quote not found in source 'cnn-2018-china-hits-back'" in result.err
    assert (snapshot(root / "site"), snapshot(root / "docs")) == before


def test_the_same_input_builds_a_byte_identical_site(built_site: Path, tmp_path: Path) -> None:
    twin = tmp_path / "twin"
    shutil.copytree(built_site, twin, ignore=shutil.ignore_patterns("site"))
    assert run_cli(twin, "build").code == 0
    assert snapshot(twin / "site") == snapshot(built_site / "site")


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    """Links in raw HTML (the network's, the passage notes') escape MkDocs' own validation."""
    ids: dict[Path, set[str]] = {}
    broken = []
    for page in sorted(site.rglob("*.html")):
        if page.name == "404.html":  # served from any depth, so its links are root-absolute
            continue
        for href in parse(page).links:
            parts = urlsplit(href)
            if parts.scheme or href.startswith("mailto:"):
                continue
            target = (page.parent / parts.path).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site)} -> {href}")
            elif parts.fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = set(
                        re.findall(r'id="([^"]+)"', target.read_text(encoding="utf-8"))
                    )
                if parts.fragment not in ids[target]:
                    broken.append(f"{page.relative_to(site)} -> {href} (no such anchor)")
    assert broken == []
