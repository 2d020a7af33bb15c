"""Starting a briefing of one's own: ``init``, the first ``new-source``, and the topic text
kept in one place (seeds/briefing.yaml, repeated in mkdocs.yml and checked)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import REPO, run_cli, snapshot
from projects import copy_project

TEXT = (
    "PORTSVILLE — The council voted on Monday to dredge the harbour, Mayor Ada Quill said.\n"
    "\u201cWe will start in May,\u201d she said.\n"
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the repository as a fresh clone has it, holding the example briefing."""
    root = tmp_path / "harbour-dredging"
    copy_project(REPO, root)
    overview = yaml.safe_load((root / "seeds" / "briefing.yaml").read_text(encoding="utf-8"))
    overview["example"] = True  # whatever seeds/ holds now, this copy stands for the example
    (root / "seeds" / "briefing.yaml").write_text(yaml.safe_dump(overview), encoding="utf-8")
    return root


def init(root: Path, *arguments: str):
    return run_cli(root, "init", *arguments)


def test_init_turns_the_example_into_an_empty_briefing_of_ones_own(project: Path) -> None:
    result = init(project, "--title", "Harbour dredging", "--topic", "What was said about it.")
    assert result.code == 0, result.err
    assert sorted(p.name for p in (project / "seeds").rglob("*") if p.is_file()) == [
        "briefing.yaml"
    ]
    overview = yaml.safe_load((project / "seeds" / "briefing.yaml").read_text(encoding="utf-8"))
    assert overview == {"title": "Harbour dredging", "topic": "What was said about it."}
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert config.startswith('site_name: "Harbour dredging"\nsite_description: "What was said')
    assert run_cli(project, "check").out.startswith("ok: 0 records in 0 articles")
    built = run_cli(project, "build")
    assert built.code == 0, built.err
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert "<title>Harbour dredging</title>" in home
    about = (project / "docs" / "about.md").read_text(encoding="utf-8")
    assert "**Topic.** What was said about it." in about


def test_init_asks_for_nothing_it_can_default(project: Path) -> None:
    assert init(project).code == 0
    overview = yaml.safe_load((project / "seeds" / "briefing.yaml").read_text(encoding="utf-8"))
    assert overview["title"] == "Harbour dredging"  # from the folder's name
    assert init(project, "--about", "Why these sources.").code == 0  # the title stays
    overview = yaml.safe_load((project / "seeds" / "briefing.yaml").read_text(encoding="utf-8"))
    assert overview["title"] == "Harbour dredging" and overview["about"] == "Why these sources."


def test_init_never_removes_a_briefing_of_ones_own_unless_told(project: Path) -> None:
    assert init(project, "--title", "Mine").code == 0
    (project / "seeds" / "articles" / "mine.txt").write_text("---\nlabel: x\n---\ntext\n")
    before = snapshot(project / "seeds")
    result = init(project, "--title", "Other")
    assert result.code == 1
    assert "seeds/briefing.yaml: seeds/ holds a briefing of your own (1 file)" in result.err
    assert "--force" in result.err and "Traceback" not in result.err
    assert snapshot(project / "seeds") == before
    assert init(project, "--title", "Other", "--force").code == 0
    assert not (project / "seeds" / "articles" / "mine.txt").exists()


def test_a_site_name_that_differs_from_the_title_is_reported_at_its_line(project: Path) -> None:
    assert init(project, "--title", "Harbour dredging").code == 0
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace('"Harbour dredging"', "Harbour"), encoding="utf-8")
    result = run_cli(project, "check")
    assert result.code == 1
    assert "mkdocs.yml:1:12: site_name differs from the title in seeds/briefing.yaml" in result.err
    assert 'hint: write site_name: "Harbour dredging"' in result.err


def new_source(root: Path, *arguments: str):
    article = root / "received.txt"
    article.write_text(TEXT, encoding="utf-8")
    return run_cli(
        root,
        "new-source",
        "port-news-2020",
        str(article),
        "--label",
        "Port News: a vote",
        *arguments,
    )


