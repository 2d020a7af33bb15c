"""Starting a briefing of one's own: ``init``, the first ``new-source``, and the topic text
kept in one place (seeds/briefing.yaml, repeated in mkdocs.yml and checked)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO, run_cli, snapshot
from projects import as_read, copy_project, run_in_process

from generator import i18n
from generator.authoring import example

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
    overview[example.KEY] = example.listed(root / "seeds")  # with its own list of its files
    (root / "seeds" / "briefing.yaml").write_text(as_read(overview), encoding="utf-8")
    return root


def init(root: Path, *arguments: str):
    return run_cli(root, "init", *arguments)


def started(root: Path, *arguments: str):
    """``init`` as the step before a test of something else: in this process, the same files
    and code as ``init`` (``run_cli``) gives, without starting Python for it."""
    return run_in_process(root, "init", *arguments)


def run_cli_within(root: Path, seconds: float, *arguments: str) -> subprocess.CompletedProcess:
    """The generator as a user runs it, stopped (and the test failed) if it hangs."""
    command = [sys.executable, "-m", "generator", *arguments, "--root", str(root)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        command, capture_output=True, text=True, cwd=REPO, env=env, timeout=seconds
    )


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
    assert run_in_process(project, "check").out.startswith("ok: 0 records in 0 articles")
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
    forced = init(project, "--title", "Other", "--force")
    assert forced.code == 0, forced.err
    assert not (project / "seeds" / "articles" / "mine.txt").exists()
    [kept] = (project / ".briefing-trash").glob("*/seeds/articles/mine.txt")
    assert kept.read_text() == "---\nlabel: x\n---\ntext\n"  # moved, never deleted


def add_work_of_ones_own(root: Path) -> dict[str, bytes]:
    """What a user adds to the example before running init: an article and its draft, notes,
    an editor's hidden backup, and an edit of one of the example's own files."""
    seeds = root / "seeds"
    (seeds / "articles" / "mine.txt").write_text("---\nlabel: Mine\n---\nMy text.\n")
    (seeds / "annotations" / "mine.yaml").write_text("draft: true\nclaims: []\n")
    (seeds / "annotations" / "NOTES.md").write_text("what to read next\n")
    (seeds / "articles" / ".mine.txt.swp").write_bytes(b"\x00backup")
    edited = sorted((seeds / "annotations").glob("*.yaml"))[0]
    assert edited.name != "mine.yaml" and edited.name in str(example.listed(seeds))
    edited.write_text(edited.read_text(encoding="utf-8") + "# my note\n", encoding="utf-8")
    theirs = ["articles/.mine.txt.swp", "articles/mine.txt", "annotations/NOTES.md"]
    theirs += ["annotations/mine.yaml", edited.relative_to(seeds).as_posix()]
    return {name: (seeds / name).read_bytes() for name in theirs}


def test_init_refuses_to_remove_what_did_not_come_with_the_example(project: Path) -> None:
    theirs = add_work_of_ones_own(project)
    before, config = snapshot(project / "seeds"), (project / "mkdocs.yml").read_bytes()
    result = init(project, "--title", "Harbour dredging")
    assert result.code == 1
    assert "init would remove 5 files that did not come with the example:" in result.err
    for name in theirs:
        assert f"\n    seeds/{name}\n" in result.err + "\n"
    assert "hint: pass --force to move them to .briefing-trash/<date-time>/" in result.err
    assert "Traceback" not in result.err
    assert snapshot(project / "seeds") == before
    assert (project / "mkdocs.yml").read_bytes() == config


def test_init_force_moves_what_is_not_the_examples_to_the_trash(project: Path) -> None:
    theirs = add_work_of_ones_own(project)
    result = init(project, "--title", "Harbour dredging", "--force")
    assert result.code == 0, result.err
    [trash] = (project / ".briefing-trash").iterdir()
    assert {name: (trash / "seeds" / name).read_bytes() for name in theirs} == theirs
    for name in theirs:
        assert f"moved seeds/{name} to .briefing-trash/{trash.name}/seeds/{name}\n" in result.out
    assert sorted(p.name for p in (project / "seeds").rglob("*") if p.is_file()) == [
        "briefing.yaml"
    ]
    assert "/.briefing-trash/" in (REPO / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert run_in_process(project, "check").code == 0  # the trash is read by nothing


def test_init_never_follows_a_symlink_out_of_the_project(project: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    (outside / "inner").mkdir(parents=True)
    (outside / "keep.txt").write_text("not the project's\n")
    (outside / "inner" / "deep.yaml").write_text("also not\n")
    articles = project / "seeds" / "articles"
    for path in articles.iterdir():
        path.unlink()
    articles.rmdir()
    articles.symlink_to(outside, target_is_directory=True)
    (project / "seeds" / "annotations" / "linked.yaml").symlink_to(outside / "keep.txt")
    kept = snapshot(outside)
    refused = init(project, "--title", "Harbour dredging")
    assert refused.code == 1
    assert (
        "\n    seeds/articles\n" in refused.err and "seeds/annotations/linked.yaml" in refused.err
    )
    assert snapshot(outside) == kept
    forced = init(project, "--title", "Harbour dredging", "--force")
    assert forced.code == 0, forced.err
    assert snapshot(outside) == kept
    assert articles.is_dir() and not articles.is_symlink() and not any(articles.iterdir())
    [moved] = (project / ".briefing-trash").glob("*/seeds/articles")
    assert moved.is_symlink() and moved.readlink() == outside


def test_the_examples_list_of_its_files_matches_the_files_shipped() -> None:
    """init trusts this list; after editing the example, refresh it with make example-files."""
    seeds = REPO / "seeds"
    overview = yaml.safe_load((seeds / "briefing.yaml").read_text(encoding="utf-8"))
    if overview.get("example") is not True:
        return  # a briefing of the user's own (after init) has no list to keep
    files = overview.get(example.KEY)
    refresh = (
        "seeds/ no longer holds the example as its list says: if you changed the example "
        "itself, refresh the list with 'make example-files'; if it is work of your own, run "
        "'make init' first (the list is what init removes without asking)"
    )
    assert isinstance(files, dict) and files, refresh
    for name, sha in files.items():
        assert (seeds / name).is_file() and example.digest(seeds / name) == sha, (name, refresh)
    tracked = subprocess.run(
        ["git", "ls-files", "seeds/articles", "seeds/annotations"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split()
    missing = [name for name in tracked if name.removeprefix("seeds/") not in files]
    assert not missing, (missing, refresh)


def test_the_list_is_refreshed_from_the_files_as_they_are(project: Path) -> None:
    seeds = project / "seeds"
    (seeds / "articles" / "added.txt").write_text("x\n")
    before = (seeds / "briefing.yaml").read_text(encoding="utf-8")
    example.refresh(seeds)
    example.refresh(seeds)  # twice: the list is replaced, not repeated
    after = (seeds / "briefing.yaml").read_text(encoding="utf-8")
    assert after.count(f"{example.KEY}:") == 1
    refreshed = yaml.safe_load(after)
    listed = refreshed.pop(example.KEY)
    assert listed == example.listed(seeds) and "articles/added.txt" in listed
    assert refreshed == {k: v for k, v in yaml.safe_load(before).items() if k != example.KEY}


def test_a_site_name_that_differs_from_the_title_is_reported_at_its_line(project: Path) -> None:
    assert started(project, "--title", "Harbour dredging").code == 0
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace('"Harbour dredging"', "Harbour"), encoding="utf-8")
    result = run_cli(project, "check")
    assert result.code == 1
    assert "mkdocs.yml:1:12: site_name differs from the title in seeds/briefing.yaml" in result.err
    assert 'hint: write site_name: "Harbour dredging"' in result.err


def test_init_language_sets_the_briefing_and_the_theme_and_check_holds_them_together(
    project: Path,
) -> None:
    """``init --language``: seeds/briefing.yaml says it, mkdocs.yml's theme.language repeats it
    (so the pages say ``<html lang>`` and Material's own words follow), and check reports the
    two apart at mkdocs.yml's line; a language the briefing cannot be written in is refused."""
    assert started(project, "--title", "芬太尼合作简报", "--language", "zh").code == 0
    overview = yaml.safe_load((project / "seeds" / "briefing.yaml").read_text(encoding="utf-8"))
    assert overview["language"] == "zh"
    config = project / "mkdocs.yml"
    theme = yaml.safe_load(config.read_text(encoding="utf-8").split("\nplugins:")[0])["theme"]
    assert theme["language"] == "zh" and theme["name"] == "material"
    built = run_cli(project, "build")
    assert built.code == 0, built.err
    assert '<html lang="zh"' in (project / "site" / "index.html").read_text(encoding="utf-8")
    lines = config.read_text(encoding="utf-8").splitlines()
    at = next(n for n, line in enumerate(lines, 1) if line == "  language: zh")
    config.write_text(
        config.read_text(encoding="utf-8").replace("  language: zh", "  language: fr")
    )
    result = run_cli(project, "check")
    assert result.code == 1
    assert (
        f"mkdocs.yml:{at}:13: theme.language is 'fr', and the briefing's language in "
        "seeds/briefing.yaml is 'zh'"
    ) in result.err
    assert "hint: write language: zh under theme: (init --language zh does both)" in result.err
    assert started(project, "--about", "Kept.").code == 0  # told nothing of it: zh stays
    assert "  language: zh\n" in config.read_text(encoding="utf-8")
    config.write_text(
        config.read_text(encoding="utf-8").replace("  language: zh", "  language: de")
    )
    overview_file = project / "seeds" / "briefing.yaml"
    overview_file.write_text(
        overview_file.read_text(encoding="utf-8").replace('language: "zh"\n', "")
    )
    assert run_cli(project, "check").code == 0  # stating none, it leaves mkdocs.yml's alone
    before = snapshot(project)
    refused = init(project, "--language", "de")
    assert refused.code == 1
    assert "init --language: language: 'de' is not allowed here" in refused.err
    assert "hint: choose one of: en, fr, zh" in refused.err
    assert snapshot(project) == before


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
    assert started(project, "--title", "Harbour dredging").code == 0
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
    draft.write_text(as_read(annotation), encoding="utf-8")
    assert run_in_process(project, "check").out.startswith("ok: 4 records in 1 article")
    assert run_in_process(project, "coverage").code == 0


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
        (
            ("--provenance", "publisher=From the website"),
            "new-source --provenance: explains the publisher, which is not given",
        ),
        (
            ("--provenance", "From the website"),
            "new-source --provenance: 'From the website' names no field\n    hint: give a reason "
            'per field: --provenance publisher="REASON"',
        ),
    ],
)
def test_new_source_checks_what_it_is_given_before_writing(
    project: Path, arguments, expected
) -> None:
    assert started(project, "--title", "Harbour dredging").code == 0
    before = snapshot(project / "seeds")
    result = new_source(project, *arguments)
    assert result.code == 1
    assert expected in result.err
    assert "Traceback" not in result.err
    assert snapshot(project / "seeds") == before


