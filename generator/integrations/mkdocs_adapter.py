"""The one place the preview reaches into MkDocs' private parts, and the versions it knows.

Supported: MkDocs 1.6.x (1.6.1 is the last 1.x release; 2.0 is a rewrite without plugins or
hooks) with Material for MkDocs 9.x, whose search box our worker answers in Material's own,
undocumented protocol (``docs/assets/search-worker.js``; Material 9.8 ends its life in May
2027). Another version found at import is ``UnsupportedMkDocs``: one line from ``serve``.

The preview renders only the pages an edit changed, which MkDocs' public ``build()`` cannot
do: it calls ``build()``'s own steps, private functions of ``mkdocs.commands.build``, in
``build()``'s order, and keeps MkDocs' live-reloading server but tells it when a refresh found
nothing to reload (``ReloadServer``). Each use says what it mirrors in MkDocs 1.6.1's source,
and every plugin event the preview fires goes through here (``fire_*``). What the preview
serves still differs from what ``build`` writes in the ways
``preview_differences.DIFFERENCES`` lists, each with its reason;
``tests/test_preview_parity.py`` holds it to that list.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from generator.problems import BriefingError

SUPPORTED = "MkDocs 1.6.x with Material for MkDocs 9.x"
# Each package's supported releases: what its version starts with, and what pip installs
RELEASES = {
    "mkdocs": ("1.6.", "mkdocs>=1.6.1,<1.7"),
    "mkdocs-material": ("9.", "mkdocs-material>=9.8,<10"),
}


class UnsupportedMkDocs(BriefingError):
    """The installed MkDocs or Material is one whose private parts the preview does not know."""


def _check_versions() -> None:
    for package, (prefix, wanted) in RELEASES.items():
        try:
            version = metadata.version(package)
        except metadata.PackageNotFoundError:
            version = None
        if version is None or not version.startswith(prefix):
            found = (
                f"{package} {version} is installed" if version else f"{package} is not installed"
            )
            raise UnsupportedMkDocs(
                f"the preview supports {SUPPORTED}, and {found}: "
                f"install a supported one in the project's environment (pip install '{wanted}')"
            )


_check_versions()  # before MkDocs' modules are imported: 2.0 has no mkdocs.commands.build

# ruff: noqa: E402 (the imports below come after the check on purpose)
import jinja2
from jinja2 import TemplateSyntaxError
from material.plugins.tags.plugin import TagsPlugin
from mkdocs.commands import build as steps
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import (
    File,
    Files,
    InclusionLevel,
    file_sort_key,
    get_files,
    set_exclusions,
)
from mkdocs.structure.nav import Navigation, get_navigation
from mkdocs.structure.pages import Page

# re-exported for the preview
__all__ = ["File", "Files", "MkDocsException", "Page", "TemplateSyntaxError", "load_config"]


@dataclass
class Built:
    """What ``build()`` works out before it writes a page, kept for the next refresh."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: jinja2.Environment


# The plugins' events that ``mkdocs serve`` fires around its builds (commands/serve.py)


def fire_startup(config: MkDocsConfig) -> None:
    """``on_startup``, once a process: the plugins that have it are the same objects in every
    later configuration (MkDocs keeps them in ``Plugins.plugin_cache``)."""
    config.plugins.on_startup(command="serve", dirty=False)


def fire_serve(config: MkDocsConfig, server: LiveReloadServer, builder: Callable) -> str | None:
    """``on_serve``, once, after the docs and mkdocs.yml are watched and before the folders of
    ``watch:``, each plugin given the server the one before gave back (as
    ``PluginCollection.run_event`` does). The name of the first plugin that gives another
    server back, which the preview cannot refresh through; None if none does."""
    for method in config.plugins.events["serve"]:
        given = method(server, config=config, builder=builder)
        if given is not None and given is not server:
            found = (name for name, plugin in config.plugins.items() if _has(plugin, method))
            return next(found, getattr(method, "__module__", "?"))
    return None


def _has(plugin: object, method: Callable) -> bool:
    return getattr(plugin, "on_serve", None) == method


def fire_pre_build(config: MkDocsConfig) -> None:
    """``on_pre_build``, which a refresh fires as every build does (the hook generates)."""
    config.plugins.on_pre_build(config=config)


def fire_build_error(config: MkDocsConfig, error: Exception) -> None:
    """``on_build_error``, as ``build()`` fires it before the error goes on."""
    config.plugins.on_build_error(error=error)


