"""Hostile text in what the search's results show of a record: a speaker whose name is markup,
quotes and a character reference. The name is shown as text, in the results the worker gives
at once and in those it fills in as the list scrolls (search-more.js)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from browsing import Page, Server, expect
from projects import FIXTURES, REPO, as_read, copy_project, made_once, run_cli, with_seeds
from test_search import ITEMS, drawn, search

NAME = """<img src=x onerror="alert(1)"> Ann "Lee" 'x' &amp; </nav>"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal briefing, its claims' speaker named ``NAME``, built."""

    def build(folder: Path) -> None:
        root = copy_project(REPO, folder / "project")
        with_seeds(root, FIXTURES / "minimal" / "seeds")
        records = root / "seeds" / "annotations" / "records.yaml"
        data = yaml.safe_load(records.read_text(encoding="utf-8"))
        speaker = data["actors"][0]
        speaker["name"] = NAME
        for claim in data["claims"]:
            claim["speaker"] = speaker["id"]
        records.write_text(as_read(data), encoding="utf-8")
        result = run_cli(root, "build")
        assert result.code == 0, result.err

    return made_once(tmp_path_factory, "hostile-search", build) / "project" / "site"


def test_a_speakers_name_is_shown_as_text(page: Page, server: Server) -> None:
    alerts: list[str] = []
    page.on("dialog", lambda dialog: (alerts.append(dialog.message), dialog.dismiss()))
    search(page, server, "bridge")
    results = drawn(page)
    assert len(results) > 10  # some filled in as the list scrolled
    paths = {f"/claims/{claim}/" for claim in ("bridge-unsafe", "council-agrees")}
    claims = [r for r in results if urlsplit(r["href"]).path in paths]
    assert claims and all(r["tags"] == ["Claim", f"Said by {NAME}"] for r in claims), results
    expect(page.locator(f"{ITEMS} img")).to_have_count(0)
    assert page.locator(f"{ITEMS} .md-tags").count() == len(results)  # one tag list each
    assert alerts == []
