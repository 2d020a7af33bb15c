"""How long ``check`` takes to report fifty misspelt ids in a large briefing, with its hints.

A synthetic corpus (``corpus.py``) gets fifty ids misspelt (a letter dropped): half of them
claims' speakers, half claims that a claim supports, disputes or answers, whose hints are drawn
from every claim's id. ``python -m generator check`` is timed on it: the run fails, and each of
the fifty messages should carry a did-you-mean naming the id meant. With
``--rev``, the same is timed with the generator of each given commit copied into the corpus, so
the hint's cost is printed side by side with an earlier version's.

    .venv/bin/python benchmarks/misspelt.py --records 10000 --rev 9cf2c11

It measures and prints; it asserts nothing.
"""

from __future__ import annotations

import argparse
import io
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

from corpus import REPO, make_corpus

TYPOS = 50


def misspell(root: Path, count: int = TYPOS) -> list[tuple[str, str]]:
    """Drop a letter from ``count`` ids, spread over the annotation files: half the speakers
    of claims (hints drawn from the actors' ids), half the claims a claim supports, disputes or
    answers (hints drawn from every claim's id, the longest list). Return each (misspelt, meant)."""
    files = sorted((root / "seeds" / "annotations").glob("*.yaml"))
    speakers = re.compile(r"\n  speaker: (\S+)\n")
    relations = re.compile(r"\n  (?:supports|disputes|responds_to):\n  - (\S+)\n")
    pairs = []
    for pattern, wanted in ((speakers, count // 2), (relations, count - count // 2)):
        naming = [p for p in files if pattern.search(p.read_text(encoding="utf-8"))]
        for path in naming[:: max(1, len(naming) // wanted)][:wanted]:
            text = path.read_text(encoding="utf-8")
            start, end = pattern.search(text).span(1)
            meant = text[start:end]
            typo = meant[:-2] + meant[-1]
            path.write_text(text[:start] + typo + text[end:], encoding="utf-8")
            pairs.append((typo, meant))
    return pairs


def with_generator_of(rev: str, corpus: Path, out: Path) -> Path:
    """A copy of the corpus whose generator/ is the one of commit ``rev``."""
    shutil.copytree(corpus, out, symlinks=True)
    shutil.rmtree(out / "generator")
    archive = subprocess.run(
        ["git", "archive", rev, "generator"], cwd=REPO, capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(out, filter="data")
    return out


def timed_check(root: Path) -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "generator", "check"], cwd=root, capture_output=True, text=True
    )
    return time.perf_counter() - started, result.stderr + result.stdout


def hinted(messages: str, pairs: list[tuple[str, str]]) -> int:
    """How many of the misspelt ids got a hint (the line under their message) naming the id
    meant."""
    lines = messages.splitlines()
    hints = {}
    for line, below in zip(lines, lines[1:], strict=False):
        if (found := re.search(r"unknown id '([^']*)'", line)) and "did you mean" in below:
            hints[found.group(1)] = below
    return sum(f"'{meant}'" in hints.get(typo, "") for typo, meant in pairs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rev", action="append", default=[], help="also time this commit's")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        corpus = Path(work) / "corpus"
        print(f"writing a corpus of {arguments.records} records ...", file=sys.stderr)
        stats = make_corpus(arguments.records, arguments.seed, corpus)
        pairs = misspell(corpus)
        roots = [("working tree", corpus)] + [
            (rev, with_generator_of(rev, corpus, Path(work) / f"at-{n}"))
            for n, rev in enumerate(arguments.rev)
        ]
        print(f"check of {stats.records} records with {len(pairs)} misspelt ids")
        print("| generator | check (s) | misspelt ids with the meant id as hint |")
        print("|---|---:|---:|")
        for name, root in roots:
            seconds, messages = timed_check(root)
            print(f"| {name} | {seconds:.1f} | {hinted(messages, pairs)}/{len(pairs)} |")


if __name__ == "__main__":
    main()
