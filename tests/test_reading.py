"""What a reader sees of a page's structure, in Chromium: each record a list holds is its own
item, and a quotation holds only the quoted words and their citation. (The same rule, on the
built HTML of every kind of corpus, is ``corpus_rules.lists_are_lists``.)"""

from __future__ import annotations

from pathlib import Path

from browsing import Page, Server
from conftest import run_cli

from generator.model.records import Briefing

# Each list item of the "Claims" section: the claim it opens with, and the record links its
# quotations hold
CLAIMS_SECTION = """() => {
  const heading = [...document.querySelectorAll("article h2")].find(h => h.id === "claims");
  let list = heading.nextElementSibling;
  while (list && list.tagName !== "UL") list = list.nextElementSibling;
  return [...list.children].map(item => ({
    first: item.querySelector("a").getAttribute("href"),
    quoted: [...item.querySelectorAll("blockquote a")].map(a => a.getAttribute("href")),
  }));
}"""


def test_each_claim_on_its_speakers_page_is_its_own_item(
    page: Page, server: Server, built_briefing: Briefing
) -> None:
    speakers: dict[str, list[str]] = {}
    for claim in built_briefing.in_section("claims"):
        for speaker in built_briefing.speakers_of(claim.id):
            speakers.setdefault(speaker, []).append(claim.id)
    assert max(len(claims) for claims in speakers.values()) > 1, "no speaker with two claims"
    for speaker, claims in speakers.items():
        page.goto(f"{server.url}actors/{speaker}/")
        items = page.evaluate(CLAIMS_SECTION)
        shown = sorted(item["first"].split("/")[-2] for item in items)
        assert shown == sorted(claims), speaker
        assert all(item["quoted"] == [] for item in items), speaker


def test_a_quoted_claim_on_its_speakers_page_shows_only_the_speakers_words(
    minimal: Path,
) -> None:
    path = minimal / "seeds" / "annotations" / "records.yaml"
    text = path.read_text(encoding="utf-8")
    tagged = '"\\"Safety comes first, and the bridge is *unsafe*,\\" said Mayor Ann Lee"'
    path.write_text(text.replace('"\\"Safety comes first, and the bridge is *unsafe*,\\""', tagged))
    assert run_cli(minimal, "generate").code == 0
    page = (minimal / "docs" / "actors" / "ann-lee.md").read_text(encoding="utf-8")
    assert "    > Safety comes first, and the bridge is \\*unsafe\\*\n" in page  # no reporter's tag


def test_the_index_rule_asks_for_every_kinds_index(tmp_path: Path) -> None:
    """Every kind has its index page, questions and judgments (and any kind added) included."""
    from types import SimpleNamespace

    from corpus_rules import every_record_has_its_page

    from generator.kinds import KINDS

    site = tmp_path / "site"
    for plural in KINDS:
        (site / plural).mkdir(parents=True)
        (site / plural / "index.html").write_text("", encoding="utf-8")
    (site / "index.html").write_text("", encoding="utf-8")
    assert every_record_has_its_page(site, SimpleNamespace(records={})) == []
    (site / "judgments" / "index.html").unlink()
    assert every_record_has_its_page(site, SimpleNamespace(records={})) == ["judgments/"]
