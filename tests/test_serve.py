"""Live preview: an edit regenerates the page; a mistake is printed and the last good site stays."""

from __future__ import annotations

import gc
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browsing import Browser, Page, expect
from conftest import REPO
from projects import HARBOUR, copy_project, empty_briefing, run_cli, wait_for, with_seeds

from generator.cli import _PreviewTuning

ANNOTATION = Path("seeds/annotations/courier-2023-council-backs-dredging.yaml")
PAGE = "claims/marsh-ships-will-stop-calling/"


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def preview(root: Path, log: Path) -> Iterator[tuple[Path, str, Path]]:
    """A preview server on the project at ``root``, its output in ``log``, once it serves."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "generator", "serve", "--root", str(root)]
    command += ["--address", f"127.0.0.1:{port}"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("w") as output:
        server = subprocess.Popen(command, cwd=REPO, env=env, stdout=output, stderr=output)
        url = f"http://127.0.0.1:{port}/{PAGE}"
        try:
            assert wait_for(lambda: "largest ships" in fetch(url)), log.read_text()
            yield root, url, log
        finally:
            server.terminate()
            server.wait(timeout=20)


@pytest.fixture
def served(harbour_project: Path, tmp_path: Path) -> Iterator[tuple[Path, str, Path]]:
    """A preview server on a fresh copy of the harbour project, nothing generated yet."""
    yield from preview(harbour_project, tmp_path / "serve.log")


class LogSince:
    """A log from where it ended when this was made: what one test's edits made it print."""

    def __init__(self, path: Path) -> None:
        self.path, self.start = path, path.stat().st_size

    def read_text(self) -> str:
        with self.path.open("rb") as log:
            log.seek(self.start)
            return log.read().decode("utf-8", "replace")


@pytest.fixture(scope="module")
def one_preview(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str, Path]]:
    folder = tmp_path_factory.mktemp("preview")
    root = with_seeds(copy_project(REPO, folder / "project"), HARBOUR / "seeds")
    yield from preview(root, folder / "serve.log")


@pytest.fixture
def shared(one_preview) -> tuple[Path, str, LogSince]:
    """One preview of one harbour project for the tests whose edits do not interfere: each
    edits the theme or adds a page to docs/, or puts back the seeds it edited (the page shows
    the fixture's words again); each reads only what the preview printed since it began, and
    each ends once the preview serves its last edit, so the next begins on a preview at rest."""
    root, url, log = one_preview
    return root, url, LogSince(log)


ORIGINAL = "Without dredging, the largest ships would stop"  # the claim's summary, as seeded


def test_an_edit_regenerates_and_a_mistake_keeps_the_last_good_pages(shared) -> None:
    root, url, log = shared
    annotation = root / ANNOTATION
    text = annotation.read_text(encoding="utf-8")
    edited = text.replace(
        "Without dredging, the largest ships would stop", "EDITED, the largest ships would stop"
    )
    assert edited != text
    annotation.write_text(edited, encoding="utf-8")
    assert wait_for(lambda: "EDITED, the largest ships" in fetch(url)), log.read_text()

    broken = edited.replace("the largest ships will stop calling", "the biggest ships will stop")
    assert broken != edited
    annotation.write_text(broken.replace("EDITED, the", "AGAIN, the"), encoding="utf-8")
    assert wait_for(lambda: "Still serving the last good pages" in log.read_text()), log.read_text()

    assert "quote not found in source 'courier-2023-council-backs-dredging'" in log.read_text()
    assert "EDITED, the largest ships" in fetch(url)  # the last good page, still served
    annotation.write_text(text, encoding="utf-8")  # mended: followed again
    assert wait_for(lambda: ORIGINAL in fetch(url)), log.read_text()