def test_new_source_creates_a_publisher_known_from_provenance(project: Path) -> None:
    assert started(project, "--title", "Harbour dredging").code == 0
    reason = "Downloaded from port-news.example, whose masthead reads Port News"
    result = new_source(
        project,
        "--publisher",
        "port-news",
        "--publisher-name",
        "Port News",
        "--provenance",
        f"publisher={reason}",
        "--provenance",
        f"url={reason}",
        "--url",
        "https://port-news.example/vote",
    )
    assert result.code == 0, result.err
    assert "wrote seeds/annotations/port-news-2020.actors.yaml" in result.out
    article = (project / "seeds" / "articles" / "port-news-2020.txt").read_text(encoding="utf-8")
    meta = yaml.safe_load(article.split("---\n")[1])
    assert meta["provenance"] == {"publisher": reason, "url": reason}
    draft = project / "seeds" / "annotations" / "port-news-2020.yaml"
    draft.unlink()  # nothing else to publish yet: the publisher alone must check
    assert run_in_process(project, "check").code == 0


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (
            ("--title", "Two articles on dredging"),
            "init --title: the title says 'Two articles', but the briefing holds 0 articles",
        ),
        (("--title", "Harbour\x1b[2J"), "init --title: control character U+001B in the text"),
        (("--topic", "What was\x07 said."), "init --topic: control character U+0007 in the text"),
        (("--title", "Harbour \u202edredging"), "init --title: bidi control U+202E"),
    ],
)
def test_init_checks_what_it_writes_by_the_rules_of_check(
    project: Path, arguments, expected
) -> None:
    before, config = snapshot(project / "seeds"), (project / "mkdocs.yml").read_bytes()
    result = init(project, *arguments)
    assert result.code == 1
    assert expected in result.err and "Traceback" not in result.err
    assert snapshot(project / "seeds") == before
    assert (project / "mkdocs.yml").read_bytes() == config


