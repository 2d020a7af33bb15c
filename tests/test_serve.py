"""Live preview: an edit regenerates the page; a mistake is printed and the last good site stays."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import REPO

ANNOTATION = Path("seeds/annotations/courier-2023-council-backs-dredging.yaml")
PAGE = "claims/marsh-ships-will-stop-calling/"


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(condition: Callable[[], bool], seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return True
        except OSError:
            pass
        time.sleep(0.5)
    return False


@pytest.fixture(params=[[], ["--fast"]], ids=["whole", "fast"])
def served(request, harbour_project: Path, tmp_path: Path) -> Iterator[tuple[Path, str, Path]]:
    """A preview server on a fresh copy of the harbour project, nothing generated yet:
    rebuilding the whole site after each edit, or (``--fast``) only the pages whose Markdown
    changed."""
    root = harbour_project
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = tmp_path / "serve.log"
    command = [sys.executable, "-m", "generator", "serve", "--root", str(root)]
    command += ["--address", f"127.0.0.1:{port}", *request.param]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("w") as output:
        server = subprocess.Popen(command, cwd=REPO, env=env, stdout=output, stderr=output)
        url = f"http://127.0.0.1:{port}/{PAGE}"
        try:
            assert wait_for(lambda: "largest ships" in fetch(url)), log.read_text()
            yield root, url, log
        finally:
            server.terminate()
            server.wait(timeout=20)


def test_an_edit_regenerates_and_a_mistake_keeps_the_last_good_pages(served) -> None:
    root, url, log = served
    annotation = root / ANNOTATION
    text = annotation.read_text(encoding="utf-8")
    edited = text.replace(
        "Without dredging, the largest ships would stop", "EDITED, the largest ships would stop"
    )
    assert edited != text
    annotation.write_text(edited, encoding="utf-8")
    assert wait_for(lambda: "EDITED, the largest ships" in fetch(url)), log.read_text()

    broken = edited.replace("the largest ships will stop calling", "the biggest ships will stop")
    assert broken != edited
    annotation.write_text(broken.replace("EDITED, the", "AGAIN, the"), encoding="utf-8")
    assert wait_for(lambda: "Still serving the last good pages" in log.read_text()), log.read_text()

    assert "quote not found in source 'courier-2023-council-backs-dredging'" in log.read_text()
    assert "EDITED, the largest ships" in fetch(url)  # the last good page, still served


def test_a_generator_crash_while_serving_is_told_and_survived(
    monkeypatch, capsys, tmp_path: Path
) -> None:
    """A bug in the generator must not stop the preview: MkDocs keeps serving the last pages.
    A build still fails with the traceback."""
    from types import SimpleNamespace

    from generator import pipeline
    from generator.integrations import mkdocs_hook

    def crash(root: Path) -> None:
        raise RuntimeError("a bug in the generator")

    monkeypatch.delenv(pipeline.GENERATED, raising=False)
    monkeypatch.setattr(pipeline, "generate", crash)
    config = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"))
    monkeypatch.setattr(mkdocs_hook, "_command", "serve")
    mkdocs_hook.on_pre_build(config)
    told = capsys.readouterr().err
    assert "RuntimeError: a bug in the generator" in told
    assert "Still serving the last good pages." in told
    monkeypatch.setattr(mkdocs_hook, "_command", "build")
    with pytest.raises(RuntimeError):
        mkdocs_hook.on_pre_build(config)
