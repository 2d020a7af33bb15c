"""How good the drafts of new-source are: each article drafted anew, scored against its
complete annotation.

    .venv/bin/python benchmarks/drafting.py                      # the project's own seeds/
    .venv/bin/python benchmarks/drafting.py --project benchmarks/held-out

For each article in seeds/articles/ it writes a copy of the project without that article
(``drafting_copy``: its annotation file, the records only it evidenced, the questions and
judgments citing them; the copy must pass ``generator check``), calls
``generator.authoring.drafting.draft_annotation`` on the article's text against the copy's
briefing, and scores the draft against the article's records in the complete project
(``drafting_score``). It also times the drafter on a 1,000-word article against a briefing of
1,000 records (``corpus.py``) and sums the installed size of the ``draft`` extra. It measures
and prints; it asserts nothing. README.md beside this file defines each figure.
"""

from __future__ import annotations

import argparse
import inspect
import json
import statistics
import sys
import tempfile
import time
import traceback
from dataclasses import asdict
from pathlib import Path
from typing import Any

import yaml
from corpus import make_corpus
from drafting_copy import without_article
from drafting_report import report, totals
from drafting_score import Score, score_article
from drafting_size import extra_size

from generator import pipeline
from generator.authoring import drafting
from generator.model.records import Briefing
from generator.problems import BriefingError

REPO = Path(__file__).resolve().parent.parent
SPEED_WORDS, SPEED_RECORDS, REPEATS = 1000, 1000, 3
WARM_UP = 'The council met on Monday. "We will vote," the mayor said.'


def draft(source: str, text: str, briefing: Briefing, meta: dict[str, Any]) -> str:
    """Call the drafter with what its signature asks for: the article's id, text and the
    briefing, and any front-matter field it names (``published``)."""
    named = list(inspect.signature(drafting.draft_annotation).parameters)[3:]
    return drafting.draft_annotation(
        source, text, briefing, **{name: meta[name] for name in named if name in meta}
    )


def measure_article(
    full: Briefing, root: Path, source: str, work: Path, keep: Path | None
) -> Score:
    print(f"[{source}] copy without it, checked", file=sys.stderr)
    copy = without_article(root, source, work / source)
    article = full.articles[source]
    start = time.perf_counter()
    text = draft(source, article.text, copy, dict(article.meta.data))
    seconds = time.perf_counter() - start
    if keep:
        keep.mkdir(parents=True, exist_ok=True)
        (keep / f"{source}.yaml").write_text(text, encoding="utf-8")
    score = score_article(full, copy, source, text)
    score.seconds = seconds
    return score


def speed_article(full: Briefing, words: int) -> str:
    """News prose of at least ``words`` words: the project's articles' paragraphs, in turn."""
    paragraphs = [
        line.strip()
        for article in full.articles.values()
        for line in article.text.splitlines()
        if len(line.split()) >= 15
    ]
    if not paragraphs:
        raise SystemExit("no paragraph of 15 words or more in the project's articles")
    chosen: list[str] = []
    while sum(len(p.split()) for p in chosen) < words:
        chosen.append(paragraphs[len(chosen) % len(paragraphs)])
    return "\n\n".join(chosen) + "\n"


def speed(full: Briefing, work: Path) -> dict[str, Any]:
    """Seconds to draft a 1,000-word article against 1,000 records, the median of three."""
    print(f"[speed] a corpus of {SPEED_RECORDS:,} records", file=sys.stderr)
    make_corpus(SPEED_RECORDS, 1, work / "corpus")
    briefing = pipeline.check(work / "corpus", cached=False)
    text = speed_article(full, SPEED_WORDS)
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        draft("speed-article", text, briefing, {})
        times.append(time.perf_counter() - start)
    return {
        "words": len(text.split()),
        "records": len(briefing.records),
        "seconds": statistics.median(times),
        "runs": times,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--project", type=Path, default=REPO, help="a project folder (seeds/)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--drafts", type=Path, help="also write each draft into this folder")
    parser.add_argument("--details", action="store_true", help="list what each draft missed")
    parser.add_argument("--no-speed", action="store_true", help="skip the 1,000-record timing")
    arguments = parser.parse_args()
    root = arguments.project.resolve()
    try:
        full = pipeline.check(root, cached=False)
    except BriefingError as error:
        print(error.report(), file=sys.stderr)
        return 1
    sources = sorted(p.stem for p in (root / "seeds" / "articles").glob("*.txt"))
    scores: list[Score] = []
    failed: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="drafting-") as folder:
        work = Path(folder)
        start = time.perf_counter()
        draft("warm-up", WARM_UP, full, {})  # loads the language pipeline, if the drafter has one
        first_call = time.perf_counter() - start
        for source in sources:
            try:
                scores.append(measure_article(full, root, source, work, arguments.drafts))
            except BriefingError as error:  # the removal copy does not pass check
                failed[source] = f"the copy without it fails check:\n{error.report()}"
            except yaml.YAMLError as error:
                failed[source] = f"the draft is not YAML: {error}"
            except Exception:  # noqa: BLE001 - a drafter being rewritten may fail; say how
                failed[source] = traceback.format_exc()
        timed = None if arguments.no_speed else speed(full, work)
    figures = {
        "project": str(root),
        "articles": [asdict(s) for s in scores],
        "totals": asdict(totals(scores)),
        "failed": failed,
        "first_call_seconds": first_call,
        "speed": timed,
        "extra_size_bytes": extra_size(),
    }
    for source, why in failed.items():
        print(f"{source}: {why}", file=sys.stderr)
    if arguments.json:
        print(json.dumps(figures, indent=2))
    else:
        print(report(scores, figures, arguments.details))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
