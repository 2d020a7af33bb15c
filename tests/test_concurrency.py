"""Runs on one project take turns: none loses site/ or docs/, none prints a traceback."""

from __future__ import annotations

import builtins
import contextlib
import errno
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from projects import REPO, empty_briefing, run_cli, run_in_process, snapshot

from generator import locking, pipeline, processes
from generator.problems import InputError


def start(root: Path, command: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "generator", command, "--root", str(root)],
        cwd=REPO,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(run: subprocess.Popen) -> tuple[int, str, str]:
    out, err = run.communicate(timeout=600)
    return run.returncode, out, err


@pytest.fixture
def empty_project(tmp_path: Path) -> Path:
    """The smallest project that builds, for the lock's tests (its pages, the guides and the
    sections' indexes, are written and built as any project's are)."""
    return empty_briefing(tmp_path / "project", "Turns", "runs")


def test_builds_and_generates_at_once_take_turns(empty_project: Path) -> None:
    root = empty_project
    runs = [start(root, command) for command in ("build", "build", "generate")]
    results = [finish(run) for run in runs]
    for code, out, err in results:
        assert code == 0 and "Traceback" not in err, err
        assert out.startswith("ok: ")
    assert any("another run is using this project: waiting" in err for _, _, err in results)
    site = root / "site"
    assert (site / "index.html").is_file() and (site / "claims" / "index.html").is_file()
    assert not (root / ".site.new").exists()
    alone = run_in_process(root, "generate")  # the lock is free: no wait, no work
    assert alone.code == 0 and alone.out.startswith("ok: 0 pages written"), alone
    assert "waiting" not in alone.err, alone.err


def _refuse_the_lock(monkeypatch, error: int) -> None:
    """What the system says to a lock file that is immutable (EPERM) or another user's
    (EACCES): both need root to set up, so the error is injected where the file is opened."""
    real_open, real_os_open = open, os.open

    def refuse(path, *args, **kwargs):
        if Path(path).name == locking.LOCK:
            raise PermissionError(error, os.strerror(error))
        return (real_os_open if args and isinstance(args[0], int) else real_open)(
            path, *args, **kwargs
        )

    monkeypatch.setattr(os, "open", refuse)
    monkeypatch.setattr(builtins, "open", refuse)


@pytest.mark.parametrize("error", [errno.EPERM, errno.EACCES])
def test_a_lock_that_cannot_be_opened_stops_the_run(harbour: Path, monkeypatch, error) -> None:
    before = snapshot(harbour / "docs")
    _refuse_the_lock(monkeypatch, error)
    with pytest.raises(InputError) as raised:
        pipeline.generate(harbour, cached=False)
    monkeypatch.undo()
    assert f".briefing.lock: cannot take the project's lock ({os.strerror(error)})" in str(
        raised.value
    )
    assert snapshot(harbour / "docs") == before


@pytest.mark.parametrize("kind", ["folder", "symlink"])
def test_a_folder_or_a_symlink_where_the_lock_goes_stops_the_run(
    harbour: Path, tmp_path: Path, kind: str
) -> None:
    if kind == "folder":
        (harbour / locking.LOCK).mkdir()
    else:
        (harbour / locking.LOCK).symlink_to(tmp_path / "elsewhere")
    result = run_cli(harbour, "generate")
    assert result.code == 1 and "Traceback" not in result.err, result.err
    assert f".briefing.lock: cannot take the project's lock (it is a {kind})" in result.err
    assert not (tmp_path / "elsewhere").exists()
    assert "hint: remove .briefing.lock" in result.err
    assert "1 problem found; nothing was changed." in result.err
    assert snapshot(harbour / "docs") == {}


def test_a_process_past_its_time_limit_is_ended_with_its_children(
    tmp_path: Path, monkeypatch
) -> None:
    assert processes.time_limit(1000) == 700  # 10 minutes and 0.1 s a page
    monkeypatch.setenv(processes.LIMIT, "1")
    grandchild = tmp_path / "grandchild"
    script = f"sleep 60 & echo $! > {grandchild}; wait"
    started = time.monotonic()
    with pytest.raises(processes.TimedOut, match="stopped after 1 s.*BRIEFING_TIME_LIMIT"):
        processes.run("sleeper", ["sh", "-c", script], 0)
    assert time.monotonic() - started < 10
    orphan = int(grandchild.read_text())
    assert _until(lambda: not _alive(orphan), 5)  # SIGKILL is sent; its delivery takes a moment


def _alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie nobody has reaped yet does not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


