"""How the build scales: time, throughput and memory for synthetic corpora of growing size.

    .venv/bin/python benchmarks/run.py --sizes 100 1000 10000 --seed 1 [--against REV]

With ``--against REV`` every size is measured twice, by turns, on the same corpus: with the
generator, templates, hand-written pages and mkdocs.yml of the commit REV (``git archive``), then
with the working tree's; each table has both columns side by side.

For each size it writes a corpus (benchmarks/corpus.py) into a temporary folder and times, each
as a separate process the way a user runs it:

1. ``python -m generator generate`` on the fresh corpus (every page written);
2. ``python -m generator build``, the whole pipeline (generate, then ``mkdocs build --strict``
   with the project's hook; a generation the hook runs in ``on_pre_build`` counts too);
3. a plain ``mkdocs build --strict`` of the same Markdown, with a copy of mkdocs.yml that has no
   ``hooks:`` entry, so no generator runs;
4. ``zensical build --clean`` of the same Markdown and config copy, if zensical is installed;
5. the first search result, in Chromium, on the pipeline's site (Pagefind) and on the plain
   build's (Material's own index), unthrottled and with the CPU slowed 4x (``search.py``),
   the median of three; and as a reader meets it on the pipeline's site: the search box
   clicked, the first person's surname (the last word of the name of the first actor, by id,
   who is a person) typed at Playwright's default speed, from the first
   keydown to the first result painted, the median of three, side by side with the same
   measure on the project's own example (seeds/), built once for the run;
6. ``python -m generator generate`` again with nothing changed, then again after one claim's
   summary was edited, counting the pages it rewrote. These short runs are timed three times
   each (the claim edited again each time), and the median is shown;
7. ``python -m generator serve`` with the claim's page open in Chromium: from the save of an
   edit to its summary to the page showing it, three times, the median shown (``preview.py``);
8. the pipeline's site as a reader's browser gets it: every listing page's HTML and load time,
   unthrottled and with the CPU slowed 4x, the average record page and the site's size
   (``pages.py``), printed after the tables for each size.

Every command runs from the corpus folder, with the generator and templates copied there, so
editing the repository during a run does not change what is measured. It measures and prints;
it asserts nothing. README.md beside this file explains each figure.
"""

from __future__ import annotations

import argparse
import io
import os
import pstats
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import yaml
from corpus import REPO, copy_project, edit_one_claim, make_corpus
from pages import Weight, load_listings, weigh
from pages import report as pages_report
from preview import Refresh, save_to_refresh
from search import FirstResult, as_a_reader_types, first_result

from generator.kinds import KINDS

# Each step runs with Python's bytecode cache, as on a user's machine: this machine's shell sets
# PYTHONDONTWRITEBYTECODE, which made every run compile the generator's modules again (0.03 s).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV["NO_MKDOCS_2_WARNING"] = "1"
REPEATS = 3  # times each short run is timed; a second-long run varies by a third on this machine


Timed = TypeVar("Timed", "Run", FirstResult)


@dataclass
class Run:
    seconds: float
    peak_mb: float  # the largest resident set of the process and the processes it waited for
    code: int
    out: str


