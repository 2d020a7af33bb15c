"""The preview (``python -m generator serve``): the site built once into a temporary folder
(``mkdocs_live_site``), served with MkDocs' live-reloading server, and refreshed after each save.

``mkdocs serve`` rebuilds every page after each save, a minute at 10,000 records; here only the
pages an edit changed are rendered again. The configuration or the theme's templates changing,
the site is built again in full. The plugins' events fire as ``mkdocs serve`` fires them:
``on_startup`` and ``on_serve`` once, ``on_build_error`` on each build or refresh that fails,
``on_shutdown`` once at the end, the first build failed or not. A plugin whose ``on_serve``
gives another server back is refused: the preview refreshes through its own.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
import shutil
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path

import watchdog.events
import watchdog.observers

from generator.integrations import mkdocs_adapter as mkdocs
from generator.integrations.mkdocs_adapter import MkDocsException, ReloadServer, TemplateSyntaxError
from generator.integrations.mkdocs_live_site import LiveSite, Watched
from generator.integrations.preview_address import Address
from generator.problems import BriefingError
from generator.writing import generated_path

log = logging.getLogger("mkdocs.briefing")


class PreviewError(BriefingError):
    """MkDocs refused the configuration or the theme before anything was served."""


class ProcessTuning:
    """What the preview tells the process, so that the process, not this library, may tune
    its garbage collector and threads: the built site is ``kept`` for good (``released`` when
    a full rebuild replaces it), a refresh makes millions of short-lived objects
    (``refreshing``), and the long listings render in a thread while the server answers the
    browsers' reload (``rendering_behind``). By default nothing is done."""

    def kept(self) -> None:
        pass

    def released(self) -> None:
        pass

    @contextlib.contextmanager
    def refreshing(self) -> Iterator[None]:
        yield

    @contextlib.contextmanager
    def rendering_behind(self) -> Iterator[None]:
        yield


def serve(root: Path, address: Address, tuning: ProcessTuning | None = None) -> None:
    """Build the site into a temporary folder, serve it on ``address``, and refresh it after
    every save under the folders mkdocs.yml watches, ``docs/`` and mkdocs.yml itself."""
    tuning = tuning or ProcessTuning()
    _print_mkdocs_log()
    config_file = root / "mkdocs.yml"
    url = address.url
    folder = Path(tempfile.mkdtemp(prefix="briefing-preview-"))
    site_dir = folder / "site"
    try:
        site = LiveSite(config_file, site_dir, url)
    except MkDocsException as error:  # the configuration or the theme: its message, no traceback
        shutil.rmtree(folder, ignore_errors=True)
        raise PreviewError(error.format_message()) from None
    except TemplateSyntaxError as error:  # a theme's template: where, and what
        shutil.rmtree(folder, ignore_errors=True)
        raise PreviewError(_located(error, root)) from None
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    tuning.kept()
    try:
        watched = Watched(config_file, site)

        builds = itertools.count(1)
        listings: threading.Thread | None = None  # rendering the long listings, after a refresh
        saved_again = threading.Event()  # tells it to leave those it has not begun to the next

        def builder(config: object = None) -> None:
            """A refresh, or a full build when mkdocs.yml or the theme changed (``config``:
            what MkDocs' builder takes, which a plugin's ``on_serve`` may pass; unused)."""
            nonlocal site, listings
            if listings:
                saved_again.set()
                listings.join()
                saved_again.clear()
            started = time.monotonic()
            with tuning.refreshing():
                try:
                    if watched.changed():
                        log.info(
                            "briefing: the configuration or the theme changed: building it all"
                        )
                        # into a folder of its own: a mistake in the theme keeps the last good pages
                        fresh = _built_apart(config_file, folder / f"site-{next(builds)}", url)
                        site.release()
                        tuning.released()  # the old site's objects go
                        old, site = site, fresh
                        server.serve_from(str(site.site))
                        shutil.rmtree(old.site, ignore_errors=True)
                        del old
                        tuning.kept()
                        refreshed = True
                    else:
                        refreshed = site.refresh()
                except MkDocsException as error:  # the configuration or the theme: its message
                    print(f"{error.format_message()}\n{STILL_SERVING}", file=sys.stderr)
                    refreshed = False
                except Exception:  # MkDocs or a bug of ours: told in full, and the server lives on
                    _told_and_survived()
                    refreshed = False
            if refreshed:
                log.info("briefing: refreshed in %.2f s", time.monotonic() - started)
            else:
                server.keep_pages()
            if site.pending:  # the browsers reload now; these pages are served once rendered
                listings = threading.Thread(
                    target=_listings, args=(site, saved_again, tuning), daemon=True
                )
                listings.start()

        server = _Server(
            site.docs,
            lambda address: site.wait_for(address),
            builder=builder,
            host=address.host,
            port=address.port,
            root=str(site_dir),
        )
        try:
            server.error_handler = lambda code: _error_page(site.site, code)
            server.serve_at(url)  # MkDocs writes an IPv6 address without its brackets
            for path in [site.config.docs_dir, str(config_file)]:
                server.watch(path)
            other = mkdocs.fire_serve(site.config, server, builder)
            if other is not None:
                raise PreviewError(
                    f"mkdocs.yml: the plugin or hook {other!r} gives MkDocs another server in its "
                    "on_serve, and the preview refreshes the pages through its own: leave it out "
                    "of mkdocs.yml while previewing, or preview with mkdocs serve"
                )
            for path in site.config.watch:
                server.watch(path)
            if site.config.theme.custom_dir:  # its templates changing, the site is built again
                server.watch(site.config.theme.custom_dir)
            with server.stopped_by_ctrl_c():
                server.serve()
        except KeyboardInterrupt:
            log.info("Shutting down...")
        finally:
            server.shutdown()
    finally:
        mkdocs.fire_shutdown(site.config)
        shutil.rmtree(folder, ignore_errors=True)