def test_strict_is_told_where_build_would_stop(shared) -> None:
    """mkdocs.yml sets strict: a new page that neither the nav nor not_in_nav names is warned
    of, as build warns of it before it stops, and the preview says build would stop there."""
    root, url, log = shared
    (root / "docs" / "loose.md").write_text("# Loose\n\nIn no nav.\n", encoding="utf-8")
    assert wait_for(lambda: "strict: build would stop" in log.read_text()), log.read_text()
    assert 'not included in the "nav" configuration:\n  - loose.md' in log.read_text()
    assert "In no nav." in fetch(urlsplit(url)._replace(path="/loose/").geturl())  # shown


def test_a_change_to_the_theme_builds_the_site_again(shared) -> None:
    root, url, log = shared
    theme = root / "templates" / "theme" / "base.html"
    text = theme.read_text(encoding="utf-8")
    marked = '{% block scripts %}\n  <meta name="briefing-test" content="retheme">'
    theme.write_text(text.replace("{% block scripts %}", marked, 1), encoding="utf-8")
    assert wait_for(lambda: 'content="retheme"' in fetch(url)), log.read_text()
    assert "building it all" in log.read_text()


def test_a_mistake_in_the_theme_keeps_the_last_good_pages(shared) -> None:
    root, url, log = shared
    theme = root / "templates" / "theme" / "base.html"
    text = theme.read_text(encoding="utf-8")
    theme.write_text(text.replace("{% block scripts %}", "{% block scripts %}{% if %}", 1))
    assert wait_for(lambda: "Still serving the last good pages" in log.read_text())
    assert "largest ships" in fetch(url)  # the last good page, still served
    marked = '{% block scripts %}\n  <meta name="briefing-test" content="mended">'
    theme.write_text(text.replace("{% block scripts %}", marked, 1), encoding="utf-8")
    assert wait_for(lambda: 'content="mended"' in fetch(url)), log.read_text()
    assert "largest ships" in fetch(url)


def test_seeds_removed_and_made_again_are_followed(shared, tmp_path: Path) -> None:
    root, url, log = shared
    seeds, backup = root / "seeds", tmp_path / "seeds-backup"
    shutil.copytree(seeds, backup)
    shutil.rmtree(seeds)
    assert wait_for(lambda: "Still serving the last good pages" in log.read_text())
    annotation = backup / ANNOTATION.relative_to("seeds")
    text = annotation.read_text(encoding="utf-8")
    annotation.write_text(
        text.replace("the largest ships would", "the frigate ships would"), "utf-8"
    )
    shutil.copytree(backup, seeds)  # made again, with an edit
    assert wait_for(lambda: "the frigate ships" in fetch(url)), log.read_text()
    annotation = seeds / ANNOTATION.relative_to("seeds")
    annotation.write_text(text.replace("the largest ships would", "the sloop ships would"), "utf-8")
    assert wait_for(lambda: "the sloop ships" in fetch(url)), log.read_text()  # and after
    annotation.write_text(text, encoding="utf-8")  # as it was
    assert wait_for(lambda: ORIGINAL in fetch(url)), log.read_text()


def rename(root: Path, old: str, new: str) -> None:
    for path in (root / "seeds" / "annotations").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(old, new), encoding="utf-8")


# Counts the search worker's answers (Material's message type 3, a result), so that a test can
# wait for the answer to its own query rather than read the last one's
COUNT_ANSWERS = """
window.__answers = 0;
window.Worker = class extends window.Worker {
  constructor(...args) {
    super(...args);
    this.addEventListener("message", (event) => {
      if (event.data && event.data.type === 3) window.__answers += 1;
    });
  }
};
"""


def searched(page: Page, query: str) -> list[str]:
    """The addresses of the results the site's search box shows for ``query``, once the worker
    has answered it (the page counts its answers: COUNT_ANSWERS) and Material has drawn them."""
    box = page.locator("input.md-search__input")
    box.click()
    answered = page.evaluate("window.__answers")
    box.fill(query)
    box.dispatch_event("keyup")
    page.wait_for_function("n => window.__answers > n", arg=answered, timeout=15_000)
    page.evaluate(
        "new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn)))"
    )
    expect(page.locator(".md-search-result__meta")).to_contain_text("match")
    links = page.locator("li.md-search-result__item > a")
    return [urlsplit(href).path for href in links.evaluate_all("as => as.map(a => a.href)")]


