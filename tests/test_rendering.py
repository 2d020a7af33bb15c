from __future__ import annotations

import multiprocessing
import re
from pathlib import Path

import markdown
import pytest

from generator.input.validation import load_briefing
from generator.kinds import claim as claim_kind
from generator.model.kinds import KINDS
from generator.render import overviews, rendering, templating, timeline
from generator.render.markup import escape, human_date
from generator.render.rendering import Renderer


def html(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", "attr_list"])


def test_text_from_yaml_cannot_inject_html_or_markup() -> None:
    hostile = "<script>alert(1)</script> *bold* [link](http://x) `code` | # &amp; {: #id }"
    rendered = html(escape(hostile))
    assert "<script>" not in rendered
    assert "<em>" not in rendered and "<a " not in rendered and "<code>" not in rendered
    assert 'id="id"' not in rendered
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered
    assert "&amp;amp;" in rendered


def test_text_cannot_start_a_block_or_break_a_table_row() -> None:
    assert html(escape("# not a heading")) == "<p># not a heading</p>"
    assert html(escape("- not a list")) == "<p>- not a list</p>"
    assert html(escape("1. not a list")) == "<p>1. not a list</p>"
    assert html(escape("line one\n\nline two")) == "<p>line one line two</p>"
    table = f"| a | b |\n|---|---|\n| {escape('x | y')} | z |"
    assert "<td>x | y</td>" in html(table)


def test_dates_show_the_precision_they_were_given() -> None:
    assert human_date("2019") == "2019"
    assert human_date("2018-12") == "December 2018"
    assert human_date("2019-05-01") == "1 May 2019"


def test_pages_rendered_by_forked_workers_are_the_pages_rendered_in_one_process(
    harbour: Path, monkeypatch
) -> None:
    briefing = load_briefing(harbour)
    alone = Renderer(harbour / "templates", briefing).render()
    monkeypatch.setattr(rendering, "PARALLEL_FROM", 0)  # the fixture is below the threshold
    shared = Renderer(harbour / "templates", briefing).render(workers=3)
    assert list(shared) != [] and shared == alone


def test_a_failure_in_a_forked_worker_is_raised_by_render_and_leaves_no_process(
    harbour: Path, monkeypatch
) -> None:
    briefing = load_briefing(harbour)
    page = Renderer.record_page

    def failing(self: Renderer, record_id: str) -> str:
        if record_id == "ada-quinn":  # a page only a worker renders
            raise ValueError("no page for ada-quinn")
        return page(self, record_id)

    monkeypatch.setattr(rendering, "PARALLEL_FROM", 0)
    monkeypatch.setattr(Renderer, "record_page", failing)
    renderer = Renderer(harbour / "templates", briefing)
    with pytest.raises(ValueError, match="no page for ada-quinn"):
        renderer.render(paths=[p for p in renderer.record_jobs], workers=2)
    assert multiprocessing.active_children() == []


def test_long_lists_are_divided_by_year_and_month(harbour: Path, monkeypatch) -> None:
    monkeypatch.setattr(templating, "CROWDED", 1)  # every list of two or more counts as long
    pages = Renderer(harbour / "templates", load_briefing(harbour)).render(
        {"timeline.md", "sources/index.md", "coverage.md"}
    )
    timeline, sources = pages["timeline.md"], pages["sources/index.md"]
    assert "### November 2023" in timeline and "### 2024, month not stated" in timeline
    assert "### March 2024" in timeline  # the dredging took effect
    assert "## News articles (2)\n\n### 2023\n\n| Source" in sources
    # Zensical indexes a section as one field of at most 16,384 words: a table of every article
    # under one heading reached that at about 1,160 articles
    coverage = pages["coverage.md"]
    assert "## Articles published in 2023\n\n| Article |" in coverage
    assert "## Articles published in 2024\n\n| Article |" in coverage


def test_a_memo_of_a_large_briefing_lists_the_most_referred_to_and_points_to_the_rest(
    harbour: Path, monkeypatch
) -> None:
    limits = ("MEMO_LIMIT", "MEMO_EACH", "MEMO_JUDGMENTS", "MEMO_QUESTIONS")
    for limit in limits:
        monkeypatch.setattr(overviews, limit, 1)
    monkeypatch.setattr(overviews, "MEMO_ALTERNATIVES", 1)
    text = Renderer(harbour / "templates", load_briefing(harbour)).render({"memo.md"})["memo.md"]
    situation = text.split("## Situation")[1].split("## Positions")[0]
    assert situation.count("](measures/") == 1 and situation.count("](figures/") == 1
    assert "[Dredge the main channel of Port Alder harbour](measures/" in situation
    assert "; and 1 more, listed with [all sources](sources/index.md)." in situation
    assert "And 1 more, with [all key judgments](judgments/index.md)." in text
    assert "And 1 more, with [all points of contention](questions/index.md)." in text
    assert (
        "*Alternatives considered:* The dispute ends once a court rules on the fishermen's " in text
    )
    assert "challenge (and 1 more). *What would change it:*" in text
    assert "[3 measures](measures/index.md)" in text.split("The whole briefing")[1]


def test_the_memo_situation_tells_the_main_measures_and_figures_with_whose_account(
    harbour: Path,
) -> None:
    """Not the topic sentence again: what the records most referred to say, and whose word."""
    text = Renderer(harbour / "templates", load_briefing(harbour)).render({"memo.md"})["memo.md"]
    situation = text.split("## Situation")[1].split("## Positions")[0]
    assert "What Port Alder's council" not in situation  # the topic, shown on the home page
    assert (
        "Fall in oyster catches since the dredging began, [50 percent](figures/oyster-catch-fall"
        ".md), according to [Ada Quinn](actors/ada-quinn.md);" in situation
    )
    assert (
        "[Commission an independent study of the estuary before any dredging begins]"
        in (situation.split("urged, according to")[0])
    )
    paragraphs = situation.strip().split("\n\n")
    assert len(paragraphs) == 3 and all(re.fullmatch(r"[^\n]+[.]", p) for p in paragraphs)


@pytest.mark.parametrize(
    "label", ["a ('b')", 'x ("y") z', "it's ('quoted') )", "<img src=x onerror=alert(1)> & co"]
)
def test_a_note_title_holds_any_label_as_the_tooltip_shows_it(label: str) -> None:
    """Python-Markdown ends a link title at a quote that a parenthesis follows; Material's
    tooltip reads the title's value as HTML: the value must be the label, escaped once."""
    import html
    from html.parser import HTMLParser

    import markdown

    from generator.render import markup

    titles: list[str] = []

    class Titles(HTMLParser):
        def handle_starttag(self, tag, attrs):
            titles.extend(value for name, value in attrs if name == "title")

    Titles().feed(markdown.markdown(markup.note(1, "../claims/x.md", label)))
    assert titles == [html.escape(label, quote=False)]


def test_the_coverage_report_is_a_page_of_counts_and_a_page_for_each_article(
    harbour: Path,
) -> None:
    """At 10,000 records one page of every article's sentences was 6 MB: the report lists the
    articles with their counts, and each article's sentences have a page of their own."""
    briefing = load_briefing(harbour)
    pages = Renderer(harbour / "templates", briefing).render()
    articles = sorted(briefing.articles)
    assert sorted(p for p in pages if p.startswith("coverage/")) == [
        f"coverage/{source}.md" for source in articles
    ]
    report = pages["coverage.md"]
    assert "| # | Sentence |" not in report
    for source in articles:
        label = escape(briefing.records[source].label)
        assert f"| [{label}](coverage/{source}.md) |" in report
        page = pages[f"coverage/{source}.md"]
        assert page.startswith(f"# Coverage of {label}\n")
        assert f"](../sources/{source}.md)" in page and "](../coverage.md)" in page
        text = briefing.articles[source].text
        first = text.strip().split("\n")[0][:20]
        assert "| 1 | " + escape(first) in page, first  # its sentences, numbered from one


def test_a_long_timeline_is_a_page_of_years_and_a_page_for_each_year(
    harbour: Path, monkeypatch
) -> None:
    """At 10,007 records the timeline was one page of 2.3 MB: past ``SPLIT_FROM`` entries it
    lists the years with their counts, and each year's entries, the same rows, have a page."""
    whole = Renderer(harbour / "templates", load_briefing(harbour)).render()
    assert not [p for p in whole if p.startswith("timeline/")]  # short: one page
    monkeypatch.setattr(timeline, "SPLIT_FROM", 1)
    pages = Renderer(harbour / "templates", load_briefing(harbour)).render()
    years = sorted(p for p in pages if p.startswith("timeline/"))
    assert len(years) > 1
    index = pages["timeline.md"]
    rows = [line for line in whole["timeline.md"].splitlines() if line.startswith("| ")]
    split = []
    for path in years:
        year = path.removeprefix("timeline/").removesuffix(".md")
        page = pages[path]
        assert page.startswith(f"# Timeline: {year}\n") and "](../timeline.md)" in page
        assert "\n\n| Date | What happened |" in page or "\n\n## " in page  # a table, not text
        mine = [line for line in page.splitlines() if line.startswith("| ")]
        assert f"| [{year}]({path}) | {len(mine) - 1} |" in index  # its header row not counted
        split += [line.replace("](../", "](") for line in mine]
    header = "| Date | What happened |"
    assert [r for r in split if r != header] == [r for r in rows if r != header]
    first, second = years[0].split("/")[1], years[1].split("/")[1]
    assert f"After it: [{second[:-3]}]({second})" in pages[years[0]]
    assert f"Before it: [{first[:-3]}]({first})" in pages[years[1]]


def test_a_long_index_of_claims_is_a_page_of_initials_and_a_page_for_each(
    harbour: Path, monkeypatch
) -> None:
    """At 10,007 records the index of claims was one page of 1.9 MB: past ``split_from`` rows
    it lists the initials of the speakers' names with their counts, and each initial's speakers
    and their claims, the same sections, have a page."""
    whole = Renderer(harbour / "templates", load_briefing(harbour)).render()
    assert [p for p in whole if p.startswith("claims/speakers_")] == []  # short: one page
    monkeypatch.setattr(claim_kind.KIND, "split_from", 1)
    pages = Renderer(harbour / "templates", load_briefing(harbour)).render()
    parts = sorted(p for p in pages if p.startswith("claims/speakers_"))
    assert len(parts) > 1
    index = pages["claims/index.md"]
    sections = whole["claims/index.md"].split("\n## ")[1:]
    found = []
    for path in parts:
        page = pages[path]
        assert page.startswith("# Claims of speakers under “") and "](index.md)" in page
        mine = page.split("\n## ")[1:]
        count = sum(len([r for r in s.splitlines() if r.startswith("| [")]) for s in mine)
        name = path.removeprefix("claims/").removesuffix(".md")
        assert re.search(rf"\| \[[^]]+\]\({name}\.md\) \| {count} \|", index), (name, count)
        found += mine
    assert sorted(found) == sorted(sections)  # every section once, whole
    assert "\n## " not in index  # the index itself lists no claims


@pytest.mark.parametrize(
    ("section", "heading"),
    [
        ("figures", "# Figures: "),
        ("measures", "# Measures: "),
        ("sources", "# Sources: "),
        ("questions", "# Points of contention "),
    ],
)
def test_a_long_index_is_a_page_of_its_groups_and_a_page_for_each(
    harbour: Path, monkeypatch, section: str, heading: str
) -> None:
    """At 10,007 records the indexes of figures, sources, measures and questions were pages of
    386-593 kB: past their ``split_from`` records each lists its groups (years, statuses,
    numbers) with their counts, and each group, with the rows the whole index gives it, has a
    page."""
    whole = Renderer(harbour / "templates", load_briefing(harbour)).render()
    index = f"{section}/index.md"
    assert [p for p in whole if p.startswith(f"{section}/") and "_" in p] == []  # short
    monkeypatch.setattr(KINDS[section], "split_from", 1)
    pages = Renderer(harbour / "templates", load_briefing(harbour)).render()
    parts = [p for p in pages if p.startswith(f"{section}/") and "_" in p]
    assert parts

    def rows(page: str) -> list[str]:  # the rows that link: a table's records
        return [line for line in page.splitlines() if line.startswith("| ") and "](" in line]

    listed = []
    for path in parts:
        page, name = pages[path], path.removeprefix(f"{section}/").removesuffix(".md")
        assert page.startswith(heading) and "](index.md)" in page, page[:200]
        mine = [row.replace("(../", "(") for row in rows(page)]
        assert mine and re.search(rf"\| \[[^]]+\]\({name}\.md\) \| \d+ \|", pages[index])
        listed += mine
    assert sorted(listed) == sorted(row.replace("(../", "(") for row in rows(whole[index]))
    counts = [int(row.rsplit("|", 2)[1]) for row in rows(pages[index])]
    assert len(counts) == len(parts)  # the index lists its pages, no record
    records = {p for p in whole if p.startswith(f"{section}/") and p != index}
    text = "\n".join(pages[path] for path in parts)
    linked = {f"{section}/{i}.md" for i in re.findall(r"[(/]([a-z0-9-]+)\.md\b", text)}
    assert records <= linked  # every record is linked from a page
    assert sum(counts) == len(records)


def test_long_claims_by_source_are_a_page_of_years_and_a_page_for_each(
    harbour: Path, monkeypatch
) -> None:
    """At 10,007 records claims by source was one page of 2.1 MB: past its split it lists the
    years the articles were published with their claims, and each year's articles, with the
    same tables, have a page."""
    whole = Renderer(harbour / "templates", load_briefing(harbour)).render()
    assert [p for p in whole if p.startswith("claims/by_source_")] == []  # short: one page
    monkeypatch.setattr(overviews, "BY_SOURCE_SPLIT_FROM", 1)
    pages = Renderer(harbour / "templates", load_briefing(harbour)).render()
    years = [p for p in pages if p.startswith("claims/by_source_")]
    assert len(years) > 1
    index = pages["claims/by_source.md"]
    sections = whole["claims/by_source.md"].split("\n## ")[1:]
    found = []
    for path in years:
        page, name = pages[path], path.removeprefix("claims/").removesuffix(".md")
        assert page.startswith("# Claims by source: ") and "](by_source.md)" in page
        mine = page.split("\n## ")[1:]
        count = sum(
            len([r for r in s.splitlines() if r.startswith("| ") and "](" in r]) for s in mine
        )
        assert re.search(rf"\| \[[^]]+\]\({name}\.md\) \| {count} \|", index), (name, count)
        found += mine
    assert sorted(found) == sorted(sections)  # every article's section once, whole
    assert "\n## " not in index
