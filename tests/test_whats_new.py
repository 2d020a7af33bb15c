"""What's new (issue 31, item 5): the home page lists the articles that joined last, each with
the records its annotation file defines, and an Atom feed (feed.xml) carries the same where the
site's address is known. Dates come from the repository (an article's first commit) or, without
one, from the articles' published dates: never from the clock."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import feedparser
import pytest
from projects import HARBOUR, REPO, built_at, copy_project, run_in_process, with_seeds

ADDRESS = "https://example.github.io/harbour/"
FIRST, LATER = "courier-2023-council-backs-dredging", "wire-2024-dredging-begins"


def committed(root: Path, day: str) -> None:
    """Everything in ``root`` committed as of ``day`` (noon, UTC)."""
    when = f"{day}T12:00:00Z"
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    git = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "add", "-A"], check=True, capture_output=True, env=env)
    subprocess.run(
        [*git, "commit", "-qm", f"as of {day}"], check=True, capture_output=True, env=env
    )


@pytest.fixture
def history(tmp_path: Path) -> Path:
    """The harbour briefing as a repository where the courier's article came first, on
    1 March 2025, and the wire's on 2 April 2025."""
    root = with_seeds(copy_project(REPO, tmp_path / "project"), HARBOUR / "seeds")
    later = [
        root / "seeds" / "articles" / f"{LATER}.txt",
        root / "seeds" / "annotations" / f"{LATER}.yaml",
    ]
    aside = tmp_path / "aside"
    aside.mkdir()
    for path in later:
        path.rename(aside / path.name)
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True)
    committed(root, "2025-03-01")
    for path in later:
        (aside / path.name).rename(path)
    committed(root, "2025-04-02")
    return root


def home(root: Path) -> str:
    return (root / "docs" / "index.md").read_text(encoding="utf-8")


def test_the_home_page_lists_the_latest_articles_by_their_first_commit(
    history: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = built_at(history, None, monkeypatch)
    assert result.code == 0, result.err
    page = home(history)
    latest = page[page.index("## Latest articles") :].split("\n## ")[0]
    assert latest.index(f"sources/{LATER}.md") < latest.index(f"sources/{FIRST}.md")
    assert "added 2 April 2025" in latest and "added 1 March 2025" in latest
    assert "    - [" in latest  # its records, under each article
    assert "feed.xml" not in latest  # no address, no feed
    assert "no feed.xml: the site's address is not known" in result.out
    assert not (history / "site" / "feed.xml").exists()


def test_without_history_the_published_dates_stand_in(tmp_path: Path) -> None:
    root = with_seeds(copy_project(REPO, tmp_path / "project"), HARBOUR / "seeds")
    assert run_in_process(root, "generate").code == 0
    latest = home(root)[home(root).index("## Latest articles") :].split("\n## ")[0]
    assert "published " in latest and "added " not in latest


def test_the_feed_carries_the_same_and_every_page_links_it(
    history: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = built_at(history, ADDRESS, monkeypatch)
    assert result.code == 0, result.err
    written = (history / "site" / "feed.xml").read_bytes()
    parsed = feedparser.parse(written)
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.version == "atom10"
    assert parsed.feed.link == ADDRESS
    assert [e.link for e in parsed.entries] == [
        f"{ADDRESS}sources/{LATER}/",
        f"{ADDRESS}sources/{FIRST}/",
    ]
    assert parsed.entries[0].updated == "2025-04-02T00:00:00Z"
    assert f'href="{ADDRESS}claims/' in parsed.entries[0].content[0].value  # its records
    link = f'<link rel="alternate" type="application/atom+xml" title="Latest articles" href="{ADDRESS}feed.xml">'
    pages = list((history / "site").rglob("index.html"))
    assert pages and all(link in p.read_text(encoding="utf-8") for p in pages)
    assert "[Follow them in a feed](feed.xml)" in home(history)
    assert run_in_process(history, "build").code == 0
    assert (history / "site" / "feed.xml").read_bytes() == written  # the same commit, the same feed


def test_the_feed_keeps_to_the_newest_articles(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from generator.input.validation import load_briefing
    from generator.render import feed

    root = with_seeds(copy_project(REPO, tmp_path / "project"), HARBOUR / "seeds")
    monkeypatch.setenv("SITE_URL", ADDRESS)
    monkeypatch.setattr(feed, "ENTRIES", 1)
    parsed = feedparser.parse(feed.feed(load_briefing(root)))
    assert [e.link for e in parsed.entries] == [f"{ADDRESS}sources/{LATER}/"]  # published 2024
