"""The escaping and the search hold whatever mkdocs.yml's ``custom_dir`` says (issue 27, item 1).

A hostile actor name reaches a page's title; hostile text is put where Material prints
configuration as HTML (site_name and site_description in the header and the meta tags, a
nav title in the tabs, an ``extra`` value). The pages are built under a user's own
``custom_dir``, none, and one whose ``main.html`` writes the title as Material does, then
opened in Chromium: nothing runs, the text shows as written, and the search finds the actor. A
``custom_dir`` that replaces ``base.html`` (and with it the search's scripts) is refused.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import material
import pytest
import yaml
from browsing import Browser, expect, serving
from projects import (
    FIXTURES,
    REPO,
    as_read,
    copy_project,
    made_once,
    run_in_process,
    snapshot,
    with_seeds,
)

from generator.pipeline import GENERATED

ACTOR = 'Mallory </title><script>alert("xss-title")</script>'
SITE = "Harbour </title><script>alert('site')</script>"
DESCRIPTION = 'Text" onfocus="alert(\'meta\')" autofocus x="'
TAB = "Tab <img src=x onerror=alert('tab')>"
REPOSITORY = "Repo <img src=x onerror=alert('repo')>"
META = "Topics </title><img src=x onerror=alert('meta')>"
EXTRA = "Extra <img src=x onerror=alert('extra')>"
MAIN = """{% extends "base.html" %}
{% block htmltitle %}<title>{{ page.title | striptags }} - {{ config.site_name }}</title>{% endblock %}
"""
# Scripts the browser runs (not data: JSON-LD, the previews, the kinds) that hold a payload's words
RUNNABLE_ALERTS = """() => Array.from(document.querySelectorAll('script'))
  .filter((s) => !s.type || /javascript|module/.test(s.type))
  .map((s) => s.textContent).filter((text) => text.includes('alert('))"""
THEMES = {
    "own": {"overrides/partials/copyright.html": "<div>Our own footer</div>"},
    "none": {},
    "main": {"overrides/main.html": MAIN},
}


def generated(root: Path) -> None:
    """The minimal fixture with a hostile actor name, its pages generated: what every theme's
    site is built from."""
    copy_project(REPO, root)
    with_seeds(root, FIXTURES / "minimal" / "seeds")
    records = root / "seeds" / "annotations" / "records.yaml"
    data = yaml.safe_load(records.read_text(encoding="utf-8"))
    data["actors"][0]["name"] = ACTOR
    records.write_text(as_read(data), encoding="utf-8")
    result = run_in_process(root, "generate")
    assert result.code == 0, result.err


def project(root: Path, theme: dict[str, str], source: Path) -> Path:
    """A copy of ``source`` (``generated``), its site built by MkDocs from a mkdocs.yml with
    the ``theme`` files and hostile configuration."""
    shutil.copytree(source, root, symlinks=True)
    # The check refuses such a site_name (the title in seeds/briefing.yaml must match): MkDocs
    # alone, with the pages generated, shows what the theme does with it
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = "\n".join(
        line
        for line in config.splitlines()
        if not line.startswith(("site_name:", "site_description:", "  custom_dir:"))
    )
    config = config.replace("  - Timeline: timeline.md", f"  - {json.dumps(TAB)}: timeline.md")
    config = config.replace(
        "extra:\n",
        f"extra:\n  alternate:\n    - {{name: {json.dumps(EXTRA)}, link: /, lang: en}}\n",
    )
    head = f"site_name: {json.dumps(SITE)}\nsite_description: {json.dumps(DESCRIPTION)}\n"
    head += f"repo_url: https://example.org/briefing\nrepo_name: {json.dumps(REPOSITORY)}\n"
    if theme:
        config = config.replace("theme:\n", "theme:\n  custom_dir: overrides\n")
    (root / "mkdocs.yml").write_text(head + config, encoding="utf-8")
    written = root / "docs" / "format.md"  # a hand-written page's front matter
    front = {"title": META, "description": DESCRIPTION}
    written.write_text(f"---\n{json.dumps(front)}\n---\n{written.read_text()}", encoding="utf-8")
    for path, text in theme.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml")]
    env = {**os.environ, GENERATED: "1", "NO_MKDOCS_2_WARNING": "1"}
    built = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    return root / "site"


@pytest.fixture(scope="module", params=sorted(THEMES))
def served(request, tmp_path_factory) -> Iterator[str]:
    theme = THEMES[request.param]
    source = made_once(tmp_path_factory, "theme-generated", lambda f: generated(f / "project"))
    made = made_once(
        tmp_path_factory,
        f"theme-{request.param}",
        lambda f: project(f / "project", theme, source / "project"),
    )
    with serving(made / "project" / "site") as server:
        yield server.url


def test_a_record_name_in_the_title_runs_nothing_and_search_finds_it(
    served: str, browser: Browser
) -> None:
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(served + "actors/ann-lee/")
    assert page.evaluate("document.head.querySelectorAll('title').length") == 1
    assert page.title().startswith(ACTOR + " - "), page.title()
    expect(page.locator(".md-content h1")).to_contain_text(ACTOR)
    page.goto(served + "?q=Mallory")
    expect(page.locator("li.md-search-result__item").first).to_contain_text(ACTOR)
    assert "xss-title" not in dialogs
    page.close()


def test_configuration_shows_as_text_under_any_theme(served: str, browser: Browser) -> None:
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for path in ("", "actors/ann-lee/", "timeline/"):
        page.goto(served + path)
        assert page.evaluate("document.head.querySelectorAll('title').length") == 1, path
        assert page.evaluate(RUNNABLE_ALERTS) == [], path
        assert page.locator("[onerror], [onfocus]").count() == 0, path
        assert SITE in page.title(), path
        description = page.locator("meta[name=description]").get_attribute("content")
        assert description == DESCRIPTION, path
        expect(page.locator(".md-header__topic").first).to_contain_text(SITE)
        expect(page.locator(".md-tabs")).to_contain_text(TAB)
        expect(page.locator(".md-select__list")).to_contain_text(EXTRA, use_inner_text=True)
        expect(page.locator(".md-source__repository").first).to_contain_text(REPOSITORY)
    page.goto(served + "format/")
    # Material's base.html writes the front matter's title; the user's main.html, page.title
    # (which the nav's title gives): either as text, in one <title>
    assert page.title().startswith((META + " - ", "The annotation format - ")), page.title()
    assert page.evaluate("document.head.querySelectorAll('title').length") == 1
    assert page.locator("meta[name=description]").get_attribute("content") == DESCRIPTION
    assert page.locator("[onerror]").count() == 0
    assert dialogs == []
    page.close()


@pytest.mark.parametrize(
    "name, text, message",
    [
        (
            "base.html",
            (Path(material.__file__).parent / "templates" / "base.html").read_text("utf-8"),
            "overrides/base.html replaces the base.html that holds the briefing's search scripts",
        ),
        (
            "main.html",
            '{% extends "base.html" %}\n{% block scripts %}{% endblock %}\n',
            "overrides/main.html overrides the scripts block without {{ super() }}",
        ),
    ],
)
def test_a_custom_dir_that_leaves_out_the_search_is_refused(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    root = copy_project(REPO, tmp_path / "project")
    with_seeds(root, FIXTURES / "minimal" / "seeds")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        config.replace("theme:\n", "theme:\n  custom_dir: overrides\n"), encoding="utf-8"
    )
    line = config.splitlines().index("theme:") + 2
    (root / "overrides").mkdir()
    (root / "overrides" / name).write_text(text, encoding="utf-8")
    docs = snapshot(root / "docs")
    result = run_in_process(root, "build")
    assert result.code == 1
    assert f"mkdocs.yml:{line}:15: {message}" in result.err, result.err
    assert "Traceback" not in result.err
    assert snapshot(root / "site") == {}
    assert snapshot(root / "docs") == docs  # found by the check: nothing written


def test_a_theme_other_than_material_is_refused_by_the_check(tmp_path: Path) -> None:
    root = copy_project(REPO, tmp_path / "project")
    with_seeds(root, FIXTURES / "minimal" / "seeds")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config.replace("  name: material", "  name: mkdocs"), "utf-8")
    line = config.splitlines().index("  name: material") + 1
    result = run_in_process(root, "check")
    assert result.code == 1
    assert (
        f"mkdocs.yml:{line}:9: the theme 'mkdocs' leaves out the briefing's search scripts"
    ) in result.err, result.err
