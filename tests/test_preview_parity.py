"""The preview serves what ``build`` writes (issue 29, item 2).

Each fixture briefing is built with ``python -m generator build`` and served with
``python -m generator serve``; every file the build wrote is fetched from the preview and
compared byte for byte, but for the differences ``mkdocs_adapter.DIFFERENCES`` lists with their
reasons. The themed project has what the plain one lacks: a theme ``custom_dir``, an
``extra_templates`` file, a draft page (``draft_docs``) and a ``site_url`` with a path.

The plugins' events fire in the preview as ``mkdocs serve`` fires them (a hook records them),
and an edit after the first build keeps to what ``build`` does: a draft stays out, an extra
template is rendered, not copied.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from browsing import free_port
from projects import HARBOUR, REPO, copy_project, run_cli, with_seeds

from generator.integrations import mkdocs_adapter

SITE_URL = "https://example.org/briefing/"
THEMED = {
    "overrides/main.html": '{% extends "base.html" %}\n'
    "{% block footer %}{{ super() }}"
    '<p class="themed">{{ config.site_name }}</p>{% endblock %}\n',
    "docs/robots.txt": "User-agent: *\n# {{ config.site_name }}: {{ pages | length }} pages\n",
    "docs/drafts/notes.md": "# Notes\n\nNot for the readers yet.\n",
}
THEMED_CONFIG = f"""
site_url: {SITE_URL}
extra_templates:
  - robots.txt
draft_docs: |
  drafts/
"""
# A hook that writes each plugin event the preview fires into events.log, beside mkdocs.yml
RECORDER = """
from pathlib import Path

LOG = Path(__file__).parent / "events.log"


def _record(line):
    with LOG.open("a", encoding="utf-8") as log:
        log.write(line + "\\n")


def on_startup(command, dirty):
    _record(f"startup {command}")


def on_serve(server, config, builder):
    _record("serve")
    return server


def on_build_error(error):
    _record(f"build_error {type(error).__name__}")


def on_shutdown():
    _record("shutdown")
"""


def themed(root: Path) -> Path:
    """``root`` given a custom_dir, an extra template, a draft page and a site_url."""
    for path, text in THEMED.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("theme:\n", "theme:\n  custom_dir: overrides\n", 1)
    (root / "mkdocs.yml").write_text(config + THEMED_CONFIG, encoding="utf-8")
    return root


def recording(root: Path) -> Path:
    """``root`` with a hook that records the plugin events in ``events.log``."""
    (root / "recorder.py").write_text(RECORDER, encoding="utf-8")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    hook = "  - generator/integrations/mkdocs_hook.py\n"
    (root / "mkdocs.yml").write_text(config.replace(hook, hook + "  - recorder.py\n"), "utf-8")
    return root


def fetched(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read()


def wait_for(condition: Callable[[], bool], seconds: float = 90) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return True
        except OSError:
            pass
        time.sleep(0.2)
    return False


class Preview:
    """``python -m generator serve`` on ``root``, at a free port of this machine."""

    def __init__(self, root: Path, log: Path) -> None:
        self.root, self.log = root, log
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        command = [sys.executable, "-m", "generator", "serve", "--root", str(root)]
        command += ["--address", f"127.0.0.1:{self.port}"]
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        with log.open("w") as output:
            self.process = subprocess.Popen(
                command, cwd=REPO, env=env, stdout=output, stderr=output
            )

    def ready(self) -> None:
        assert wait_for(lambda: fetched(self.url + "index.html") != b""), self.told()

    def told(self) -> str:
        return self.log.read_text(encoding="utf-8")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


@pytest.fixture(scope="module")
def plain(built_site: Path, tmp_path_factory) -> Iterator[tuple[Path, Preview]]:
    """The harbour briefing the other tests built, and a preview of it."""
    preview = Preview(built_site, tmp_path_factory.mktemp("plain") / "serve.log")
    try:
        preview.ready()
        yield built_site, preview
    finally:
        preview.stop()


@pytest.fixture(scope="module")
def themed_project(tmp_path_factory) -> Iterator[tuple[Path, Preview]]:
    """The themed harbour briefing built, and a copy of it served meanwhile."""
    folder = tmp_path_factory.mktemp("themed")
    built = themed(with_seeds(copy_project(REPO, folder / "built"), HARBOUR / "seeds"))
    served = shutil.copytree(built, folder / "served", symlinks=True)
    preview = Preview(served, folder / "serve.log")
    try:
        result = run_cli(built, "build")
        assert result.code == 0, result.err
        preview.ready()
        yield built, preview
    finally:
        preview.stop()


def site_url(root: Path) -> str | None:
    return yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8")).get("site_url")


def unlike(root: Path, preview: Preview) -> list[str]:
    """Every file of ``root``'s built site that the preview serves otherwise, with how."""
    where = mkdocs_adapter.Addresses(preview.url, site_url(root))
    site = root / "site"
    found = []
    for file in sorted(p for p in site.rglob("*") if p.is_file()):
        path = file.relative_to(site).as_posix()
        try:
            served = fetched(preview.url + urllib.parse.quote(path))
        except urllib.error.HTTPError as error:
            found.append(f"{path}: not served ({error.code})")
            continue
        served, built = mkdocs_adapter.as_built(path, served, file.read_bytes(), where)
        if served != built:
            lines = difflib.unified_diff(
                built.decode(errors="replace").splitlines(),
                served.decode(errors="replace").splitlines(),
                "built",
                "served",
                n=0,
                lineterm="",
            )
            found.append(f"{path}:\n" + "\n".join(list(lines)[:12]))
    return found


