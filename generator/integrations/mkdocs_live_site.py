"""A site that MkDocs built once and keeps in memory, with its configuration, files, navigation
and theme, so that after an edit only the pages whose Markdown changed are rendered again (the
preview, ``mkdocs_preview``, serves it).

A refresh regenerates the Markdown (the incremental pipeline, through the hook's
``on_pre_build``), then MkDocs renders the pages whose files changed, writes the new ones,
deletes the removed ones, fires the events ``build()`` fires between and after (``on_files``,
``on_nav``, ``on_env``, ``on_post_build``), renders the pages that gather others again (the
tags' listings of what changed), the theme's templates when the pages or the nav changed (the
sitemap, 404.html), and the search's index of changes (``search.index_changes``) covers what
its first index no longer says. The navigation's titles, which every page shows, changing,
every page is rendered again. The long listings (the claims, the timeline) come last, after the
browsers reloaded: MkDocs takes seconds over them at 10,000 records, and until they are done a
request for one waits and the search leaves them out.

It drives MkDocs' own build steps through ``mkdocs_adapter``, the one package that knows
MkDocs' private parts and the versions it supports.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import threading
from pathlib import Path

from generator import search
from generator.integrations import mkdocs_adapter as mkdocs
from generator.integrations import mkdocs_theme
from generator.integrations.mkdocs_adapter import File, Page

# Bytes of Markdown from which a page is a long listing (the claims, the timeline), rendered after
# the rest: MkDocs converts such a page in a second or more at 10,000 records, a record's in ms
LONG = 200_000
Stamp = tuple[int, int]  # a file's modification time and size: changed when either does
STRICT = (
    "strict: build would stop at {count} warning(s) (above), as mkdocs.yml sets strict: true; "
    "the preview shows these pages anyway, for you to mend what the warnings say"
)


def _stamps(folder: Path) -> dict[str, Stamp]:
    """Every file under ``folder``, through symlinked folders too, by its path from there (as
    MkDocs names them). The folder entries' own paths and stats: at 10,000 records os.walk and
    a path joined for each file took a third longer."""
    found: dict[str, Stamp] = {}
    pending = [("", str(folder))]
    while pending:
        prefix, directory = pending.pop()
        try:
            entries = list(os.scandir(directory))
        except OSError:  # gone meanwhile, or unreadable: as os.walk, left out
            continue
        for entry in entries:
            try:
                if entry.is_dir():
                    pending.append((f"{prefix}{entry.name}/", entry.path))
                    continue
                stat = entry.stat()
            except OSError:  # removed meanwhile, or a link to nothing
                continue
            found[prefix + entry.name] = (stat.st_mtime_ns, stat.st_size)
    return found


class LiveSite:
    """One configuration's site: built in full once, then refreshed page by page."""

    def __init__(self, config_file: Path, site_dir: Path, serve_url: str, first: bool = True):
        """Built in full into ``site_dir``. The ``first`` site of a process fires the plugins'
        ``on_startup``; a later one, after mkdocs.yml or the theme changed, does not, as
        ``mkdocs serve`` fires it once (the plugins with it are the same objects throughout)."""
        config = mkdocs.load_config(config_file=str(config_file), site_dir=str(site_dir))
        if first:
            mkdocs.fire_startup(config)
        if config.site_url:  # the pages are served here (without one, none names an address)
            config.site_url = serve_url
        config.extra["briefing_preview"] = True  # the search reads the index of changes too
        self.docs = Path(config.docs_dir)
        self.site = site_dir
        self.changed_since_built: set[str] = set()  # the pages' addresses, for the search
        self._later: list[File] = []  # the long listings of the last refresh, not yet rendered
        self.pending: set[str] = set()  # their addresses
        self._waiting = threading.Condition()
        shutil.rmtree(self.site, ignore_errors=True)
        try:
            with mkdocs.warnings_counted() as warnings:
                self.built = mkdocs.build(config, generated=self._stamp)
        except BaseException:
            if first:  # mkdocs serve fires it in a finally, its first build failed or not
                mkdocs.fire_shutdown(config)
            raise
        self.config = self.built.config
        self.titles = self._nav_titles()
        self.listed = self._listed()
        self._told(warnings)

    @property
    def files(self) -> mkdocs.Files:
        return self.built.files

    def _told(self, warnings: list[logging.LogRecord]) -> None:
        if self.config.strict and warnings:
            print(STRICT.format(count=len(warnings)), file=sys.stderr, flush=True)

    def _stamp(self) -> None:
        """The pages as the hook generated them, before MkDocs reads them: a later save is a
        change for the next refresh."""
        self.stamps = _stamps(self.docs)

    def _nav_titles(self) -> list[tuple[str | None, str]]:
        return [(page.title, page.url) for page in self.built.nav.pages]

    def _listed(self) -> tuple[list, list[str]]:
        """What the theme's templates show of the site: the nav's titles, and every page."""
        return self._nav_titles(), [file.url for file in self.files.documentation_pages()]

    # After an edit

    def refresh(self) -> bool:
        """Regenerate and render what changed, but the long listings, which ``finish`` renders
        after; False when nothing changed. Until then a request for one of those waits
        (``wait_for``), and the search leaves them out: nothing out of date is shown."""
        try:
            return self._refresh()
        except Exception as error:
            mkdocs.fire_build_error(self.config, error)
            raise

    def _refresh(self) -> bool:
        mkdocs.fire_pre_build(self.config)
        now = _stamps(self.docs)
        changed = [path for path, stamp in now.items() if self.stamps.get(path) != stamp]
        removed = [path for path in self.stamps if path not in now]
        self.stamps = now
        if not changed and not removed:
            return False
        with mkdocs.warnings_counted() as warnings:
            pages = [file for file in map(self._updated, changed) if file is not None]
            gone = [self._removed(path) for path in removed]
            long = [file for file in pages if os.path.getsize(file.abs_src_path) > LONG]
            self._render_changed([file for file in pages if file not in long], regather=True)
            listed = self._listed()
            if listed != self.listed:  # the sitemap lists every page, 404.html shows the nav
                self.listed = listed
                mkdocs.theme_templates(self.built)
            mkdocs.extra_templates(self.built)  # they may show anything; a changed one was copied
            mkdocs.fire_post_build(self.config)
        self._told(warnings)
        present = self.files.src_uris
        unfinished = [file for file in self._later if file.src_uri in present]
        later = long + [file for file in unfinished if file not in long]
        self.changed_since_built.update(file.url for file in pages)
        self.changed_since_built.update(url for url in gone if url is not None)
        with self._waiting:
            self._later, self.pending = later, {file.url for file in later}
        self._index_changes()
        return True

    def finish(self, stop: threading.Event | None = None) -> None:
        """Render the long listings the last refresh left, and let the requests for them go.
        ``stop`` set, the ones not begun are left to the next refresh, still pending. Their own
        tags (no generated listing has any) reach the topics page at the next refresh."""
        try:
            while self._later and not (stop and stop.is_set()):
                self._render_changed(self._later[:1])
                with self._waiting:
                    self.pending.discard(self._later.pop(0).url)
                    self._waiting.notify_all()
        except BaseException as error:  # told by the caller; no request waits for them any more
            self.release()
            if isinstance(error, Exception):
                mkdocs.fire_build_error(self.config, error)
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

    def _render_changed(self, pages: list[File], regather: bool = False) -> None:
        """Read and render ``pages``; ``regather``ed, the pages that gather others too."""
        before = mkdocs.read_again(pages, self.built)
        if regather:
            gathering = mkdocs.regather(self.built, pages, before)
            self.changed_since_built.update(file.url for file in gathering)
            pages = pages + [file for file in gathering if file not in pages]
        if self._nav_titles() != self.titles:  # every page shows them: all pages again
            self.titles = self._nav_titles()
            pages = self.files.documentation_pages()
            self.changed_since_built.update(file.url for file in pages)
        mkdocs.render(pages, self.built)

    def _index_changes(self) -> None:
        changed = sorted(self.changed_since_built)
        search.index_changes(
            self.site, changed, [url for url in changed if url not in self.pending]
        )

    def _updated(self, path: str) -> File | None:
        """The page at ``path``, new or changed, ready to render; a static file is copied.
        What ``mkdocs build`` leaves out (a draft, an excluded file) stays out."""
        file = self.files.get_file_from_path(path)
        if file is None:
            file = File(path, str(self.docs), str(self.site), self.config.use_directory_urls)
            if mkdocs.excluded(file, self.config):
                return None
            mkdocs.added(file, self.built)
        elif file.inclusion.is_excluded():
            return None
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
        if mkdocs.excluded(file, self.config):  # never written
            return None
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