def run(command: list[str], cwd: Path) -> Run:
    """Run ``command`` and take its wall time and peak memory from wait4's resource usage."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    result = Run(seconds, usage.ru_maxrss / 1024, process.returncode, text)
    if result.code != 0:
        tail = "\n".join(text.splitlines()[-30:])
        print(f"  ! {' '.join(command[:4])} ... exited {result.code}:\n{tail}", file=sys.stderr)
    return result


def median(runs: list[Timed]) -> Timed:
    """The run of median time (a Run, or a search's first result)."""
    return sorted(runs, key=lambda r: r.seconds)[len(runs) // 2]


def written(result: Run) -> int | None:
    """The N of the 'N pages written' line the CLI prints."""
    found = re.search(r"(\d+) pages written", result.out)
    return int(found.group(1)) if found else None


def config_without_hooks(root: Path, name: str, site_dir: str) -> Path:
    """A copy of mkdocs.yml without the ``hooks:`` block, building into ``site_dir``."""
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"^hooks:\n(?:[ \t]+.*\n|[ \t]*\n)*", "", text, flags=re.MULTILINE)
    text = re.sub(r"^site_dir:.*$", f"site_dir: {site_dir}", text, flags=re.MULTILINE)
    path = root / name
    path.write_text(text, encoding="utf-8")
    return path


def zensical() -> str | None:
    beside = Path(sys.executable).with_name("zensical")
    return str(beside) if beside.exists() else shutil.which("zensical")


@dataclass
class Result:
    records: int
    articles: int
    pages: int  # Markdown pages in docs/, each one HTML page
    record_pages: int
    generate: Run
    written: int | None
    pipeline: Run
    plain: Run
    zensical: Run | None
    noop: Run
    edited: Run
    edited_written: int | None
    edited_claim: str
    searches: dict[str, FirstResult | None]  # "new 1x", "old 4x"...
    typed: dict[int, float | None]  # CPU slowed 1x, 4x: seconds from the first key
    preview: Refresh | None
    weight: Weight  # the pipeline's site: listings, record pages, size
    label: str  # whose generator: "now" (the working tree's), or the commit measured against


def first_actor(root: Path) -> str:
    """The name of the first actor (by id) of the project at ``root``, its page's heading."""
    names = sorted((root / "docs" / "actors").glob("*.md"))
    return next(
        line[2:].strip()
        for p in names
        if p.name != "index.md"
        for line in p.read_text(encoding="utf-8").splitlines()
        if line.startswith("# ")
    )


def surname(root: Path) -> str:
    """The last word of the name of the first person (by id) among the actors of the project
    at ``root`` (the last word of any name, if none is a person)."""
    actors = [
        actor
        for path in sorted((root / "seeds" / "annotations").glob("*.yaml"))
        for actor in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("actors", [])
    ]
    people = sorted(actors, key=lambda actor: (actor.get("kind") != "person", actor["id"]))
    return people[0]["name"].split()[-1]


def typed(root: Path) -> dict[int, float | None]:
    """From the first key to the first result, the first person's surname typed into the
    site of the project at ``root``, at both speeds (None if it could not be measured)."""
    word = surname(root)
    found: dict[int, float | None] = {}
    for rate in (1, 4):
        try:
            runs = sorted(as_a_reader_types(root / "site", word, rate) for _ in range(REPEATS))
            found[rate] = runs[len(runs) // 2]
        except Exception as error:  # noqa: BLE001 - reported in the table as not measured
            print(f"search as typed on {root.name}: {error}", file=sys.stderr)
            found[rate] = None
    return found


def example(work: Path, source: Path, label: str) -> dict[int, float | None]:
    """The reader's search measured on the project's own example, built in ``work`` with the
    generator of ``source``."""
    root = work / f"example-{label}"
    root.mkdir()
    copy_project(root, source)
    shutil.copytree(REPO / "seeds", root / "seeds")
    print(f"[example, {label}] build, then search as typed", file=sys.stderr)
    run([sys.executable, "-m", "generator", "build", "--root", str(root)], root)
    return typed(root)


def searched(root: Path) -> dict[str, FirstResult | None]:
    """The first result for a person's name on both sites, at both speeds; None if Playwright
    or a Chromium is missing (make test installs both)."""
    query = first_actor(root)
    found: dict[str, FirstResult | None] = {}
    for name, site in (("new", root / "site"), ("old", root / "site-plain")):
        for rate in (1, 4):
            try:
                runs = [first_result(site, query, rate) for _ in range(REPEATS)]
                found[f"{name} {rate}x"] = median(runs)
            except Exception as error:  # noqa: BLE001 - reported in the table as not measured
                print(f"search on {site.name}: {error}", file=sys.stderr)
                found[f"{name} {rate}x"] = None
    return found


def measure(size: int, seed: int, work: Path, source: Path, label: str) -> Result:
    root = work / f"corpus-{size}-{label}"
    python = sys.executable
    step = f"[{size} records, {label}]"
    print(f"{step} writing the corpus into {root}", file=sys.stderr)
    stats = make_corpus(size, seed, root, source)
    generator = [python, "-m", "generator"]

    print(f"{step} generate (fresh docs/)", file=sys.stderr)
    generate = run([*generator, "generate", "--root", str(root)], root)
    docs = root / "docs"
    pages = sum(1 for _ in docs.rglob("*.md"))
    record_pages = sum(1 for s in KINDS for p in (docs / s).glob("*.md") if p.name != "index.md")

    print(f"{step} generator build (the whole pipeline)", file=sys.stderr)
    pipeline = run([*generator, "build", "--root", str(root)], root)

    print(f"{step} plain mkdocs build (no hook)", file=sys.stderr)
    plain_config = config_without_hooks(root, "mkdocs.plain.yml", "site-plain")
    plain = run([python, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(plain_config)], root)

    zensical_run = None
    if command := zensical():
        print(f"{step} zensical build", file=sys.stderr)
        config = config_without_hooks(root, "mkdocs.zensical.yml", "site-zensical")
        zensical_run = run([command, "build", "--clean", "-f", str(config)], root)

    print(f"{step} first search result, new and old search", file=sys.stderr)
    searches = searched(root)
    print(f"{step} search as a reader types it", file=sys.stderr)
    typed_here = typed(root)

    print(f"{step} the site's pages: sizes, and each listing loaded", file=sys.stderr)
    weight = weigh(root / "site", stats.records)
    try:
        load_listings(root / "site", weight)
    except Exception as error:  # noqa: BLE001 - the sizes are still shown, the times as "-"
        print(f"listings: {error}", file=sys.stderr)

    print(f"{step} generate again, nothing changed ({REPEATS} times)", file=sys.stderr)
    noop = median(
        [run([*generator, "generate", "--root", str(root)], root) for _ in range(REPEATS)]
    )
    edits = []
    for _ in range(REPEATS):
        claim = edit_one_claim(root)
        print(f"{step} generate after editing the summary of {claim}", file=sys.stderr)
        edits.append(run([*generator, "generate", "--root", str(root)], root))
    edited = median(edits)

    print(f"{step} preview: from a save to the page refreshed ({REPEATS} times)", file=sys.stderr)
    try:
        preview = save_to_refresh(root, REPEATS)
    except Exception as error:  # noqa: BLE001 - reported in the table as not measured
        print(f"preview: {error}", file=sys.stderr)
        preview = None
    return Result(
        stats.records,
        stats.articles,
        pages,
        record_pages,
        generate,
        written(generate),
        pipeline,
        plain,
        zensical_run,
        noop,
        edited,
        written(edited),
        claim,
        searches,
        typed_here,
        preview,
        weight,
        label,
    )


def exported(rev: str, work: Path) -> Path:
    """The commit ``rev`` of the repository, as ``git archive`` gives it, in ``work``."""
    folder = work / f"source-{rev}"
    folder.mkdir()
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", rev], capture_output=True, check=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def profile(root: Path, top: int = 20) -> str:
    """The generator's hotspots on one ``generate`` run of ``root``, by own time."""
    output = root / "generate.prof"
    command = [sys.executable, "-m", "cProfile", "-o", str(output), "-m", "generator"]
    run([*command, "generate", "--root", str(root)], root)
    stream = io.StringIO()
    stats = pstats.Stats(str(output), stream=stream)
    stats.strip_dirs().sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return stream.getvalue()


def seconds(r: Run | None) -> str:
    if r is None:
        return "skipped"
    return f"{r.seconds:.2f} s" + ("" if r.code == 0 else f" (exit {r.code})")


def per_second(pages: int, r: Run | None) -> str:
    return f"{pages / r.seconds:,.0f}" if r and r.code == 0 else "-"


def table(results: list[Result]) -> str:
    rows: list[tuple[str, list[str]]] = [
        ("records", [f"{r.records:,}" for r in results]),
        ("articles", [f"{r.articles:,}" for r in results]),
        ("pages (record pages)", [f"{r.pages:,} ({r.record_pages:,})" for r in results]),
        ("generate, fresh docs/", [seconds(r.generate) for r in results]),
        ("  pages written", [f"{r.written:,}" if r.written else "-" for r in results]),
        ("pipeline: generator build", [seconds(r.pipeline) for r in results]),
        ("  pages/s", [per_second(r.pages, r.pipeline) for r in results]),
        ("plain mkdocs build", [seconds(r.plain) for r in results]),
        ("  pages/s", [per_second(r.pages, r.plain) for r in results]),
        ("generator share of pipeline", [share(r) for r in results]),
        ("pipeline - plain mkdocs", [extra(r) for r in results]),
        (
            "pipeline / plain mkdocs",
            [f"{r.pipeline.seconds / r.plain.seconds:.2f}x" for r in results],
        ),
        ("zensical build --clean", [seconds(r.zensical) for r in results]),
        ("  pages/s", [per_second(r.pages, r.zensical) for r in results]),
        ("generate, nothing changed", [seconds(r.noop) for r in results]),
        ("generate, one claim edited", [seconds(r.edited) for r in results]),
        ("  pages rewritten", [str(r.edited_written) for r in results]),
        *[
            (f"first search result, {which}", [found(r.searches[which]) for r in results])
            for which in ("new 1x", "new 4x", "old 1x", "old 4x")
        ],
        *[
            (f"search from the first key, {rate}x", [seconds_or(r.typed[rate]) for r in results])
            for rate in (1, 4)
        ],
        ("preview: first page after", [startup(r.preview) for r in results]),
        ("preview: save to refresh", [refreshed(r.preview) for r in results]),
        ("preview: save to listings", [listings_refreshed(r.preview) for r in results]),
        ("peak memory: generate", [f"{r.generate.peak_mb:,.0f} MB" for r in results]),
        ("peak memory: pipeline", [f"{r.pipeline.peak_mb:,.0f} MB" for r in results]),
        ("peak memory: plain mkdocs", [f"{r.plain.peak_mb:,.0f} MB" for r in results]),
        ("peak memory: preview", [peak(r.preview) for r in results]),
        (
            "peak memory: zensical",
            [f"{r.zensical.peak_mb:,.0f} MB" if r.zensical else "-" for r in results],
        ),
    ]
    header = ("size (--sizes)", [f"{r.records:,} ({r.label})" for r in results])
    return render([header, *rows])


def seconds_or(value: float | None) -> str:
    return "not measured" if value is None else f"{value:.2f} s"


def found(result: FirstResult | None) -> str:
    if not result:
        return "not measured"
    return f"{result.seconds:.2f} s, {result.search_kb:,.0f} kB (load {result.load:.2f} s)"


def startup(r: Refresh | None) -> str:
    return f"{r.startup:.1f} s" if r else "not measured"


def refreshed(r: Refresh | None) -> str:
    return f"{r.median:.2f} s" if r else "not measured"


def listings_refreshed(r: Refresh | None) -> str:
    return f"{r.listed_median:.2f} s" if r and r.listed else "not measured"


def peak(r: Refresh | None) -> str:
    return f"{r.peak_mb:,.0f} MB" if r else "-"


def share(r: Result) -> str:
    """The generator's own time (a run that writes nothing, as in the pipeline) / pipeline."""
    return f"{100 * r.noop.seconds / r.pipeline.seconds:.0f}%"


def extra(r: Result) -> str:
    """What the pipeline costs beyond MkDocs alone, and its part of the pipeline."""
    seconds = r.pipeline.seconds - r.plain.seconds
    return f"{seconds:.2f} s ({100 * seconds / r.pipeline.seconds:.0f}%)"


def growth(results: list[Result]) -> str:
    """Each generator's time at each size over its time at the size before (``results`` are
    in order of size)."""
    rows = []
    labels = dict.fromkeys(r.label for r in results)
    sized = [[r for r in results if r.label == label] for label in labels]
    for a, b in (pair for runs in sized for pair in zip(runs, runs[1:], strict=False)):
        scale = b.records / a.records
        cells = [f"{scale:.1f}x"]
        for name in ("generate", "pipeline", "plain", "zensical", "edited"):
            x, y = getattr(a, name), getattr(b, name)
            cells.append(f"{y.seconds / x.seconds:.1f}x" if x and y else "-")
        rows.append((f"{a.records:,} -> {b.records:,} ({a.label})", cells))
    header = ("records", ["records", "generate", "pipeline", "plain mkdocs", "zensical", "edit"])
    return render([header, *rows])


def render(rows: list[tuple[str, list[str]]]) -> str:
    width = max(len(label) for label, _ in rows)
    columns = len(rows[0][1])
    widths = [max(len(cells[i]) for _, cells in rows) for i in range(columns)]
    lines = []
    for index, (label, cells) in enumerate(rows):
        lines.append(
            f"| {label:<{width}} | "
            + " | ".join(f"{c:>{w}}" for c, w in zip(cells, widths, strict=True))
            + " |"
        )
        if index == 0:
            lines.append(f"|{'-' * (width + 2)}|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, help="keep the corpora here (default: a temp dir)")
    parser.add_argument(
        "--profile", action="store_true", help="also profile generate on the largest corpus"
    )
    parser.add_argument(
        "--against", metavar="REV", help="also measure the generator of this commit, by turns"
    )
    arguments = parser.parse_args()
    work = arguments.work or Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        sources = {"now": REPO}
        if arguments.against:
            sources = {arguments.against: exported(arguments.against, work), **sources}
        results = [
            measure(size, arguments.seed, work, source, label)
            for size in arguments.sizes
            for label, source in sources.items()
        ]
        on_example = {label: example(work, source, label) for label, source in sources.items()}
        print(f"\nBriefing scale benchmark (seed {arguments.seed}, {os.cpu_count()} cores)\n")
        print(table(results))
        for label, typed_there in on_example.items():
            print(
                f"\nsearch from the first key on the example (seeds/), the same measure, {label}: "
                + ", ".join(f"{rate}x {seconds_or(typed_there[rate])}" for rate in (1, 4))
            )
        if len(results) > 1:
            print(
                "\nGrowth: time at the larger size / time at the smaller (target <= 11x for 10x)\n"
            )
            print(growth(results))
        if not zensical():
            print("\nzensical: skipped (not installed)")
        for r in results:
            print(
                f"\nThe site at {r.records:,} records ({r.label}), as a reader's browser gets it\n"
            )
            print(pages_report(r.weight))
        for r in results:
            print(f"\nedited claim at {r.records:,} records: {r.edited_claim}")
            print("  " + r.edited.out.strip().splitlines()[-1] if r.edited.out.strip() else "")
        if arguments.profile:
            largest = work / f"corpus-{arguments.sizes[-1]}-now"
            print(f"\ncProfile of generate at {arguments.sizes[-1]} records\n")
            print(profile(largest))
    finally:
        if arguments.work is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
