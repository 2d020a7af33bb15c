"""The preview serves what ``build`` writes (issue 29, item 2).

Each fixture briefing is built with ``python -m generator build`` and served with
``python -m generator serve``; every file the build wrote or the preview holds (its own output
folder) is fetched from the preview and compared byte for byte, but for the differences
``preview_differences.DIFFERENCES`` lists with their reasons. The themed project has what the
plain one lacks: a theme ``custom_dir``, an ``extra_templates`` file, a draft page
(``draft_docs``) and a ``site_url`` with a path; it is then edited, served and built side by
side (a claim's summary and tags, its summary alone, another's tags removed, a record added
and one removed), and compared again once the preview has settled.

The plugins' events fire in the preview as ``mkdocs serve`` fires them (a hook records them),
and an edit after the first build keeps to what ``build`` does: a draft stays out, an extra
template is rendered, not copied.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from browsing import free_port
from projects import HARBOUR, REPO, copy_project, run_cli, snapshot, wait_for, with_seeds

from generator.integrations import mkdocs_adapter
from generator.integrations.preview_differences import DIFFERENCES, Addresses, as_built

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
    """``root`` given a custom_dir, an extra template, a draft page, a site_url, and the tags
    exported again (tags.json)."""
    for path, text in THEMED.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("theme:\n", "theme:\n  custom_dir: overrides\n", 1)
    assert "      export: false" in config
    config = config.replace("      export: false", "      export: true", 1)
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


class Preview:
    """``python -m generator serve`` on ``root``, at a free port of this machine, its
    temporary folders in ``log``'s folder."""

    def __init__(self, root: Path, log: Path) -> None:
        self.root, self.log = root, log
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        command = [sys.executable, "-m", "generator", "serve", "--root", str(root)]
        command += ["--address", f"127.0.0.1:{self.port}"]
        self.temporary = log.parent / "preview-tmp"
        self.temporary.mkdir(exist_ok=True)
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(self.temporary)}
        env["PYTHONFAULTHANDLER"] = "1"  # SIGABRT writes every thread's stack to the log
        with log.open("w") as output:
            self.process = subprocess.Popen(
                command,
                cwd=REPO,
                env=env,
                stdout=output,
                stderr=output,
                preexec_fn=_hears_ctrl_c,  # noqa: PLW1509 - the tests start no threads of their own
            )

    def ready(self) -> None:
        assert wait_for(lambda: fetched(self.url + "index.html") != b"", 90), self.told()

    def told(self) -> str:
        return self.log.read_text(encoding="utf-8")

    def site(self) -> Path:
        """The folder the preview renders into (one; a full rebuild replaces it)."""
        (found,) = [p for p in self.temporary.glob("briefing-preview-*/site*") if p.is_dir()]
        return found

    def settled(self, refreshes: int) -> None:
        """Until a refresh more than ``refreshes`` is done, its long listings and search too,
        and nothing more is logged for a while (a save seen as two refreshes)."""
        assert wait_for(lambda: self.told().count("refreshed in") > refreshes, 90), self.told()
        quiet = time.monotonic()
        size = len(self.told())
        while time.monotonic() - quiet < 1.5:
            time.sleep(0.1)
            if len(self.told()) != size:
                size, quiet = len(self.told()), time.monotonic()

    def stop(self) -> None:
        """As a user stops it, with Ctrl-C: MkDocs' events at the end fire."""
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:  # what its threads' signals were, where each was
            signals = _signal_state(self.process.pid)
            self.process.send_signal(signal.SIGABRT)  # PYTHONFAULTHANDLER: the stacks to the log
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
            raise AssertionError(
                f"the preview did not stop on Ctrl-C:\n{signals}\n{self.told()}"
            ) from None


