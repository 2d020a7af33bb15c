"""MkDocs' live-reloading server, as the preview needs it."""

from __future__ import annotations

import os
from collections.abc import Callable

from mkdocs.livereload import LiveReloadServer


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