def test_the_open_page_refreshes_and_search_and_removed_pages_follow(
    served, browser: Browser
) -> None:
    """An edit that changes a claim's words and renames another: the page open in the browser
    shows the new words by itself, the search finds the new words and the new page, not the old
    ones, and the old page is gone."""
    root, url, log = served
    page = browser.new_page()
    page.add_init_script(COUNT_ANSWERS)
    page.goto(url)
    annotation = root / ANNOTATION
    text = annotation.read_text(encoding="utf-8")
    annotation.write_text(
        text.replace("the largest ships would stop", "the quinquereme ships would stop"), "utf-8"
    )
    rename(root, "quinn-oyster-catches-halved", "quinn-oyster-catches-fell")
    expect(page.locator(".md-content h1")).to_contain_text(
        "quinquereme", timeout=30_000
    )  # reloaded
    base = urlsplit(url)._replace(path="/").geturl()
    assert wait_for(lambda: "Oyster catches" in fetch(base + "claims/quinn-oyster-catches-fell/"))
    with pytest.raises(urllib.error.HTTPError) as gone:
        fetch(base + "claims/quinn-oyster-catches-halved/")
    assert gone.value.code == 404

    assert "/" + PAGE in searched(page, "quinquereme")
    annotation.write_text(
        text.replace("the largest ships would stop", "the trireme ships"), "utf-8"
    )
    expect(page.locator(".md-content h1")).to_contain_text("trireme", timeout=30_000)
    assert "/" + PAGE in searched(page, "trireme")
    page.reload()
    assert "/" + PAGE not in searched(page, "quinquereme")  # the words it had: found no more
    page.reload()
    found = searched(page, "oyster catches halved")
    assert "/claims/quinn-oyster-catches-fell/" in found
    assert "/claims/quinn-oyster-catches-halved/" not in found
    assert log.read_text().count("refreshed in") >= 1, log.read_text()
    page.close()


def test_a_generator_crash_while_serving_is_told_and_survived(
    monkeypatch, capsys, tmp_path: Path
) -> None:
    """A bug in the generator must not stop the preview: MkDocs keeps serving the last pages.
    A build still fails with the traceback."""
    from types import SimpleNamespace

    from generator import pipeline
    from generator.integrations import mkdocs_hook

    def crash(root: Path) -> None:
        raise RuntimeError("a bug in the generator")

    monkeypatch.delenv(pipeline.GENERATED, raising=False)
    monkeypatch.setattr(pipeline, "generate", crash)
    config = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"))
    monkeypatch.setattr(mkdocs_hook, "_command", "serve")
    mkdocs_hook.on_pre_build(config)
    told = capsys.readouterr().err
    assert "RuntimeError: a bug in the generator" in told
    assert "Still serving the last good pages." in told
    monkeypatch.setattr(mkdocs_hook, "_command", "build")
    with pytest.raises(RuntimeError):
        mkdocs_hook.on_pre_build(config)


