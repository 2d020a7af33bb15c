"""MkDocs' live-reloading server, as the preview needs it."""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Callable, Iterator

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
        self._stopping = threading.Lock()
        self._stopped = False

    def settle_for(self, seconds: float) -> None:
        """How long no file changes before a rebuild starts (MkDocs 1.6's ``build_delay``, which
        its ``__init__`` sets to a tenth of a second)."""
        self.build_delay = seconds

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

    def shutdown(self, wait: bool = False) -> None:
        """MkDocs' ``shutdown``, once: a second call waits for the first to finish."""
        with self._stopping:
            if not self._stopped:
                self._stopped = True
                super().shutdown(wait)

    @contextlib.contextmanager
    def stopped_by_ctrl_c(self) -> Iterator[None]:
        """Ctrl-C stops the server even when Python loses its KeyboardInterrupt: raised while
        the main thread runs a weakref callback or a ``__del__``, it is printed as "Exception
        ignored" and dropped, and MkDocs' build loop would wait on. Ctrl-C asks a thread to
        shut the server down (its build loop then ends) and interrupts what the main thread
        does. A process that ignores Ctrl-C (started in the background) goes on ignoring it."""
        if threading.current_thread() is not threading.main_thread() or signal.getsignal(
            signal.SIGINT
        ) in (signal.SIG_IGN, None):
            yield
            return

        def stop(signum, frame) -> None:
            threading.Thread(target=self.shutdown, daemon=True).start()
            raise KeyboardInterrupt

        previous = signal.signal(signal.SIGINT, stop)
        try:
            yield
        finally:
            signal.signal(signal.SIGINT, previous)
