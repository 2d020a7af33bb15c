"""Ctrl-C stops the preview's server, even when Python drops the KeyboardInterrupt it raises.

Raised while the main thread runs a weakref callback (or a ``__del__``), a KeyboardInterrupt
is printed as "Exception ignored" and lost; MkDocs' build loop would then wait for ever. The
suite once saw the preview hang so, after a refresh, on a Ctrl-C.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import weakref
from pathlib import Path

import watchdog.observers

from generator.integrations.mkdocs_adapter import ReloadServer


class Thing:
    pass


def interrupted_in_a_callback() -> None:
    """A Ctrl-C that arrives while a weakref callback runs, as Python then handles it."""
    thing = Thing()

    def callback(reference) -> None:
        os.kill(os.getpid(), signal.SIGINT)
        for _ in range(100_000):  # the handler runs between these
            pass

    reference = weakref.ref(thing, callback)
    del thing
    assert reference() is None


def test_a_ctrl_c_python_drops_still_ends_the_build_loop(tmp_path: Path, monkeypatch) -> None:
    assert threading.current_thread() is threading.main_thread()
    dropped = []
    monkeypatch.setattr(sys, "unraisablehook", lambda report: dropped.append(report.exc_type))
    # Ctrl-C as a terminal's foreground process hears it (a background job ignores it)
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    builds = []

    def builder() -> None:
        builds.append(1)
        interrupted_in_a_callback()

    server = ReloadServer(
        watchdog.observers.Observer(),
        lambda path: None,
        builder=builder,
        host="127.0.0.1",
        port=0,
        root=str(tmp_path),
    )
    server.watch(str(tmp_path))
    saved = threading.Timer(0.3, (tmp_path / "page.md").write_text, args=["saved"])
    timed_out = []

    def hung() -> None:  # without the guard: the loop waits on
        timed_out.append(True)
        server.shutdown()

    hung = threading.Timer(15, hung)
    saved.start()
    hung.start()
    try:
        with server.stopped_by_ctrl_c():
            server.serve()
    finally:
        hung.cancel()
        server.shutdown()
        signal.signal(signal.SIGINT, previous)
    assert dropped == [KeyboardInterrupt], "the interrupt was not dropped: nothing was tested"
    assert builds == [1]
    assert not timed_out, "the build loop went on after Ctrl-C"
    assert not server.serve_thread.is_alive()
