"""One run at a time in a project: ``generate``, ``build`` and ``serve``'s regeneration take
turns on a lock, so that two runs never race on ``docs/``, the store or ``site/``.

The lock is ``fcntl.flock`` on ``.briefing.lock`` in the project: the system releases it when
the process ends, however it ends, so a killed run leaves no stale lock. Where there is no
``fcntl`` (Windows), or the file cannot be made (a read-only project), runs do not wait.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

LOCK = ".briefing.lock"


@contextmanager
def one_run_at_a_time(root: Path) -> Iterator[None]:
    """Hold the project's lock for the block, waiting (and saying so) while another run has it."""
    try:
        handle = open(root / LOCK, "a") if fcntl else None  # noqa: SIM115 - held for the block
    except OSError:
        handle = None
    if handle is None:
        yield
        return
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print("another run is using this project: waiting for it to end", file=sys.stderr)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
