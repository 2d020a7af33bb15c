"""The processes a run starts (MkDocs, Pagefind): bounded in time, and ended with the run.

A renderer that hangs must not hold the project's lock for ever (one build waited 15 minutes
in Pagefind), so each gets a time limit that grows with the briefing: 10 minutes plus 0.1 s a
page, or what ``BRIEFING_TIME_LIMIT`` (seconds; ``build --time-limit``) says. A run that is
killed takes its child with it: on Linux the child gets the parent-death signal, and whatever
escapes that (a grandchild) carries the run's token, by which the next run ends it (see
``locking``).
"""

from __future__ import annotations

import contextlib
import math
import os
import signal
import subprocess
import sys

from generator import locking
from generator.problems import InputError, Location, Problem

LIMIT = "BRIEFING_TIME_LIMIT"
BASE, PER_PAGE = 600.0, 0.1  # seconds
PR_SET_PDEATHSIG = 1


class TimedOut(Exception):
    """A process ran past its time limit and was ended; the message says how to allow more."""

    def __init__(self, command: str, limit: float):
        super().__init__(
            f"{command} was stopped after {limit:g} s, the time limit for this briefing; if it "
            f"needs longer, raise the limit with {LIMIT}=SECONDS (or build --time-limit SECONDS)"
        )


def time_limit(pages: int) -> float:
    """Seconds a process may take over ``pages`` pages: the user's limit, if set."""
    given = os.environ.get(LIMIT, "").strip()
    if not given:
        return BASE + PER_PAGE * pages
    try:
        limit = float(given)
    except ValueError:
        limit = math.nan
    if not math.isfinite(limit) or limit <= 0:
        message = f"the time limit must be a number of seconds above 0, not {given!r}"
        hint = f"set {LIMIT} to, e.g., 1800, or leave it unset for 10 minutes plus 0.1 s a page"
        raise InputError([Problem(Location(LIMIT), message, hint)], "nothing was changed.")
    return limit


def run(name: str, command: list[str], pages: int, **options) -> subprocess.CompletedProcess[str]:
    """Run ``command`` (``name`` in messages) to its end within the time limit for ``pages`` pages, its output
    captured; raise ``TimedOut`` (having ended it and its own children) past the limit."""
    limit = time_limit(pages)
    env = dict(options.pop("env", None) or os.environ)
    if locking.token():
        env[locking.RUN] = locking.token()
    process = subprocess.Popen(
        command,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own group, ended whole
        preexec_fn=_dies_with(os.getpid()),  # noqa: PLW1509 - no threads start processes here
        **options,
    )
    locking.record(process.pid)
    try:
        out, err = process.communicate(timeout=limit)
    except subprocess.TimeoutExpired:
        _end(process)
        raise TimedOut(name, limit) from None
    except BaseException:
        _end(process)
        raise
    return subprocess.CompletedProcess(command, process.returncode, out, err)


def _end(process: subprocess.Popen) -> None:
    with contextlib.suppress(OSError):
        os.killpg(process.pid, signal.SIGKILL)
    process.communicate()


def _dies_with(parent: int):
    """What the child runs before the command: ask the kernel for SIGKILL when its parent
    dies (Linux), and end at once if the parent is already gone."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)  # loaded here: the child only calls it

    def arm() -> None:
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if os.getppid() != parent:  # the run is gone: the child ends before the command runs
            raise ChildProcessError("the run that started it has ended")

    return arm