def _located(error: TemplateSyntaxError, root: Path) -> str:
    """Where the mistake is, from the project's folder (Material's own templates: as they are)."""
    where = error.filename or error.name or "a template"
    if error.filename and Path(error.filename).is_relative_to(root):
        where = Path(error.filename).relative_to(root).as_posix()
    return f"{where}:{error.lineno}: {error.message} (in the theme's templates: mend it and serve again)"


def _built_apart(config_file: Path, site_dir: Path, url: str) -> LiveSite:
    try:
        return LiveSite(config_file, site_dir, url, first=False)
    except BaseException:
        shutil.rmtree(site_dir, ignore_errors=True)
        raise


def _listings(site: LiveSite, stop: threading.Event, tuning: ProcessTuning) -> None:
    started = time.monotonic()
    if stop.wait(RELOADING):  # saved again meanwhile: the next refresh takes them over
        return
    try:
        with tuning.rendering_behind():
            site.finish(stop)
    except Exception:
        _told_and_survived()
        return
    log.info("briefing: the long listings refreshed in %.2f s more", time.monotonic() - started)


STILL_SERVING = "Still serving the last good pages."
# Seconds the long listings wait after a refresh, for the browsers' reload (a page and a dozen
# files, each answered by a thread that needs the interpreter) to go first
RELOADING = 0.4
# How long no file changes before a refresh starts (MkDocs waits 0.1 s): an editor's save, even
# through a temporary file renamed, is over in milliseconds; a longer one (a checkout) only
# refreshes again once done
SETTLING = 0.05


def _told_and_survived() -> None:
    print(
        f"{traceback.format_exc()}The preview could not refresh (the lines above say why). "
        + STILL_SERVING,
        file=sys.stderr,
    )


class _Server(ReloadServer):
    """MkDocs' server, which reloads the browsers after every build; a refresh that found
    nothing changed (a file saved with the same bytes, a mistake in the input) keeps them.
    Saves are seen through the system's notifications (inotify, FSEvents...) where MkDocs
    polls every file twice a second: at 10,000 records that is 20,000 files a poll, and a save
    waited a quarter of a second on average to be seen."""

    def __init__(self, docs: Path, rendered: Callable[[str], None], **options) -> None:
        """``rendered`` is told each request's path first: a long listing still rendering
        is waited for."""
        super().__init__(_Observer(docs), rendered, **options)
        self.settle_for(SETTLING)
        self._parents: set[str] = set()

    def watch(self, path: str, func: None = None, *, recursive: bool = True) -> None:
        """Also the folder's parent, for the folder being made again: a watch ends with the
        folder it watched (seeds/ removed and restored from a backup, a checkout)."""
        super().watch(path, func, recursive=recursive)
        path, parent = os.path.abspath(path), os.path.dirname(os.path.abspath(path))
        if os.path.isdir(path) and parent not in self._parents:
            self._parents.add(parent)
            self.watch_parent(parent, _Made(self._watch_again))

    def _watch_again(self, path: str) -> None:
        """Watch ``path`` (made again) afresh, and rebuild: files may be in it already."""
        self.watch_afresh(os.path.abspath(path))


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
        # MkDocs leaves hidden files out of the site: the manifest, the writer's staged pages
        hidden = any(part.startswith(".") for part in inside.split("/"))
        return hidden or generated_path(inside)


CHANGES = {
    watchdog.events.EVENT_TYPE_CREATED,
    watchdog.events.EVENT_TYPE_MODIFIED,
    watchdog.events.EVENT_TYPE_MOVED,
    watchdog.events.EVENT_TYPE_DELETED,
}


class _Unless(watchdog.events.FileSystemEventHandler):
    def __init__(self, handler, ignored) -> None:
        self.handler, self.ignored = handler, ignored

    def dispatch(self, event) -> None:
        # inotify also tells of files opened and read: a refresh reads every input
        if event.event_type in CHANGES and not self.ignored(os.fsdecode(event.src_path)):
            self.handler.dispatch(event)


class _Made(watchdog.events.FileSystemEventHandler):
    """Tells ``made`` of each folder made or moved into place."""

    def __init__(self, made: Callable[[str], None]) -> None:
        self.made = made

    def on_created(self, event) -> None:
        if event.is_directory:
            self.made(os.fsdecode(event.src_path))

    def on_moved(self, event) -> None:
        if event.is_directory:
            self.made(os.fsdecode(event.dest_path))


def _print_mkdocs_log() -> None:
    """What ``mkdocs serve`` prints: where it serves, what it rebuilt, and its warnings."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-8s -  %(message)s"))
    logging.getLogger("mkdocs").addHandler(handler)
    logging.getLogger("mkdocs").setLevel(logging.INFO)


def _error_page(site_dir: Path, code: int) -> bytes | None:
    page = site_dir / f"{code}.html"
    return page.read_bytes() if code in (404, 500) and page.is_file() else None