@pytest.mark.parametrize(
    ("source_id", "arguments", "expected"),
    [
        ("index", (), "new-source ID: the id 'index' is reserved"),
        ("port-news", ("--label", "A \x07bell"), "new-source --label: control character U+0007"),
        ("port-news", ("--label", "x" * 3000), "new-source --label: is 3,000 characters long"),
        (
            "port-news",
            ("--publisher", "port", "--publisher-name", "P" * 2500, "--provenance", "publisher=m"),
            "new-source --publisher-name: is 2,500 characters long",
        ),
        (
            "port-news",
            (
                "--publisher",
                "port",
                "--publisher-name",
                "Port\x1bNews",
                "--provenance",
                "publisher=s",
            ),
            "new-source --publisher-name: control character U+001B",
        ),
        (
            "port-news",
            ("--label", "Port \u202enews"),
            "new-source --label: bidi control U+202E (RIGHT-TO-LEFT OVERRIDE) in the text",
        ),
        (
            "port-news",
            ("--publisher", "port-news", "--publisher-name", "Port News"),
            "new-source --publisher: 'port-news' is the new source's own id",
        ),
    ],
)
def test_new_source_checks_every_value_by_the_rules_of_check(
    project: Path, source_id: str, arguments, expected
) -> None:
    assert started(project, "--title", "Harbour dredging").code == 0
    article = project / "received.txt"
    article.write_text(TEXT, encoding="utf-8")
    before = snapshot(project / "seeds")
    command = ["new-source", source_id, str(article), "--label", "Port News: a vote"]
    result = run_cli(project, *command, *arguments)
    assert result.code == 1
    assert expected in result.err and "Traceback" not in result.err
    assert snapshot(project / "seeds") == before


