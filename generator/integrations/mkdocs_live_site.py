"""A site that MkDocs built once and keeps in memory, with its configuration, files, navigation
and theme, so that after an edit only the pages whose Markdown changed are rendered again (the
preview, ``mkdocs_preview``, serves it).

A refresh regenerates the Markdown (the incremental pipeline, through the hook's
``on_pre_build``), then MkDocs renders the pages whose files changed, writes the new ones,
deletes the removed ones, and the search's index of changes (``search.index_changes``) covers
what its first index no longer says. The navigation's titles, which every page shows, changing,
every page is rendered again. The long listings (the claims, the timeline) come last, after the
browsers reloaded: MkDocs takes seconds over them at 10,000 records, and until they are done a
request for one waits and the search leaves them out.

This drives MkDocs 1.6's own build steps (``mkdocs.commands.build``), which the project pins
below 2.
"""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

from mkdocs.commands import build as steps
from mkdocs.config import load_config
from mkdocs.structure.files import File, set_exclusions
from mkdocs.structure.nav import get_navigation
from mkdocs.structure.pages import Page

from generator import search
from generator.integrations import mkdocs_theme

# Bytes of Markdown from which a page is a long listing (the claims, the timeline), rendered after
# the rest: MkDocs converts such a page in a second or more at 10,000 records, a record's in ms
LONG = 200_000
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
        self._later: list[File] = []  # the long listings of the last refresh, not yet rendered
        self.pending: set[str] = set()  # their addresses
        self._waiting = threading.Condition()
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
        """Regenerate and render what changed, but the long listings, which ``finish`` renders
        after; False when nothing changed. Until then a request for one of those waits
        (``wait_for``), and the search leaves them out: nothing out of date is shown."""
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
        long = [file for file in pages if os.path.getsize(file.abs_src_path) > LONG]
        self._render_changed([file for file in pages if file not in long])
        present = self.files.src_uris
        unfinished = [file for file in self._later if file.src_uri in present]
        later = long + [file for file in unfinished if file not in long]
        if len(self.files) != known or removed:
            self._theme_pages()  # the sitemap lists every page
        self.changed_since_built.update(file.url for file in pages)
        self.changed_since_built.update(url for url in gone if url is not None)
        with self._waiting:
            self._later, self.pending = later, {file.url for file in later}
        self._index_changes()
        return True

    def finish(self, stop: threading.Event | None = None) -> None:
        """Render the long listings the last refresh left, and let the requests for them go.
        ``stop`` set, the ones not begun are left to the next refresh, still pending."""
        try:
            while self._later and not (stop and stop.is_set()):
                self._render_changed(self._later[:1])
                with self._waiting:
                    self.pending.discard(self._later.pop(0).url)
                    self._waiting.notify_all()
        except BaseException:  # told by the caller; no request waits for them any more
            self.release()
            raise
        self._index_changes()

    def release(self) -> None:
        """Let every request waiting for a long listing go, rendered or not."""
        with self._waiting:
            self._later, self.pending = [], set()
            self._waiting.notify_all()

    def wait_for(self, address: str) -> None:
        """Until the page at ``address`` (a path on the server) is rendered, if it is pending."""
        page = address.lstrip("/").removesuffix("index.html")
        with self._waiting:
            self._waiting.wait_for(lambda: page not in self.pending, timeout=120)

    def _render_changed(self, pages: list[File]) -> None:
        for file in pages:
            steps._populate_page(file.page, self.config, self.files)
        if self._nav_titles() != self.titles:  # every page shows them: all pages again
            self.titles = self._nav_titles()
            pages = self.files.documentation_pages()
            self.changed_since_built.update(file.url for file in pages)
        self._render(pages)

    def _index_changes(self) -> None:
        changed = sorted(self.changed_since_built)
        search.index_changes(
            self.site, changed, [url for url in changed if url not in self.pending]
        )

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
        themes.append(config_file.parent / mkdocs_theme.LAYER)  # the hook puts it in every theme
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