def fire_shutdown(config: MkDocsConfig) -> None:
    """``on_shutdown``, in the ``finally`` of ``mkdocs serve``: also after a failed first build."""
    config.plugins.on_shutdown()


@contextlib.contextmanager
def warnings_counted() -> Iterator[list[logging.LogRecord]]:
    """The warnings MkDocs logs meanwhile, as ``build()`` counts them for ``strict``."""
    counted: list[logging.LogRecord] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = counted.append
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        yield counted
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)


def build(config: MkDocsConfig, generated: Callable[[], None]) -> Built:
    """The whole site into ``config.site_dir``: ``build()`` of mkdocs/commands/build.py with
    ``serve_url`` None, so drafts are left out as ``mkdocs build`` leaves them, and a failure
    fires ``on_build_error``. ``generated`` is told once ``on_pre_build`` (the hook's
    generation) is done, before MkDocs reads a page. Not here: stopping at ``strict``'s
    warnings (``warnings_counted``: the preview tells) and the clean of ``site_dir`` (the
    caller gives a fresh folder)."""
    try:
        config = config.plugins.on_config(config)
        fire_pre_build(config)  # the hook generates the Markdown
        generated()
        files = get_files(config)
        env = config.theme.get_env()
        files.add_files_from_theme(env, config)
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        nav = config.plugins.on_nav(get_navigation(files, config), config=config, files=files)
        for file in files.documentation_pages():
            if file.page is None and file.inclusion.is_not_in_nav():
                Page(None, file, config)
            populate(file, config, files)
        env = config.plugins.on_env(env, config=config, files=files)
        built = Built(config, files, nav, env)
        files.copy_static_files()
        theme_templates(built)
        extra_templates(built)
        render(files.documentation_pages(), built)
        fire_post_build(config)  # the hook indexes the pages for the search
    except Exception as error:
        fire_build_error(config, error)
        raise
    return built


def fire_post_build(config: MkDocsConfig) -> None:
    """``on_post_build``, after the pages are written (a refresh's too)."""
    config.plugins.on_post_build(config=config)


def populate(file: File, config: MkDocsConfig, files: Files) -> None:
    """Read and convert a page's Markdown: ``build()``'s loop over the pages, calling the
    private ``_populate_page`` (on_pre_page, on_page_markdown, on_page_content)."""
    steps._populate_page(file.page, config, files)


def render(pages: list[File], built: Built) -> None:
    """Write ``pages`` into the site, then check their anchors: ``build()``'s "Building
    markdown pages" loop (the private ``_build_page``) and the ``validate_anchor_links`` after."""
    config, every = built.config, built.files.documentation_pages()
    for file in pages:
        steps._build_page(file.page, config, every, built.nav, built.env)
    anchors = config.validation.links.anchors
    for file in pages:
        file.page.validate_anchor_links(files=built.files, log_level=anchors)


def theme_templates(built: Built) -> None:
    """The theme's templates (404.html, sitemap.xml, which lists every page): ``build()``'s
    loop over ``theme.static_templates``, calling the private ``_build_theme_template``."""
    for name in built.config.theme.static_templates:
        steps._build_theme_template(name, built.env, built.files, built.config, built.nav)


def extra_templates(built: Built) -> None:
    """mkdocs.yml's ``extra_templates``, files of ``docs_dir`` rendered with Jinja over the
    site (written over the copy ``copy_static_files`` made): ``build()``'s loop over them,
    calling the private ``_build_extra_template``."""
    for name in built.config.extra_templates:
        steps._build_extra_template(name, built.files, built.config, built.nav)


# A refresh: the steps of ``build()`` for what changed, and for the pages that gather others


def excluded(file: File, config: MkDocsConfig) -> bool:
    """Whether ``mkdocs build`` leaves ``file`` out (``exclude_docs``, ``draft_docs``), its
    inclusion worked out as ``get_files`` does."""
    if file.inclusion is InclusionLevel.UNDEFINED:
        set_exclusions([file], config)
    return file.inclusion.is_excluded()