def test_a_title_in_the_navigation_changing_renders_the_pages_that_show_it(
    harbour_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pages of a section show its pages (navigation.prune: only the open section's): a
    page in it renamed, a page of the section that no edit touched shows the new name."""
    from generator.integrations.mkdocs_live_site import LiveSite

    monkeypatch.chdir(harbour_project)
    site = LiveSite(harbour_project / "mkdocs.yml", tmp_path / "site", "http://127.0.0.1:1/")
    about = tmp_path / "site" / "about" / "index.html"
    assert "The annotation format" in about.read_text(encoding="utf-8")
    assert not site.refresh()  # nothing changed
    guide = harbour_project / "docs" / "format.md"
    text = guide.read_text(encoding="utf-8")
    guide.write_text(text.replace("# The annotation format", "# How to annotate", 1), "utf-8")
    assert site.refresh()
    assert "How to annotate" in about.read_text(encoding="utf-8")
    assert "about/" in site.changed_since_built  # the search's index of changes has it too


def test_long_listings_come_last_and_are_never_served_out_of_date(
    harbour_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A refresh renders the record's pages first; a listing long enough to take a while is
    rendered after, left out of the search until then, and a request for it waits for it."""
    import threading

    from generator.integrations import mkdocs_live_site
    from generator.integrations.mkdocs_live_site import LiveSite

    monkeypatch.chdir(harbour_project)
    site = LiveSite(harbour_project / "mkdocs.yml", tmp_path / "site", "http://127.0.0.1:1/")
    docs, html = harbour_project / "docs", tmp_path / "site"
    # the claim's page and the claims' index both show its summary: the longer comes last
    sizes = {PAGE: docs / f"{PAGE.rstrip('/')}.md", "claims/": docs / "claims" / "index.md"}
    short, long = sorted(sizes, key=lambda page: sizes[page].stat().st_size)
    middle = sum(path.stat().st_size for path in sizes.values()) // 2
    monkeypatch.setattr(mkdocs_live_site, "LONG", middle)
    annotation = harbour_project / ANNOTATION
    text = annotation.read_text(encoding="utf-8")
    annotation.write_text(
        text.replace("the largest ships would", "the galleon ships would"), "utf-8"
    )

    def shown(page: str) -> bool:
        return "galleon" in (html / page / "index.html").read_text(encoding="utf-8")

    assert site.refresh()
    assert shown(short) and not shown(long)
    assert long in site.pending and short not in site.pending
    listed = json.loads((html / "pagefind-changes" / "changed.json").read_text(encoding="utf-8"))
    assert long in listed["pages"]  # its old entry hidden from the search meanwhile
    served = threading.Event()
    waiting = threading.Thread(target=lambda: (site.wait_for("/" + long), served.set()))
    waiting.start()
    assert not served.wait(0.3)  # held while the listing is out of date
    site.finish()
    waiting.join(5)
    assert served.is_set() and not site.pending and shown(long)


@pytest.fixture
def empty_project(tmp_path: Path) -> Path:
    """The smallest project a preview serves, for the tests whose subject is the address."""
    return empty_briefing(tmp_path / "project", EMPTY, "addresses")


EMPTY = "Served where asked"  # the empty project's title, on its home page


def serve_process(root: Path, address: str, log: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "generator", "serve", "--root", str(root)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("w") as output:
        return subprocess.Popen(
            [*command, "--address", address], cwd=REPO, env=env, stdout=output, stderr=output
        )


def listening_on(port: int) -> list[str]:
    """The local addresses (hex, as Linux lists them) of the sockets listening on ``port``."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            if state == "0A" and int(local.rsplit(":", 1)[1], 16) == port:  # LISTEN
                found.append(local.rsplit(":", 1)[0])
    return found


@pytest.mark.parametrize("form", ["{port}", ":{port}"])
def test_a_port_alone_listens_on_this_machine_only(
    empty_project: Path, tmp_path: Path, form: str
) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = tmp_path / "serve.log"
    server = serve_process(empty_project, form.format(port=port), log)
    try:
        assert wait_for(lambda: EMPTY in fetch(f"http://127.0.0.1:{port}/"))
        assert listening_on(port) == ["0100007F"], log.read_text()  # 127.0.0.1, nothing else
        assert "beyond this machine" not in log.read_text()
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_listening_beyond_this_machine_is_warned_of(empty_project: Path, tmp_path: Path):
    log = tmp_path / "serve.log"
    server = serve_process(empty_project, "0.0.0.0:0", log)  # refused: port 0 is no port
    server.wait(timeout=60)
    assert server.returncode == 1
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = serve_process(empty_project, f"0.0.0.0:{port}", log)
    try:
        assert wait_for(lambda: "beyond this machine" in log.read_text(), 30), log.read_text()
        assert (
            f"warning: serving on http://0.0.0.0:{port}/ reaches beyond this machine: anyone on "
            f"your network can read the briefing (--address {port} keeps it here)"
        ) in log.read_text()
    finally:
        server.terminate()
        server.wait(timeout=20)


@pytest.mark.parametrize(
    "address, message",
    [
        ("127.0.0.1:99999", "'99999' is not a port (1 to 65535)"),
        ("localhost:", "'' is not a port (1 to 65535)"),
        ("::1", "an IPv6 address needs brackets; write [::1]:8000"),
        ("[::1]:x", "'x' is not a port (1 to 65535)"),
        ("in use", "cannot listen there (Address already in use)"),
    ],
)
def test_a_bad_address_is_one_line_before_the_build(
    harbour_project: Path, address: str, message: str
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        if address == "in use":
            address = f"127.0.0.1:{taken.getsockname()[1]}"
        result = run_cli(harbour_project, "serve", "--address", address)
    assert result.code == 1
    assert result.err == f"--address {address!r}: {message}" + result.err.split(message)[1]
    assert result.err.count("\n") == 1, result.err  # one line
    assert result.out == ""  # nothing generated, nothing built
    assert not (harbour_project / "docs" / "claims").exists()


def test_an_ipv6_address_is_served(empty_project: Path, tmp_path: Path) -> None:
    with socket.socket(socket.AF_INET6) as probe:
        probe.bind(("::1", 0))
        port = probe.getsockname()[1]
    log = tmp_path / "serve.log"
    server = serve_process(empty_project, f"[::1]:{port}", log)
    try:
        assert wait_for(lambda: EMPTY in fetch(f"http://[::1]:{port}/"))
        assert f"Serving on http://[::1]:{port}/" in log.read_text()
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_a_theme_refused_at_the_start_is_its_message(harbour_project: Path) -> None:
    """A custom_dir whose base.html leaves out the search's scripts: the preview stops at once
    with the build's located message, no traceback (tests/test_theme_escaping.py)."""
    config = harbour_project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("theme:\n", "theme:\n  custom_dir: overrides\n"), "utf-8")
    (harbour_project / "overrides").mkdir()
    (harbour_project / "overrides" / "base.html").write_text("<html>{{ page.content }}</html>")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "generator", "serve", "--root", str(harbour_project)]
    command += ["--address", str(port)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "mkdocs.yml:" in result.stderr
    assert "the briefing's search scripts" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_collector_stays_off_until_the_browsers_reloaded(monkeypatch) -> None:
    """The preview's process lets the collector on again a while after a refresh, unless
    another refresh began: its first pass over what a refresh made would delay the reload."""
    monkeypatch.setattr(_PreviewTuning, "COLLECT_AFTER", 0.2)
    tuning = _PreviewTuning()
    was = gc.isenabled()
    try:
        with tuning.refreshing():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the browsers are told to reload now
        time.sleep(0.1)
        with tuning.refreshing():  # saved again: the first refresh's timer leaves it off
            time.sleep(0.2)
            assert not gc.isenabled()
        assert wait_for(gc.isenabled, seconds=2)
    finally:
        gc.enable() if was else gc.disable()


def test_the_collector_is_on_once_the_long_listings_are_rendered(monkeypatch) -> None:
    """Edits that come faster than ``COLLECT_AFTER`` still leave the collector a turn."""
    monkeypatch.setattr(_PreviewTuning, "COLLECT_AFTER", 60)
    tuning = _PreviewTuning()
    was = gc.isenabled()
    try:
        with tuning.refreshing():
            pass
        with tuning.rendering_behind():
            assert not gc.isenabled()
        assert gc.isenabled()
    finally:
        gc.enable() if was else gc.disable()