def _until(condition, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


KILLED_RUN = """
import sys
from pathlib import Path
from generator import locking, processes
root = Path(sys.argv[1])
with locking.one_run_at_a_time(root):
    script = f"sleep 300 & echo $! > {root}/grandchild; echo $$ > {root}/child; wait"
    processes.run("child", ["sh", "-c", script], 0)
"""


def test_a_killed_runs_children_do_not_outlive_it(tmp_path: Path) -> None:
    """The run is killed while its child runs (the step is chosen: after both pid files are
    written and the run has recorded its child in the lock). The child gets the parent-death
    signal; the grandchild, which nothing signals, is ended by the next run to take the lock,
    before that run does anything."""
    run = subprocess.Popen([sys.executable, "-c", KILLED_RUN, str(tmp_path)], cwd=REPO)
    child, grandchild = tmp_path / "child", tmp_path / "grandchild"
    lock = tmp_path / locking.LOCK
    assert _until(
        lambda: (
            child.exists()
            and grandchild.exists()
            and grandchild.read_text()
            and len(lock.read_text().split()) > 1
        )  # on a busy machine the record comes later
    )
    run.kill()
    run.wait()
    assert _until(lambda: not _alive(int(child.read_text())))
    orphan = int(grandchild.read_text())
    token, *started = (tmp_path / locking.LOCK).read_text().split()
    assert started == [child.read_text().strip()]  # the lock names what the run started
    try:
        assert _alive(orphan)
        assert f"{locking.RUN}={token}".encode() in Path(f"/proc/{orphan}/environ").read_bytes()
        with locking.one_run_at_a_time(tmp_path):
            assert not _alive(orphan)  # ended before the run goes on
    finally:
        with contextlib.suppress(OSError):
            os.kill(orphan, 9)


def test_a_build_past_its_time_limit_stops_with_a_message(harbour_project: Path) -> None:
    result = run_cli(harbour_project, "build", "--time-limit", "0.2")
    assert result.code == 1 and "Traceback" not in result.err, result.err
    assert "mkdocs build was stopped after 0.2 s, the time limit for this briefing" in result.err
    assert "docs/ is up to date; site/ was left as it was." in result.err
    assert not (harbour_project / "site").exists()
    assert not (harbour_project / ".site.new").exists()


FAKE_PAGEFIND = """
import os, sys, time
from pathlib import Path
bundle = Path(sys.argv[sys.argv.index("--output-path") + 1])
Path(os.environ["FAKE_PAGEFIND_PID"]).write_text(str(os.getpid()))
while True:  # an indexer that keeps writing, as a slow one does
    bundle.mkdir(parents=True, exist_ok=True)
    (bundle / "stale.pf_index").write_text("stale")
    time.sleep(0.05)
"""


def test_a_build_killed_while_indexing_leaves_no_indexer_writing(
    empty_project: Path, tmp_path: Path
) -> None:
    """The step is chosen: the build is killed once Pagefind (a stand-in that never ends,
    named by Pagefind's own PAGEFIND_BINARY_PATH) has started under MkDocs. Both die with it,
    and nothing of theirs reaches the next build's site/."""
    root = empty_project
    fake = tmp_path / "fake-pagefind"
    fake.write_text(f"#!{sys.executable}\n{FAKE_PAGEFIND}")
    fake.chmod(0o755)
    started = tmp_path / "pagefind.pid"
    env = {**os.environ, "PAGEFIND_BINARY_PATH": str(fake), "FAKE_PAGEFIND_PID": str(started)}
    command = [sys.executable, "-m", "generator", "build", "--root", str(root)]
    run = subprocess.Popen(command, cwd=REPO, env=env, stderr=subprocess.DEVNULL)
    try:
        assert _until(lambda: started.exists() and started.read_text(), 300)
    finally:
        run.kill()
        run.wait()
    indexer = int(started.read_text())
    try:
        assert _until(lambda: not _alive(indexer), 5)
    finally:
        with contextlib.suppress(OSError):
            os.kill(indexer, 9)
    result = run_in_process(root, "build")  # the real Pagefind, in this process
    assert result.code == 0, result.err
    assert not list((root / "site").rglob("stale.pf_index"))
    assert not (root / ".site.new").exists()


def test_a_time_limit_that_is_not_a_number_is_refused_before_anything_is_written(
    harbour_project: Path,
) -> None:
    docs = snapshot(harbour_project / "docs")
    command = [sys.executable, "-m", "generator", "build", "--root", str(harbour_project)]
    env = {**os.environ, processes.LIMIT: "ten minutes"}
    result = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert (
        "BRIEFING_TIME_LIMIT: the time limit must be a number of seconds above 0, "
        "not 'ten minutes'" in result.stderr
    )
    assert snapshot(harbour_project / "docs") == docs
