"""One run at a time in a project: ``generate``, ``build`` and ``serve``'s regeneration take
turns on a lock, so that two runs never race on ``docs/``, the store or ``site/``.

The lock is ``fcntl.flock`` on ``.briefing.lock`` in the project: the system releases it when
the process ends, however it ends, so a killed run leaves no stale lock. A lock that cannot be
taken (the path is a folder or a symlink, the file is immutable or another user's) stops the
run: a run that went on unlocked could delete ``site/`` under another's feet. Where there is no
``fcntl`` (Windows), runs do not wait.

The file also says which run holds it: a token that every process the run starts carries in
its environment (``BRIEFING_RUN``), and the ids of those processes. A run killed so suddenly
that its children outlive it (the parent-death signal reaches only the direct child) leaves
them named there, and the next run to take the lock ends them before it writes anything, so
no orphan writes into a later build.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.problems import InputError, Location, Problem

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

LOCK = ".briefing.lock"
RUN = "BRIEFING_RUN"  # the environment variable naming the run a process belongs to
_held: list[tuple[int, str]] = []  # this process's lock: its file descriptor and run token


@contextmanager
def one_run_at_a_time(root: Path) -> Iterator[None]:
    """Hold the project's lock for the block, waiting (and saying so) while another run has it."""
    if fcntl is None:
        yield
        return
    handle = _open(root / LOCK)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print("another run is using this project: waiting for it to end", file=sys.stderr)
            fcntl.flock(handle, fcntl.LOCK_EX)
        except OSError as error:
            raise _refused(root, error) from None
        _end_orphans(handle)
        token = os.urandom(8).hex()
        os.ftruncate(handle, 0)
        os.lseek(handle, 0, os.SEEK_SET)
        os.write(handle, f"{token}\n".encode())  # then the ids of the processes it starts
        _held.append((handle, token))
        try:
            yield
        finally:
            _held.clear()
            os.ftruncate(handle, 0)
            fcntl.flock(handle, fcntl.LOCK_UN)
    finally:
        os.close(handle)


def _open(path: Path) -> int:
    flags = os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | getattr(os, "O_NOFOLLOW", 0)
    try:
        return os.open(path, flags, 0o666)
    except OSError as error:
        raise _refused(path.parent, error) from None


def _refused(root: Path, error: OSError) -> InputError:
    reason = error.strerror or str(error)
    if os.path.islink(root / LOCK):
        reason = "it is a symlink"
    elif os.path.isdir(root / LOCK):
        reason = "it is a folder"
    message = f"cannot take the project's lock ({reason}): no run goes on without it"
    hint = (
        f"remove {LOCK} if it is not a file of yours, or make it (and the project folder) "
        "writable by you; it is made again by the next run"
    )
    return InputError([Problem(Location(LOCK), message, hint)], "nothing was changed.")


def token() -> str:
    """The token of the run this process belongs to ('' outside a run)."""
    return _held[0][1] if _held else os.environ.get(RUN, "")


def record(pid: int) -> None:
    """Name a process this run started in the lock file, for the next run to end if it
    outlives this one."""
    if _held:
        os.write(_held[0][0], f"{pid}\n".encode())


def _end_orphans(handle: int) -> None:
    """End every process a killed run left behind: those whose environment carries its
    token (a pid alone may have been given to someone else's process since)."""
    listed = os.pread(handle, 4096, 0).decode("ascii", "replace").split()
    if not listed or not Path("/proc").is_dir():
        return
    marker = f"{RUN}={listed[0]}".encode()
    ended: list[Path] = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            environment = (entry / "environ").read_bytes().split(b"\0")
        except OSError:
            continue
        if marker in environment:
            with contextlib.suppress(OSError):
                os.kill(int(entry.name), signal.SIGKILL)
                ended.append(entry)
    deadline = time.monotonic() + 5  # SIGKILL is delivered, not done: wait until they are
    while any(_running(entry) for entry in ended) and time.monotonic() < deadline:
        time.sleep(0.01)


def _running(process: Path) -> bool:
    """Whether a process still runs (a zombie, which no longer writes, does not)."""
    try:
        return (process / "stat").read_text().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except (OSError, IndexError):
        return False
