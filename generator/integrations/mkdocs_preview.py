"""The preview (``python -m generator serve``): a site that MkDocs built once and keeps in memory,
with its configuration, files, navigation and theme, so that after an edit only the pages whose
Markdown changed are rendered again.

``mkdocs serve`` rebuilds every page after each save, a minute at 10,000 records. Here a save
regenerates the Markdown (the incremental pipeline, through the hook's ``on_pre_build``), then
MkDocs renders the pages whose files changed, writes the new ones, deletes the removed ones, and
the search's index of changes (``search.index_changes``) covers what its first index no longer
says. What every page shows of the others (the navigation's titles) changing, or the
configuration or the theme's templates changing, the site is built again in full.

This drives MkDocs 1.6's own build steps (``mkdocs.commands.build``), which the project pins
below 2; ``LiveReloadServer`` serves the pages and reloads the browsers.
"""

from __future__ import annotations

import gc
import logging
import os
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

import watchdog.events
import watchdog.observers
from mkdocs.commands import build as steps
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, set_exclusions
from mkdocs.structure.nav import get_navigation
from mkdocs.structure.pages import Page

from generator import search
from generator.writing import MANIFEST, generated_path

log = logging.getLogger("mkdocs.briefing")
Stamp = tuple[int, int]  # a file's modification time and size: changed when either does


def _stamps(folder: Path) -> dict[str, Stamp]:
    """Every file under ``folder``, by its path from there (as MkDocs names them)."""
    found: dict[str, Stamp] = {}
    for directory, _, names in os.walk(folder, followlinks=True):
        relative = os.path.relpath(directory, folder)
        for name in names:
            stat = os.stat(os.path.join(directory, name))
            path = name if relative == "." else f"{relative}/{name}".replace(os.sep, "/")
            found[path] = (stat.st_mtime_ns, stat.st_size)
    return found


class LiveSite:
    """One configuration's site: built in full once, then refreshed page by page."""

    def __init__(self, config_file: Path, site_dir: Path, serve_url: str) -> None:
        config = load_config(config_file=str(config_file), site_dir=str(site_dir))
        config.site_url = serve_url
        config.extra["briefing_preview"] = True  # the search reads the index of changes too
        config.plugins.on_startup(command="serve", dirty=False)
        self.config = config.plugins.on_config(config)
        self.docs = Path(self.config.docs_dir)
        self.site = site_dir
        self.changed_since_built: set[str] = set()  # the pages' addresses, for the search
        self._build()

    # The whole site: MkDocs' build, its objects kept

    def _build(self) -> None:
        config = self.config
        config.plugins.on_pre_build(config=config)  # the hook generates the Markdown
        self.stamps = _stamps(self.docs)
        shutil.rmtree(self.site, ignore_errors=True)
        files = steps.get_files(config)
        self.env = config.theme.get_env()
        files.add_files_from_theme(self.env, config)
        self.files = config.plugins.on_files(files, config=config)
        set_exclusions(self.files, config)
        self.nav = config.plugins.on_nav(
            get_navigation(self.files, config), config=config, files=self.files
        )
        for file in self.files.documentation_pages():
            if file.page is None:
                Page(None, file, config)
            steps._populate_page(file.page, config, self.files)
        self.env = config.plugins.on_env(self.env, config=config, files=self.files)
        self.files.copy_static_files()
        self._theme_pages()
        self._render(self.files.documentation_pages())
        config.plugins.on_post_build(config=config)  # the hook indexes the pages for the search
        self.titles = self._nav_titles()
        self.changed_since_built.clear()

    def _theme_pages(self) -> None:
        for template in self.config.theme.static_templates:  # 404.html, sitemap.xml
            steps._build_theme_template(template, self.env, self.files, self.config, self.nav)

    def _render(self, files: list[File]) -> None:
        pages = self.files.documentation_pages()
        for file in files:
            steps._build_page(file.page, self.config, pages, self.nav, self.env)
        anchors = self.config.validation.links.anchors
        for file in files:
            file.page.validate_anchor_links(files=self.files, log_level=anchors)

    def _nav_titles(self) -> list[tuple[str | None, str]]:
        return [(page.title, page.url) for page in self.nav.pages]

    # After an edit

    def refresh(self) -> bool:
        """Regenerate and render what changed; False when nothing did."""
        self.config.plugins.on_pre_build(config=self.config)
        now = _stamps(self.docs)
        changed = [path for path, stamp in now.items() if self.stamps.get(path) != stamp]
        removed = [path for path in self.stamps if path not in now]
        self.stamps = now
        if not changed and not removed:
            return False
        known = len(self.files)
        pages = [file for file in map(self._updated, changed) if file is not None]
        gone = [self._removed(path) for path in removed]
        for file in pages:
            steps._populate_page(file.page, self.config, self.files)
        if self._nav_titles() != self.titles:  # every page shows them: all pages again
            self.titles = self._nav_titles()
            pages = self.files.documentation_pages()
        self._render(pages)
        if len(self.files) != known or removed:
            self._theme_pages()  # the sitemap lists every page
        self.changed_since_built.update(file.url for file in pages)
        self.changed_since_built.update(url for url in gone if url is not None)
        search.index_changes(self.site, sorted(self.changed_since_built))
        return True

    def _updated(self, path: str) -> File | None:
        """The page at ``path``, new or changed, ready to render; a static file is copied."""
        file = self.files.get_file_from_path(path)
        if file is None:
            file = File(path, str(self.docs), str(self.site), self.config.use_directory_urls)
            set_exclusions([file], self.config)
            if file.inclusion.is_excluded():
                return None
            self.files.append(file)
        if not file.is_documentation_page():
            file.copy_file()
            return None
        if file.page is None:
            Page(None, file, self.config)
        return file

    def _removed(self, path: str) -> str | None:
        file = self.files.get_file_from_path(path)
        if file is None:
            return None
        self.files.remove(file)
        output = Path(file.abs_dest_path)
        output.unlink(missing_ok=True)
        if output.parent != self.site and not any(output.parent.iterdir()):
            output.parent.rmdir()
        return file.url if file.is_documentation_page() else None


