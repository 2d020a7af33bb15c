"""A built site served on 127.0.0.1 for as long as a benchmark looks at it."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def answering(url: str, server: subprocess.Popen, seconds: float) -> None:
    """Wait until ``url`` answers; an error if ``server`` exits first or it takes longer."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except OSError:
            if server.poll() is not None:
                raise RuntimeError(f"the server exited with {server.returncode}") from None
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


@contextmanager
def served(site: Path, port: int) -> Iterator[str]:
    """``python -m http.server`` on ``site``; yields its address once it answers."""
    command = [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(port)]
    server = subprocess.Popen(
        command, cwd=site, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        answering(base, server, seconds=10)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=5)