def added(file: File, built: Built) -> None:
    """``file``, new in ``docs_dir``, where ``get_files`` puts it (``file_sort_key``: its order
    is the sitemap's and the tags'), before the theme's files; a new page that neither the nav
    nor ``not_in_nav`` names is warned of as ``get_navigation`` warns of it."""
    docs = [f for f in built.files if not f.generated_by and _in(f, built.config.docs_dir)]
    later = [f for f in built.files if f not in docs or file_sort_key(f) > file_sort_key(file)]
    for moved in later:
        built.files.remove(moved)
    built.files.append(file)
    for moved in later:
        built.files.append(moved)
    if file.is_documentation_page() and file.inclusion.is_in_nav():
        level = built.config.validation.nav.omitted_files
        logging.getLogger("mkdocs.structure.nav").log(
            level,
            'The following pages exist in the docs directory, but are not included in the "nav" '
            f"configuration:\n  - {file.src_path}",
        )


def _in(file: File, folder: str) -> bool:
    return file.abs_src_path is not None and Path(file.abs_src_path).is_relative_to(folder)


def regather(built: Built) -> list[File]:
    """What ``build()`` does between reading the pages and writing them, again after a refresh
    read the changed ones: ``on_files``, ``on_nav`` and ``on_env``, and the pages that gather
    others made anew. Those are Material's tags listings (the topics page; ``tags.json``, which
    its ``on_env`` writes), whose plugin keeps what every page's tags were: it starts afresh
    (its ``on_config``, as each build starts it), is given every page's tags in the files'
    order, and its listing pages are read again. Returns those pages, to render."""
    config = built.config
    built.files = config.plugins.on_files(built.files, config=config)
    set_exclusions(built.files, config)
    built.nav = config.plugins.on_nav(built.nav, config=config, files=built.files)
    gathering: set[str] = set()
    pages = built.files.documentation_pages()
    for plugin in (p for p in config.plugins.values() if isinstance(p, TagsPlugin)):
        gathering.update(each.page.file.src_uri for each in plugin.listings or [])
        plugin.on_config(config)
        for file in pages:
            if file.page is not None and file.page.markdown is not None and plugin.filter(file):
                plugin.mappings.add(file.page, file.page.markdown)
    listing = [file for file in pages if file.src_uri in gathering]  # in the files' order
    for file in listing:
        populate(file, config, built.files)
    built.env = config.plugins.on_env(built.env, config=config, files=built.files)
    return listing


class ReloadServer(LiveReloadServer):
    """MkDocs' live-reloading server (mkdocs/livereload/__init__.py), told what its public
    part cannot say: where the site is and where it is served, a refresh that found nothing to
    reload, a watched folder made again, an observer of ours, and what to do before a
    request."""

    def __init__(self, observer, before_request: Callable[[str], None], **options) -> None:
        super().__init__(**options)
        # MkDocs makes its PollingObserver in __init__ and starts self.observer in serve()
        self.observer = observer
        self.before_request = before_request

    def serve_from(self, root: str) -> None:
        """Serve the files of ``root`` from now on (``__init__``'s ``root``, kept as ``root``)."""
        self.root = os.path.abspath(root)

    def serve_at(self, url: str) -> None:
        """The address the server says it serves at (``url``, which ``_serve_url`` writes
        without an IPv6 address's brackets)."""
        self.url = url

    def watch_parent(self, folder: str, handler) -> None:
        """Tell ``handler`` what happens in ``folder`` itself, not below (a watched folder made
        again there): scheduled on the server's observer, started and stopped with it."""
        self.observer.schedule(handler, folder, recursive=False)

    def serve_request(self, environ, start_response):
        """``before_request`` told the path first (a page still rendering: it waits)."""
        self.before_request(environ.get("PATH_INFO", "/"))
        return super().serve_request(environ, start_response)

    def keep_pages(self) -> None:
        """The browsers keep their pages: the epoch a build began (``_wanted_epoch``, set by
        ``_build_loop``) goes back to the one they show (``_visible_epoch``), under the
        condition ``_serve_request`` waits on (``_epoch_cond``)."""
        with self._epoch_cond:
            self._wanted_epoch = self._visible_epoch

    def watch_afresh(self, path: str) -> None:
        """Watch ``path`` again (the folder was made again: its old watch ended with it) and
        rebuild, if it was watched. ``watch`` only counts a path it knows
        (``_watched_paths``), so its old watch (``_watch_refs``) goes first; the rebuild is
        asked as ``watch``'s own callback asks it (``_want_rebuild`` under ``_rebuild_cond``)."""
        if path not in self._watched_paths:
            return
        old = self._watch_refs.pop(path, None)
        if old is not None:
            self.observer.unschedule(old)
        del self._watched_paths[path]
        LiveReloadServer.watch(self, path)
        with self._rebuild_cond:
            self._want_rebuild = True
            self._rebuild_cond.notify_all()