class Watched:
    """What a refresh cannot follow page by page: the configuration and the theme's files."""

    def __init__(self, config_file: Path, site: LiveSite) -> None:
        themes = [Path(folder) for folder in site.config.theme.dirs]
        self.folders = [folder for folder in themes if folder.is_relative_to(config_file.parent)]
        self.config_file = config_file
        self.seen = self._now()

    def _now(self) -> dict[str, Stamp]:
        stamps = {"": (self.config_file.stat().st_mtime_ns, self.config_file.stat().st_size)}
        for folder in self.folders:
            stamps.update({f"{folder}/{path}": s for path, s in _stamps(folder).items()})
        return stamps

    def changed(self) -> bool:
        now = self._now()
        changed, self.seen = now != self.seen, now
        return changed


def serve(root: Path, address: str) -> None:
    """Build the site into a temporary folder, serve it on ``address``, and refresh it after
    every save under the folders mkdocs.yml watches, ``docs/`` and mkdocs.yml itself."""
    _print_mkdocs_log()
    config_file = root / "mkdocs.yml"
    host, _, port = address.rpartition(":")
    url = f"http://{host}:{port}/"
    folder = Path(tempfile.mkdtemp(prefix="briefing-preview-"))
    site_dir = folder / "site"
    try:
        site = LiveSite(config_file, site_dir, url)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    gc.freeze()  # the built site's objects, kept for good: the collector need not look them over
    try:
        watched = Watched(config_file, site)

        def builder() -> None:
            nonlocal site
            started = time.monotonic()
            gc.disable()  # the collector looking over a refresh's millions of objects: a third of it
            try:
                if watched.changed():
                    log.info("briefing: the configuration or the theme changed: building it all")
                    gc.unfreeze()  # the old site's objects go
                    site = LiveSite(config_file, site_dir, url)
                    gc.collect()
                    gc.freeze()
                elif not site.refresh():
                    server.keep_pages()
                    return
            except Exception:  # MkDocs or a bug of ours: told in full, and the server lives on
                print(
                    f"{traceback.format_exc()}The preview could not refresh (the lines above "
                    "say why). Still serving the last good pages.",
                    file=sys.stderr,
                )
                server.keep_pages()
                return
            finally:
                gc.enable()
            log.info("briefing: refreshed in %.2f s", time.monotonic() - started)

        server = _Server(site.docs, builder=builder, host=host, port=int(port), root=str(site_dir))
        server.error_handler = lambda code: _error_page(site_dir, code)
        for path in [site.config.docs_dir, str(config_file), *site.config.watch]:
            server.watch(path)
        try:
            server.serve()
        except KeyboardInterrupt:
            log.info("Shutting down...")
        finally:
            server.shutdown()
    finally:
        site.config.plugins.on_shutdown()
        shutil.rmtree(folder, ignore_errors=True)


class _Server(LiveReloadServer):
    """MkDocs' server, which reloads the browsers after every build; a refresh that found
    nothing changed (the generator's own writes to ``docs/`` are seen as a save) keeps them.
    Saves are seen through the system's notifications (inotify, FSEvents...) where MkDocs
    polls every file twice a second: at 10,000 records that is 20,000 files a poll, and a save
    waited a quarter of a second on average to be seen."""

    def __init__(self, docs: Path, **options) -> None:
        super().__init__(**options)
        self.observer = _Observer(docs)

    def keep_pages(self) -> None:
        with self._epoch_cond:  # MkDocs 1.6: the epoch the browsers reload for, and pages wait on
            self._wanted_epoch = self._visible_epoch


class _Observer(watchdog.observers.Observer):
    """Tells of every change but the generator's own pages in ``docs/``: a refresh writes
    those, and what a refresh wrote is no save to refresh after."""

    def __init__(self, docs: Path) -> None:
        super().__init__()
        self.docs = docs

    def schedule(self, handler, path, recursive=False, **options):
        return super().schedule(
            _Unless(handler, self._generated), path, recursive=recursive, **options
        )

    def _generated(self, path: str) -> bool:
        try:
            inside = Path(path).relative_to(self.docs).as_posix()
        except ValueError:
            return False
        return inside == MANIFEST or generated_path(inside)


class _Unless(watchdog.events.FileSystemEventHandler):
    def __init__(self, handler, ignored) -> None:
        self.handler, self.ignored = handler, ignored

    def dispatch(self, event) -> None:
        if not self.ignored(os.fsdecode(event.src_path)):
            self.handler.dispatch(event)


def _print_mkdocs_log() -> None:
    """What ``mkdocs serve`` prints: where it serves, what it rebuilt, and its warnings."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-8s -  %(message)s"))
    logging.getLogger("mkdocs").addHandler(handler)
    logging.getLogger("mkdocs").setLevel(logging.INFO)


def _error_page(site_dir: Path, code: int) -> bytes | None:
    page = site_dir / f"{code}.html"
    return page.read_bytes() if code in (404, 500) and page.is_file() else None