def test_the_preview_serves_what_build_writes(plain) -> None:
    root, preview = plain
    assert unlike(root, preview) == [], preview.told()


def test_a_themed_preview_serves_what_build_writes(themed_project) -> None:
    """A custom_dir, an extra template, a draft and a site_url with a path: still the same."""
    root, preview = themed_project
    site = root / "site"
    assert b'class="themed"' in (site / "index.html").read_bytes()  # the fixture does its part
    assert b"pages" in (site / "robots.txt").read_bytes()
    assert not (site / "drafts").exists()
    assert unlike(root, preview) == [], preview.told()


def test_every_difference_says_why() -> None:
    for difference in mkdocs_adapter.DIFFERENCES:
        assert difference.what and difference.why and difference.paths.pattern


@pytest.fixture
def recorded(tmp_path: Path) -> Iterator[Preview]:
    """A themed harbour briefing with the recording hook, served (nothing built)."""
    root = recording(
        themed(with_seeds(copy_project(REPO, tmp_path / "project"), HARBOUR / "seeds"))
    )
    preview = Preview(root, tmp_path / "serve.log")
    try:
        preview.ready()
        yield preview
    finally:
        preview.stop()


def events(preview: Preview) -> list[str]:
    return (preview.root / "events.log").read_text(encoding="utf-8").splitlines()


def status(url: str) -> int:
    try:
        fetched(url)
    except urllib.error.HTTPError as error:
        return error.code
    return 200


def test_plugin_events_fire_as_mkdocs_serve_fires_them(recorded: Preview) -> None:
    """on_startup and on_serve once a process, a full rebuild (mkdocs.yml changed) included;
    on_build_error when a build fails (a mistake in the theme)."""
    config = recorded.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "# changed\n", encoding="utf-8")
    assert wait_for(lambda: "refreshed in" in recorded.told()), recorded.told()
    assert "building it all" in recorded.told()
    theme = recorded.root / "templates" / "theme" / "base.html"
    text = theme.read_text(encoding="utf-8")
    theme.write_text(text.replace("{% block scripts %}", "{% block scripts %}{% if %}", 1))
    assert wait_for(lambda: "Still serving the last good pages" in recorded.told())
    fired = events(recorded)
    counted = [fired.count(event) for event in ("startup serve", "serve", "shutdown")]
    errors = [event for event in fired if event.startswith("build_error")]
    assert (counted, errors) == ([1, 1, 0], ["build_error TemplateSyntaxError"]), fired


def test_an_edit_keeps_to_what_build_writes(recorded: Preview) -> None:
    """After the first build: an edited draft stays out of the site, as build leaves it out,
    and an edited extra template is rendered, not copied."""
    root, url = recorded.root, recorded.url
    assert status(url + "drafts/notes/") == 404
    (root / "docs" / "drafts" / "notes.md").write_text("# Notes\n\nEdited.\n", "utf-8")
    robots = root / "docs" / "robots.txt"
    robots.write_text(robots.read_text(encoding="utf-8") + "# {{ 'edited' | upper }}\n", "utf-8")
    topics = root / "docs" / "topics.md"
    topics.write_text(topics.read_text(encoding="utf-8") + "\nTopics edited.\n", "utf-8")
    assert wait_for(lambda: b"Topics edited." in fetched(url + "topics/")), recorded.told()
    rendered = fetched(url + "robots.txt")
    assert (b"EDITED" in rendered, b"{{" in rendered, status(url + "drafts/notes/")) == (
        True,
        False,
        404,
    )


@pytest.mark.parametrize("package, version", [("mkdocs", "2.0.0"), ("mkdocs-material", "10.0.0")])
def test_an_unsupported_mkdocs_is_one_line_before_anything_is_generated(
    tmp_path: Path, package: str, version: str
) -> None:
    """The preview rides MkDocs' private parts: another MkDocs or Material than it knows (here
    a distribution's metadata found first on the path) stops ``serve`` with what it supports."""
    found = tmp_path / "found"
    info = found / f"{package.replace('-', '_')}-{version}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {package}\nVersion: {version}\n")
    root = tmp_path / "project"
    root.mkdir()
    command = [sys.executable, "-m", "generator", "serve", "--root", str(root)]
    command += ["--address", str(free_port())]
    env = {**os.environ, "PYTHONPATH": str(found), "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr == (
        f"the preview supports {mkdocs_adapter.SUPPORTED}, and {package} {version} is "
        "installed: install a supported one in the project's environment (pip install "
        f"'{mkdocs_adapter.RELEASES[package][1]}')\n"
    )
    assert result.stdout == ""
    assert list(root.iterdir()) == []  # nothing generated


# MkDocs' private parts the preview uses: functions of mkdocs.commands.build, and attributes of
# its LiveReloadServer
PRIVATE = re.compile(
    r"mkdocs\.commands|_populate_page|_build_page|_build_theme_template|_build_extra_template"
    r"|_wanted_epoch|_visible_epoch|_epoch_cond|_watched_paths|_watch_refs|_rebuild_cond"
    r"|_want_rebuild"
)


def test_only_the_adapter_touches_mkdocs_private_parts() -> None:
    adapter = Path(mkdocs_adapter.__file__)
    touching = [
        f"{path.relative_to(REPO)}:{number}: {line.strip()}"
        for path in sorted((REPO / "generator").rglob("*.py"))
        if path != adapter
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if PRIVATE.search(line)
    ]
    assert touching == []