def test_new_source_checks_the_received_files_name(project: Path, tmp_path: Path) -> None:
    assert started(project, "--title", "Harbour dredging").code == 0
    article = tmp_path / "received\x1b[2J.txt"
    article.write_text(TEXT, encoding="utf-8")
    before = snapshot(project / "seeds")
    result = run_cli(project, "new-source", "port-news", str(article), "--label", "Port News")
    assert result.code == 1
    assert "new-source FILE: control character U+001B in the file's name" in result.err
    assert snapshot(project / "seeds") == before


def test_new_source_refuses_what_would_leave_the_briefing_failing_check(project: Path) -> None:
    """Its own values are fine, but the briefing's words count its articles: the count that
    check would then refuse is found before anything is written."""
    assert (
        started(project, "--title", "Harbour dredging", "--topic", "What no articles say.").code
        == 0
    )
    before = snapshot(project / "seeds")
    result = new_source(project)
    assert result.code == 1
    assert "the topic says 'no articles', but the briefing holds 1 article" in result.err
    assert snapshot(project / "seeds") == before


def test_the_files_new_source_would_write_are_checked_as_check_reads_them(project: Path) -> None:
    """The second line behind the options' own checks: the article as check reads it, and the
    ids and references of the new records among the others, found before anything is written."""
    from generator.authoring import staging
    from generator.input.validation import load_briefing

    assert started(project, "--title", "Harbour dredging").code == 0
    briefing = load_briefing(project)
    article = project / "seeds" / "articles" / "port-news.txt"
    content = "---\nlabel: Port News\nkind: news-article\npublisher: port-news\nreceived:\n"
    content += f"  file: x\n  sha256: {'a' * 64}\n---\n{TEXT}"
    actors = project / "seeds" / "annotations" / "actors.yaml"
    files = {
        article: content,
        actors: 'actors:\n  - {"id": "index", "name": "Q", "kind": "person"}\n',
    }
    found = [str(p) for p in staging.problems(project, article, files, briefing)]
    assert any(
        "port-news.txt:7:11: the article's text is not what was received" in p for p in found
    )
    files[article] = content.replace("a" * 64, hashlib.sha256(TEXT.encode()).hexdigest())
    found = [str(p) for p in staging.problems(project, article, files, briefing)]
    assert any(p.startswith("seeds/articles/port-news.txt:4:12: ") for p in found)  # itself
    assert any("actors.yaml:2:12: the id 'index' is reserved" in p for p in found)