def test_the_first_article_of_an_empty_briefing(project: Path) -> None:
    assert init(project, "--title", "Harbour dredging").code == 0
    result = new_source(project, "--published", "2020-02-29")
    assert result.code == 0, result.err
    draft = project / "seeds" / "annotations" / "port-news-2020.yaml"
    text = draft.read_text(encoding="utf-8")
    assert text.startswith(
        "# yaml-language-server: $schema=../../generator/schemas/annotations.schema.json\n"
    )
    assert yaml.safe_load(text)["figures"] == []  # valid YAML with no figures found
    annotation = {
        "actors": [
            {
                "id": "ada-quill",
                "name": "Ada Quill",
                "kind": "person",
                "evidence": [{"source": "port-news-2020", "quote": "Mayor Ada Quill"}],
            }
        ],
        "claims": [
            {
                "id": "council-voted",
                "speaker": "ada-quill",
                "summary": "The council voted to dredge.",
                "form": "reported",
                "evidence": [
                    {
                        "source": "port-news-2020",
                        "quote": "The council voted on Monday to dredge the harbour, Mayor Ada Quill said.",
                    }
                ],
            },
            {
                "id": "start-in-may",
                "speaker": "ada-quill",
                "summary": "Work starts in May.",
                "form": "quoted",
                "inferred": {"speaker": "'she' follows the sentence naming her."},
                "evidence": [
                    {
                        "source": "port-news-2020",
                        "quote": "\u201cWe will start in May,\u201d she said.",
                    }
                ],
            },
        ],
    }
    draft.write_text(yaml.safe_dump(annotation, allow_unicode=True), encoding="utf-8")
    assert run_cli(project, "check").out.startswith("ok: 4 records in 1 article")
    assert run_cli(project, "coverage").code == 0


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (
            ("--published", "2019-02-30"),
            "new-source --published: '2019-02-30' is not a calendar date",
        ),
        (
            ("--url", "javascript:alert(1)"),
            "new-source --url: 'javascript:alert(1)' is not an http(s) address",
        ),
        (
            ("--kind", "news"),
            "new-source --kind: 'news' is not a kind of source\n    hint: one of: news-article",
        ),
        (
            ("--publisher", "port-new"),
            "new-source --publisher: no actor has the id 'port-new'\n    hint: to create it, add --publisher-name",
        ),
        (
            ("--publisher", "port-news", "--publisher-name", "Port News"),
            "new-source --publisher-name: the article's text does not name 'Port News'\n    hint: say how you know the publisher with --provenance",
        ),
        (("--provenance", "From the website"), "new-source --provenance: explains nothing"),
    ],
)
def test_new_source_checks_what_it_is_given_before_writing(
    project: Path, arguments, expected
) -> None:
    assert init(project, "--title", "Harbour dredging").code == 0
    before = snapshot(project / "seeds")
    result = new_source(project, *arguments)
    assert result.code == 1
    assert expected in result.err
    assert "Traceback" not in result.err
    assert snapshot(project / "seeds") == before


def test_new_source_creates_a_publisher_known_from_provenance(project: Path) -> None:
    assert init(project, "--title", "Harbour dredging").code == 0
    reason = "Downloaded from port-news.example, whose masthead reads Port News"
    result = new_source(
        project,
        "--publisher",
        "port-news",
        "--publisher-name",
        "Port News",
        "--provenance",
        reason,
        "--url",
        "https://port-news.example/vote",
    )
    assert result.code == 0, result.err
    assert "wrote seeds/annotations/actors.yaml" in result.out
    article = (project / "seeds" / "articles" / "port-news-2020.txt").read_text(encoding="utf-8")
    meta = yaml.safe_load(article.split("---\n")[1])
    assert meta["provenance"] == {"publisher": reason, "url": reason}
    draft = project / "seeds" / "annotations" / "port-news-2020.yaml"
    draft.unlink()  # nothing else to publish yet: the publisher alone must check
    assert run_cli(project, "check").code == 0