def _hears_ctrl_c() -> None:
    """In the preview's process before it starts: Ctrl-C back to its default, as a terminal's
    foreground job has it. A suite started in the background by a shell without job control
    (``nohup make test &``) ignores SIGINT, its processes inherit that, and Python then installs
    no KeyboardInterrupt handler: the preview would never hear the tests' Ctrl-C."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _signal_state(pid: int) -> str:
    """Each thread of ``pid``: its name and signal masks (pending, blocked, ignored, caught)."""
    lines = []
    for status in sorted(Path(f"/proc/{pid}/task").glob("*/status")):
        fields = status.read_text(encoding="utf-8").splitlines()
        lines.append(" ".join(f for f in fields if f.startswith(("Name", "ShdPnd", "Sig"))))
    return "\n".join(lines)


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


def files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def served(preview: Preview, path: str) -> bytes | None:
    try:
        return fetched(preview.url + urllib.parse.quote(path))
    except urllib.error.HTTPError as error:
        assert error.code == 404, path
        return None


class Comparison:
    """The files of a built site and of the preview, compared; ``needed`` notes each
    difference of ``DIFFERENCES`` some file would differ by without it."""

    def __init__(self) -> None:
        self.needed: set[int] = set()

    def unlike(self, root: Path, preview: Preview, edited: bool = False) -> list[str]:
        """Every file of ``root``'s built site or of the preview's folder that the preview
        serves otherwise than the build wrote it, with how."""
        where = Addresses(preview.url, site_url(root), edited)
        site = root / "site"
        found = []
        for path in sorted(files(site) | files(preview.site())):
            written = (site / path).read_bytes() if (site / path).is_file() else None
            shown = served(preview, path)
            alike, how = compared(path, shown, written, where, DIFFERENCES)
            if not alike:
                found.append(how)
                continue
            for number, difference in enumerate(DIFFERENCES):
                others = DIFFERENCES[:number] + DIFFERENCES[number + 1 :]
                if (
                    difference.paths.fullmatch(path)
                    and number not in self.needed
                    and not compared(path, shown, written, where, others)[0]
                ):
                    self.needed.add(number)
        return found


def compared(
    path: str, shown: bytes | None, written: bytes | None, where: Addresses, differences: tuple
) -> tuple[bool, str]:
    """Whether the preview's ``shown`` and the build's ``written`` bytes at ``path`` (None:
    no file) are alike but for ``differences``, and how they differ."""
    shown, built = as_built(path, shown, written, where, differences)
    if shown is None or built is None:
        return shown is built, f"{path}: {'not served' if shown is None else 'not built'}"
    lines = difflib.unified_diff(
        built.decode(errors="replace").splitlines(),
        shown.decode(errors="replace").splitlines(),
        "built",
        "served",
        n=0,
        lineterm="",
    )
    return shown == built, f"{path}:\n" + "\n".join(list(lines)[:12])


def test_the_preview_serves_what_build_writes(plain) -> None:
    root, preview = plain
    assert Comparison().unlike(root, preview) == [], preview.told()


CLAIMS = Path("seeds/annotations/courier-2023-council-backs-dredging.yaml")
JUDGMENTS = Path("seeds/annotations/judgments.yaml")
REMOVED = """  - id: fishermen-court-challenge
    tags: [oysters]
    speaker: local-fishermen
    summary: The fishermen's association will ask a court to halt the dredging.
