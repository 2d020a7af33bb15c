"""The memo on one printed page of A4 and of Letter, with room to spare, when every part of it is
full: a copy of the harbour fixture given as many judgments, questions and articles as the memo
shows and more, with texts as long as a careful author writes them, and a kind of record added
(the events of tests/test_kinds.py), which the memo's situation must make room for.

Room to spare is printed, not estimated: one page at 1.1 times the size with the site's fonts,
and one page with a wider serif font (DejaVu Serif) forced on the text, as a reader's browser
may. The PDFs are kept in test-artifacts/ for a person to look at.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from browsing import Browser, Server, expect
from conftest import HARBOUR, REPO
from projects import as_read, copy_project, made_once, with_seeds
from test_kinds import EVENT, add_events, run_own_generator

from generator.render import overviews

ARTIFACTS = REPO / "test-artifacts"
SERIF = 'body, .md-typeset { font-family: "DejaVu Serif" !important; }'
HEADLINE = "a report on the dredging dispute under a headline as long as a broadsheet prints"


def _line(n: int, words: str) -> str:
    """A text of about 120 characters, different for each ``n``."""
    return f"{words} ({n}), as the analyst would write it out in full for a reader who has not read the sources."


def _yaml(path: Path, data: dict[str, Any]) -> None:
    path.write_text(as_read(data, sort_keys=False), encoding="utf-8")


def _edit(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    _yaml(path, data)


def crowd(seeds: Path) -> None:
    """More of everything the memo shows than it has room for, each text long."""
    articles = seeds / "articles"
    text = (articles / "courier-2023-council-backs-dredging.txt").read_text(encoding="utf-8")
    front, body = text.split("\n---\n", 1)
    for n in range(overviews.MEMO_LIMIT + 2):
        label = f"Port Alder Evening Chronicle, {n}: {HEADLINE}"
        matter = re.sub(r'label: ".*"', f'label: "{label}"', front)
        (articles / f"chronicle-{n}.txt").write_text(f"{matter}\n---\n{body}", encoding="utf-8")

    annotations = seeds / "annotations"
    judgments = annotations / "judgments.yaml"
    first = yaml.safe_load(judgments.read_text(encoding="utf-8"))["judgments"][0]
    more = overviews.MEMO_ALTERNATIVES + 1
    _yaml(
        judgments,
        {
            "judgments": [
                {
                    **first,
                    "id": f"judgment-{n}",
                    "judgment": "The dispute over the dredging of the main channel will likely "
                    f"continue for as long as the oyster catch keeps falling ({n}).",
                    "alternatives": [_line(i, "The dispute ends in court") for i in range(more)],
                    "indicators": [_line(i, "A court refuses the challenge") for i in range(more)],
                }
                for n in range(overviews.MEMO_JUDGMENTS + 1)
            ]
        },
    )

    def more_questions(data: dict[str, Any]) -> None:
        sided = data["questions"][0]
        data["questions"] += [
            {**sided, "id": f"question-{n}", "question": f"{sided['question'][:-1]}, now ({n})?"}
            for n in range(overviews.MEMO_QUESTIONS)
        ]

    _edit(annotations / "questions.yaml", more_questions)

    def long_summaries(data: dict[str, Any]) -> None:
        for measure in data["measures"]:
            measure["summary"] = _line(0, measure["summary"].rstrip("."))
        for figure in data["figures"]:  # marked inferred, the reason on the figure's page
            figure.setdefault("inferred", {})["stated_by"] = _line(0, "The figure is inferred")

    _edit(annotations / "courier-2023-council-backs-dredging.yaml", long_summaries)
    _edit(annotations / "wire-2024-dredging-begins.yaml", long_summaries)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    def build(folder: Path) -> None:
        root = with_seeds(copy_project(REPO, folder / "project"), HARBOUR / "seeds")
        crowd(root / "seeds")
        add_events(root)
        _edit(root / "seeds" / "annotations" / "events.yaml", more_events)
        result = run_own_generator(root, "build")  # the copy's generator knows its events
        assert result.returncode == 0, result.stderr

    return made_once(tmp_path_factory, "crowded-memo", build) / "project" / "site"


def more_events(data: dict[str, Any]) -> None:
    """As many events as the memo's situation lists of a kind and more, with long summaries."""
    first = data["events"][0]
    del first["about"]  # crowd() gives the judgments ids of its own
    data["events"] += [
        {**first, "id": f"{EVENT}-{n}", "summary": _line(n, "The council heard the letter")}
        for n in range(overviews.MEMO_EACH)
    ]


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize(("fonts", "scale"), [("site", 1.1), ("serif", 1.0)])
def test_a_full_memo_prints_on_one_page_with_room_to_spare(
    browser: Browser, server: Server, paper: str, fonts: str, scale: float
) -> None:
    page = browser.new_page()
    page.goto(server.url + "memo/")
    expect(page.locator("h1.memo")).to_be_visible()
    # every part is full, so the page is the longest the memo gets
    text = page.locator("article").inner_text()
    assert "more, with all key judgments" in text and "more, with all points of" in text
    assert text.count("(and 1 more)") == 2 * overviews.MEMO_JUDGMENTS
    assert "more, listed with all sources" in text
    assert "The events most referred to:" in text  # the added kind, in the situation
    if fonts == "serif":
        page.add_style_tag(content=SERIF)
    pdf = page.pdf(format=paper, scale=scale)
    page.close()
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"memo-full-{paper}-{fonts}.pdf").write_bytes(pdf)
    assert _pages(pdf) == 1