def test_init_never_writes_through_a_symlinked_overview(project: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text("title: Not the project's\ntopic: Elsewhere.\n")
    overview = project / "seeds" / "briefing.yaml"
    overview.unlink()
    overview.symlink_to(outside)
    result = init(project, "--title", "Harbour dredging", "--force")
    assert result.code == 1
    assert "seeds/briefing.yaml: is a symbolic link" in result.err
    assert outside.read_text() == "title: Not the project's\ntopic: Elsewhere.\n"
    overview.unlink()
    overview.write_text(outside.read_text())
    assert init(project, "--title", "Harbour dredging", "--force").code == 0
    assert outside.read_text() == "title: Not the project's\ntopic: Elsewhere.\n"


def test_init_stopped_by_the_file_system_says_what_it_moved(project: Path, monkeypatch) -> None:
    """A file the system will not move (EACCES, as for a folder of another user's): a located
    message, what was moved before it, and nothing of the user's deleted."""
    import errno
    import shutil

    from generator.authoring import new_briefing
    from generator.problems import InputError

    theirs = add_work_of_ones_own(project)
    moves, real_move = [], shutil.move

    def move(source, target):
        if moves:
            raise PermissionError(errno.EACCES, "Permission denied", str(source))
        moves.append(real_move(source, target))

    monkeypatch.setattr(new_briefing.shutil, "move", move)
    examples = {p for p in example.listed(project / "seeds") if p not in theirs}
    with pytest.raises(InputError) as raised:
        new_briefing.start(project, {"title": "Harbour dredging"}, force=True)
    report = raised.value.report()
    [first, second] = sorted(theirs)[:2]
    assert f"seeds/{second}: init stopped: Permission denied" in report
    assert f"moved seeds/{first} to .briefing-trash/" in report
    [trash] = (project / ".briefing-trash").iterdir()
    assert (trash / "seeds" / first).read_bytes() == theirs[first]
    assert all((project / "seeds" / name).exists() for name in [*examples, *sorted(theirs)[1:]])


def test_init_prints_the_names_it_moves_with_control_characters_escaped(project: Path) -> None:
    (project / "seeds" / "articles" / "x\x1b[2J.txt").write_text("x\n")
    refused, forced = init(project), init(project, "--force")
    assert forced.code == 0, forced.err
    assert "seeds/articles/x<U+001B>[2J.txt" in refused.err
    assert "moved seeds/articles/x<U+001B>[2J.txt to .briefing-trash/" in forced.out
    assert "\x1b" not in refused.err + forced.out


def test_init_writes_nothing_through_a_link_left_where_it_stages(
    project: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("not the project's\n")
    (project / "seeds" / ".briefing.yaml.new").symlink_to(outside)
    result = init(project, "--title", "Harbour dredging")
    assert result.code == 0, result.err
    assert outside.read_text() == "not the project's\n"
    assert "Harbour dredging" in (project / "seeds" / "briefing.yaml").read_text()


def test_init_that_cannot_list_a_folder_says_so_and_changes_nothing(
    project: Path, monkeypatch
) -> None:
    """A folder init may not read (EACCES, as for another user's): it cannot know what it
    would remove, so it stops before anything is changed."""
    import errno

    from generator.authoring import new_briefing
    from generator.problems import InputError

    annotations = project / "seeds" / "annotations"
    real_scandir = example.os.scandir

    def scandir(path):
        if Path(path) == annotations:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(example.os, "scandir", scandir)
    before = snapshot(project / "seeds")
    with pytest.raises(InputError) as raised:
        new_briefing.start(project, {"title": "Harbour dredging"})
    assert "seeds/annotations: cannot be read: Permission denied" in raised.value.report()
    assert snapshot(project / "seeds") == before


def test_new_source_that_cannot_write_leaves_seeds_as_it_was(project: Path, monkeypatch) -> None:
    """A full disk (ENOSPC) at the second file: the publisher is not added without its
    article; a located message, no traceback, no temporary file left."""
    import errno

    from generator.authoring import scaffold
    from generator.input.validation import load_briefing
    from generator.problems import InputError

    assert started(project, "--title", "Harbour dredging").code == 0
    meta = {"label": "Port News: a vote", "kind": "news-article", "publisher": "port-news"}
    meta |= {"publisher_name": "Port News", "provenance": {"publisher": "its masthead"}}
    briefing = load_briefing(project)
    real_stage, staged = scaffold._stage, []

    def stage(temporary: Path, data: bytes) -> None:
        if staged:
            raise OSError(errno.ENOSPC, "No space left on device", str(temporary))
        staged.append(real_stage(temporary, data))

    monkeypatch.setattr(scaffold, "_stage", stage)
    before = snapshot(project / "seeds")
    with pytest.raises(InputError) as raised:
        scaffold.new_source(project, "port-news-2020", TEXT, meta, briefing)
    assert ": cannot write: No space left on device" in raised.value.report()
    assert snapshot(project / "seeds") == before


def test_init_finds_an_unreadable_mkdocs_yml_before_changing_anything(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_bytes(config.read_bytes() + b"# caf\xe9 in Latin-1\n")
    before = snapshot(project / "seeds")
    result = init(project, "--title", "Harbour dredging")
    assert result.code == 1
    assert "mkdocs.yml: is not UTF-8 text" in result.err and "Traceback" not in result.err
    assert snapshot(project / "seeds") == before


def test_init_reads_no_fifo_in_place_of_the_overview(project: Path) -> None:
    """A FIFO where seeds/briefing.yaml belongs: read, it would hang init for ever."""
    overview = project / "seeds" / "briefing.yaml"
    overview.unlink()
    os.mkfifo(overview)
    result = run_cli_within(project, 60, "init", "--title", "Harbour dredging")
    assert result.returncode == 1, result.stderr  # not the example then: its files are listed
    assert "did not come with the example" not in result.stderr
    assert "seeds/ holds a briefing of your own" in result.stderr


def test_init_outside_a_project_says_in_one_line_where_to_start(tmp_path: Path) -> None:
    """The package alone is not a briefing: init in an empty folder points to the template."""
    result = run_cli(tmp_path, "init", "--title", "Harbour", "--topic", "What was said.")
    assert result.code == 1
    [line] = result.err.splitlines()
    assert line.startswith(f"{tmp_path} is not a briefing project")
    assert "template repository" in line
    assert list(tmp_path.iterdir()) == []  # nothing written


def test_init_language_writes_the_navigation_and_the_toggles_in_that_language(
    project: Path,
) -> None:
    """The example's navigation titles and palette toggles are the generator's words: init
    --language writes them in the briefing's language, and back again; a title of one's own
    is kept."""
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - Memo:", "  - Our memo:"))
    assert started(project, "--title", "芬太尼合作简报", "--language", "zh").code == 0
    chinese = i18n.catalogue("zh").gettext
    text = config.read_text(encoding="utf-8")
    assert f"  - {chinese('Home')}: index.md\n" in text
    assert f"  - {chinese('Key judgments')}: judgments/index.md\n" in text
    assert f"        name: {chinese('Switch to dark mode')}\n" in text
    assert "  - Our memo: memo.md\n" in text
    assert "Home" not in text
    nav = yaml.safe_load("nav:\n" + text.split("\nnav:\n")[1].split("\n\n")[0])["nav"]
    assert {chinese("Sources"): "sources/index.md"} in nav and {"Our memo": "memo.md"} in nav
    assert started(project, "--language", "en").code == 0
    assert "  - Home: index.md\n" in config.read_text(encoding="utf-8")