"""
# Each step's edits (a file, its text, the text in its place), made in the served copy and
# the built one, then compared once the preview settled
EDITS = {
    "a summary and tags": [
        (
            CLAIMS,
            "tags: [shipping]\n    speaker: helen-marsh\n    summary: Without dredging,",
            "tags: [shipping, pilots]\n    speaker: helen-marsh\n    summary: Short of dredging,",
        ),
    ],
    # the pages stay the same ones: only the listings showing the claim are made again
    "a summary alone": [
        (CLAIMS, "summary: Short of dredging,", "summary: Short of any dredging,"),
    ],
    "a claim's tags removed": [
        (CLAIMS, "    tags: [dredging]\n    speaker: tomas-reyes\n", "    speaker: tomas-reyes\n"),
    ],
    "a record added and one removed": [
        (JUDGMENTS, "      - fishermen-court-challenge\n", "      - appeal-by-fishermen\n"),
        (
            CLAIMS,
            REMOVED,
            REMOVED.replace("fishermen-court-challenge", "appeal-by-fishermen")
            .replace("[oysters]", "[courts]")
            .replace("will ask a court", "means to ask a court"),
        ),
    ],
}


def replaced(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert old in text, (file, old)
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_themed_preview_serves_what_build_writes(themed_project) -> None:
    """A custom_dir, an extra template, a draft and a site_url with a path: still the same;
    and after each step of edits, once the preview settled, what build writes of the edited
    project (the tags' topics page and tags.json, which gather every page, included). Every
    difference ``DIFFERENCES`` lists is needed by some file here: a stale one fails."""
    root, preview = themed_project
    site = root / "site"
    assert b'class="themed"' in (site / "index.html").read_bytes()  # the fixture does its part
    assert b"pages" in (site / "robots.txt").read_bytes()
    assert (site / "tags.json").is_file()
    assert not (site / "drafts").exists()
    comparison = Comparison()
    assert comparison.unlike(root, preview) == [], preview.told()
    for step, edits in EDITS.items():
        refreshes = preview.told().count("refreshed in")
        for path, old, new in edits:
            for project in (root, preview.root):
                replaced(project / path, old, new)
        result = run_cli(root, "build")
        assert result.code == 0, result.err
        preview.settled(refreshes)
        assert comparison.unlike(root, preview, edited=True) == [], f"{step}\n{preview.told()}"
    topics = (site / "topics" / "index.html").read_text(encoding="utf-8")
    assert ("pilots" in topics, "courts" in topics, "Short of any dredging" in topics) == (
        True,
        True,
        True,
    )
    stale = [d.what for n, d in enumerate(DIFFERENCES) if n not in comparison.needed]
    assert stale == []


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
    recorded.stop()  # Ctrl-C
    fired = events(recorded)
    counted = [fired.count(event) for event in ("startup serve", "serve", "shutdown")]
    errors = [event for event in fired if event.startswith("build_error")]
    assert (counted, errors, fired[-1]) == (
        [1, 1, 1],
        ["build_error TemplateSyntaxError"],
        "shutdown",
    ), fired


def test_a_failed_first_build_still_fires_shutdown(tmp_path: Path) -> None:
    """mkdocs serve fires on_shutdown in a finally: after a first build that failed too."""
    root = recording(
        themed(with_seeds(copy_project(REPO, tmp_path / "project"), HARBOUR / "seeds"))
    )
    (root / "overrides" / "main.html").write_text('{% extends "base.html" %}\n{% if %}\n')
    result = run_cli(root, "serve", "--address", str(free_port()))
    assert result.code == 1, result.err
    assert result.err.startswith("overrides/main.html:2: ") and "Traceback" not in result.err
    fired = (root / "events.log").read_text(encoding="utf-8").splitlines()
    assert fired == ["startup serve", "build_error TemplateSyntaxError", "shutdown"]


SERVER_OF_ITS_OWN = """
def on_serve(server, config, builder):
    return object()
"""


def test_a_plugin_giving_another_server_is_refused(tmp_path: Path) -> None:
    """A plugin whose on_serve gives MkDocs another server would break every refresh (the
    preview refreshes through its own): refused at the start, in one message."""
    root = with_seeds(copy_project(REPO, tmp_path / "project"), HARBOUR / "seeds")
    (root / "own_server.py").write_text(SERVER_OF_ITS_OWN, encoding="utf-8")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    hook = "  - generator/integrations/mkdocs_hook.py\n"
    (root / "mkdocs.yml").write_text(config.replace(hook, hook + "  - own_server.py\n"), "utf-8")
    result = run_cli(root, "serve", "--address", str(free_port()))
    assert result.code == 1
    assert result.err == (
        "mkdocs.yml: the plugin or hook 'own_server.py' gives MkDocs another server in its on_serve, and "
        "the preview refreshes the pages through its own: leave it out of mkdocs.yml while "
        "previewing, or preview with mkdocs serve\n"
    )


def test_an_edit_keeps_to_what_build_writes(recorded: Preview) -> None:
    """After the first build: an edited draft stays out of the site, as build leaves it out,
    and an edited extra template is rendered, not copied."""
    root, url = recorded.root, recorded.url
    assert status(url + "drafts/notes/") == 404
    (root / "docs" / "drafts" / "notes.md").write_text("# Notes\n\nEdited.\n", "utf-8")
    robots = root / "docs" / "robots.txt"
    robots.write_text(robots.read_text(encoding="utf-8") + "# {{ 'edited' | upper }}\n", "utf-8")
    written = root / "docs" / "format.md"
    written.write_text(written.read_text(encoding="utf-8") + "\nFormat edited.\n", "utf-8")
    assert wait_for(lambda: b"Format edited." in fetched(url + "format/")), recorded.told()
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
    root = copy_project(REPO, tmp_path / "project")  # seeds: generating would write docs/
    before = snapshot(root)
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
    assert snapshot(root) == before  # nothing generated


def test_a_missing_mkdocs_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    def version(package: str) -> str:
        raise mkdocs_adapter.metadata.PackageNotFoundError(package)

    monkeypatch.setattr(mkdocs_adapter.metadata, "version", version)
    with pytest.raises(mkdocs_adapter.UnsupportedMkDocs) as refused:
        mkdocs_adapter._check_versions()
    assert str(refused.value) == (
        f"the preview supports {mkdocs_adapter.SUPPORTED}, and mkdocs is not installed: install "
        f"a supported one in the project's environment (pip install "
        f"'{mkdocs_adapter.RELEASES['mkdocs'][1]}')"
    )


# MkDocs' private parts the preview uses: functions of mkdocs.commands.build, and attributes of
# its LiveReloadServer
PRIVATE = re.compile(
    r"mkdocs\.commands|_populate_page|_build_page|_build_theme_template|_build_extra_template"
    r"|_wanted_epoch|_visible_epoch|_epoch_cond|_watched_paths|_watch_refs|_rebuild_cond"
    r"|_want_rebuild"
)
# And what a module speaking to MkDocs leaves to the adapter too: the server's attributes set
# from outside, its observer, its request handler, and the plugins' events
COUPLING = re.compile(r"\.root\s*=|\.url\s*=|\.observer\b|serve_request|plugins\.on_")


def test_only_the_adapter_touches_mkdocs_private_parts() -> None:
    adapter = Path(mkdocs_adapter.__file__).parent  # the package
    touching = []
    for path in sorted((REPO / "generator").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        speaks = "mkdocs" in text  # imports MkDocs or the adapter (other modules have a .url)
        touching += [
            f"{path.relative_to(REPO)}:{number}: {line.strip()}"
            for number, line in enumerate(text.splitlines(), 1)
            if not path.is_relative_to(adapter)
            and (PRIVATE.search(line) or speaks and COUPLING.search(line))
        ]
    assert touching == []
