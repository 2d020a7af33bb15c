"""The one place the preview reaches into MkDocs' private parts, and the versions it knows.

Supported: MkDocs 1.6.x (1.6.1 is the last 1.x release; 2.0 is a rewrite without plugins or
hooks) with Material for MkDocs 9.x, whose search box our worker answers in Material's own,
undocumented protocol (``docs/assets/search-worker.js``; Material 9.8 ends its life in May
2027). Another version found at import is ``UnsupportedMkDocs``: one line from ``serve``.

The preview renders only the pages an edit changed, which MkDocs' public ``build()`` cannot
do: it calls ``build()``'s own steps, private functions of ``mkdocs.commands.build``, in
``build()``'s order, and keeps MkDocs' live-reloading server but tells it when a refresh found
nothing to reload (``ReloadServer``). Each use says what it mirrors in MkDocs 1.6.1's source.
What the preview serves still differs from what ``build`` writes in the ways ``DIFFERENCES``
lists, each with its reason; ``tests/test_preview_parity.py`` holds it to that list.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from urllib.parse import urlsplit

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
            found = metadata.version(package)
        except metadata.PackageNotFoundError:
            found = "none"
        if not found.startswith(prefix):
            raise UnsupportedMkDocs(
                f"the preview supports {SUPPORTED}, and {package} {found} is installed: "
                f"install a supported one in the project's environment (pip install '{wanted}')"
            )


_check_versions()  # before MkDocs' modules are imported: 2.0 has no mkdocs.commands.build

# ruff: noqa: E402 (the imports below come after the check on purpose)
import jinja2
from mkdocs.commands import build as steps
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files, InclusionLevel, get_files, set_exclusions
from mkdocs.structure.nav import Navigation, get_navigation
from mkdocs.structure.pages import Page

__all__ = ["File", "MkDocsException", "Page", "ReloadServer", "load_config"]  # for the preview


@dataclass
class Built:
    """What ``build()`` works out before it writes a page, kept for the next refresh."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: jinja2.Environment


def started(config: MkDocsConfig) -> None:
    """``on_startup``, once a process, as ``mkdocs serve`` fires it (commands/serve.py): the
    plugins that have it are the same objects in every later configuration (MkDocs keeps them
    in ``Plugins.plugin_cache``)."""
    config.plugins.on_startup(command="serve", dirty=False)


def serving(config: MkDocsConfig, server: LiveReloadServer, builder: Callable) -> LiveReloadServer:
    """``on_serve``, as ``mkdocs serve`` fires it: once, after the docs and mkdocs.yml are
    watched and before the folders of ``watch:``; a plugin may give another server back."""
    return config.plugins.on_serve(server, config=config, builder=builder)


def build(config: MkDocsConfig, generated: Callable[[], None]) -> Built:
    """The whole site into ``config.site_dir``: ``build()`` of mkdocs/commands/build.py with
    ``serve_url`` None, so drafts are left out as ``mkdocs build`` leaves them, and a failure
    fires ``on_build_error``. ``generated`` is told once ``on_pre_build`` (the hook's
    generation) is done, before MkDocs reads a page. Not here: the strict mode's count of
    warnings (the preview shows the pages whatever MkDocs warned of) and the clean of
    ``site_dir`` (the caller gives a fresh folder)."""
    try:
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)  # the hook generates the Markdown
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
        config.plugins.on_post_build(config=config)  # the hook indexes the pages for the search
    except Exception as error:
        failed(config, error)
        raise
    return built


def failed(config: MkDocsConfig, error: Exception) -> None:
    """``on_build_error``, as ``build()`` fires it before the error goes on."""
    config.plugins.on_build_error(error=error)


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


def excluded(file: File, config: MkDocsConfig) -> bool:
    """Whether ``mkdocs build`` leaves ``file`` out (``exclude_docs``, ``draft_docs``), its
    inclusion worked out as ``get_files`` does for a file found later."""
    if file.inclusion is InclusionLevel.UNDEFINED:
        set_exclusions([file], config)
    return file.inclusion.is_excluded()


class ReloadServer(LiveReloadServer):
    """MkDocs' live-reloading server (mkdocs/livereload/__init__.py), told what its public
    part cannot say: a refresh that found nothing to reload, a watched folder made again, and
    an observer of ours."""

    def __init__(self, observer, **options) -> None:
        super().__init__(**options)
        # MkDocs makes its PollingObserver in __init__ and starts self.observer in serve()
        self.observer = observer

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


# What the preview serves otherwise than ``build`` writes it, and why: each difference with the
# site's paths it touches and what erases it from both sides of a comparison (``as_built``).


@dataclass(frozen=True)
class Addresses:
    """Where the preview serves (``served``) and where mkdocs.yml says the site lives."""

    served: str
    site_url: str | None


@dataclass(frozen=True)
class Difference:
    paths: re.Pattern[str]
    what: str
    why: str
    erase: Callable[[bytes, Addresses], bytes]


def _without_live_reload(data: bytes, _: Addresses) -> bytes:
    return re.sub(rb"<script>\nvar livereload = .*?</script>(?=</body>)", b"", data, flags=re.S)


def _at_site_url(data: bytes, where: Addresses) -> bytes:
    if not where.site_url:
        return data
    for address in (where.served, where.site_url):
        data = data.replace(address.encode(), b"SITE_URL/")
    return data


def _at_server_root(data: bytes, where: Addresses) -> bytes:
    mount = urlsplit(where.site_url or "/").path.rstrip("/") + "/"
    if mount == "/":
        return data
    return re.sub(rb"""(["'])""" + re.escape(mount.encode()), rb"\1/", data)


DIFFERENCES = (
    Difference(
        re.compile(r".*\.html"),
        "MkDocs' live-reload script, before </body>",
        "MkDocs' server adds it to every page it serves, to reload the browser after a save",
        _without_live_reload,
    ),
    Difference(
        re.compile(r".*\.html"),
        "the search worker's address ends in ?preview",
        "the preview's worker also reads the index of the pages changed since the first build "
        "(pagefind-changes/), which a built site has no need of",
        lambda data, _: data.replace(b"search-worker.js?preview", b"search-worker.js"),
    ),
    Difference(
        re.compile(r"sitemap\.xml\.gz"),
        "the time in the gzip header",
        "build stamps the sitemap with the records' latest date (SOURCE_DATE_EPOCH, for "
        "byte-identical builds); the preview with today's, as mkdocs serve does",
        lambda data, _: gzip.decompress(data),
    ),
    Difference(
        re.compile(r"sitemap\.xml(\.gz)?"),
        "each page's <lastmod>",
        "the same date as the gzip header's",
        lambda data, _: re.sub(rb"<lastmod>[0-9-]+</lastmod>", b"<lastmod/>", data),
    ),
    Difference(
        re.compile(r".*"),
        "mkdocs.yml's site_url, where it sets one, is the preview's address",
        "the pages are served from there, as mkdocs serve does (the canonical links, the sitemap)",
        _at_site_url,
    ),
    Difference(
        re.compile(r"404\.html"),
        "the 404 page's addresses start at the server's root, not at site_url's path",
        "MkDocs writes them from site_url's path, and the preview serves the site at its root",
        _at_server_root,
    ),
)


def as_built(path: str, served: bytes, built: bytes, where: Addresses) -> tuple[bytes, bytes]:
    """``served`` and ``built`` (the bytes at ``path`` in the site) without ``DIFFERENCES``."""
    for difference in DIFFERENCES:
        if difference.paths.fullmatch(path):
            served, built = difference.erase(served, where), difference.erase(built, where)
    return served, built
