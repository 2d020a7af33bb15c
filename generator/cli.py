"""``python -m generator`` / ``briefing``: check, generate, build or serve a briefing."""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

from generator import pipeline, processes, site_swap
from generator.authoring import changes, drafting, metadata, new_briefing, removal, review, scaffold
from generator.input.raw import as_dict
from generator.integrations import preview_address
from generator.problems import BriefingError, InputError, counted, workflow_commands
from generator.render import coverage
from generator.writing import FEED

COMMANDS = {
    "init": "start a briefing of your own: remove the example from seeds/ and write your "
    "title and topic into seeds/briefing.yaml and mkdocs.yml",
    "check": "validate seeds/ (schemas, references, quotes) and write nothing",
    "generate": "validate, then write the Markdown pages into docs/",
    "build": "generate, then build site/ with mkdocs build --strict",
    "coverage": "report which sentences of each article no record covers (exit 1 if any that "
    "quotes, attributes or counts is uncovered)",
    "new-source": "store a new article in seeds/articles/ (a text as received, or the article "
    "of a web page, a PDF or an address) and draft its annotation in seeds/annotations/",
    "remove-source": "move an article and its annotation file to .briefing-trash/, unless a "
    "record outside its draft quotes it",
    "serve": "generate, then preview the site, refreshing the pages an edit changes",
    "diff": "list the records added, changed and removed since a git revision, as Markdown (a "
    "pull request's summary)",
}


def parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--root",
        type=Path,
        default=Path.cwd(),
        help="the project folder (default: the current folder)",
    )
    parser = argparse.ArgumentParser(
        prog="briefing", description="Build a briefing site from seed articles and annotations."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="command")
    for name, summary in COMMANDS.items():
        command = commands.add_parser(name, help=summary, description=summary, parents=[common])
        if name in ("check", "generate", "build", "coverage"):
            command.add_argument(
                "--no-cache",
                action="store_true",
                help="do all the work afresh, neither reading nor writing .briefing-cache/",
            )
        if name == "check":
            command.add_argument(
                "--github-annotations",
                action="store_true",
                help="also print each problem on stdout as a GitHub Actions annotation "
                "(::error file=...,line=...,col=...::), which GitHub shows on the diff",
            )
        if name in ("build", "serve"):
            command.add_argument(
                "--time-limit",
                type=_seconds,
                metavar="SECONDS",
                help="how long MkDocs and Pagefind may each run before they are stopped "
                "(default: 600 plus 0.1 a page; or $BRIEFING_TIME_LIMIT)",
            )
        if name == "init":
            _init_arguments(command)
        if name == "new-source":
            _new_source_arguments(command)
        if name == "diff":
            command.add_argument("revision", help="what to compare with: a branch (main), a commit")
        if name == "remove-source":
            command.add_argument("id", help="the article's id (its file name without .txt)")
        if name == "serve":
            command.add_argument(
                "--address",
                default="127.0.0.1:8000",
                help="where to serve: HOST:PORT, [IPv6]:PORT, or a port alone for this machine "
                "only (default: %(default)s)",
            )
    return parser


def _seconds(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        seconds = 0.0
    if not 0 < seconds < float("inf"):
        raise argparse.ArgumentTypeError(f"not a number of seconds above 0: {text!r}")
    return seconds


def _init_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("--title", help="the briefing's title (default: the folder's name)")
    command.add_argument("--topic", help="what it covers, in a sentence or two")
    command.add_argument("--description", help="one line for search engines (default: the topic)")
    command.add_argument("--about", help="text for the about page, in your own words")
    command.add_argument(
        "--language", help="the language the briefing is written in: en (the default), fr or zh"
    )
    command.add_argument(
        "--force",
        action="store_true",
        help="replace a briefing of your own, not only the example: what did not come with the "
        "example is moved to .briefing-trash/<date-time>/, never deleted",
    )


def _new_source_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("id", help="the new source's id, e.g. gazette-2020-council-vote")
    command.add_argument(
        "file",
        help="the article: a text file as received, a web page saved from a browser (.html), a "
        "page printed to PDF, an http(s) address to fetch, or - for standard input",
    )
    command.add_argument(
        "--label", help="a descriptive name for the article (default: the page's title)"
    )
    command.add_argument("--kind", default="news-article", help="default: news-article")
    command.add_argument("--publisher", help="the publisher's actor id")
    command.add_argument(
        "--publisher-name", help="create the publisher (--publisher) with this name"
    )
    command.add_argument("--published", help="YYYY, YYYY-MM or YYYY-MM-DD")
    command.add_argument("--url", help="the article's http(s) address")
    command.add_argument(
        "--language",
        help="the language the article is written in, when it is not the briefing's: a code, "
        "e.g. zh or fr (its quotes stay in it; its numbers are drafted as it writes them)",
    )
    command.add_argument(
        "--provenance",
        action="append",
        default=[],
        metavar="FIELD=REASON",
        help="how you know a publisher, date or address the text does not state, one field at "
        "a time (repeatable), e.g. --provenance publisher='republished on www.example.gov, "
        "which credits Xinhua'",
    )
    command.add_argument(
        "--replace",
        action="store_true",
        help="import the article again in place of the one with this id, while no record "
        "quotes it yet (its annotation is still a draft): the old files go to .briefing-trash/",
    )


def _new_source(root: Path, arguments: argparse.Namespace) -> list[str]:
    """What new-source did, a line each; notes and warnings go to standard error."""
    from generator.authoring import importing  # its libraries, for this command only
    from generator.authoring.importing import front_matter

    reasons, wrong = metadata.reasons(arguments.provenance)
    if wrong:  # before anything is read or fetched
        raise InputError(wrong)
    briefing = pipeline.check(root)
    received = importing.receive(arguments.file)
    meta = {
        "label": arguments.label,
        "kind": arguments.kind,
        "publisher": arguments.publisher,
        "publisher_name": arguments.publisher_name,
        "published": arguments.published,
        "url": arguments.url,
        "language": arguments.language,
        "provenance": reasons,
        "file": received.name if arguments.file != "-" else "",
        "file_sha256": received.sha256 if received.kind != "text" else "",
        "replace": arguments.replace,
    }
    notes = [received.warning] if received.warning else []
    notes += front_matter.fill(meta, received.metadata, arguments.id, briefing)
    replaced = briefing.articles.get(arguments.id) if arguments.replace else None
    if replaced:
        notes += front_matter.carried_over(meta, as_dict(replaced.meta.data))
    written, moved = scaffold.new_source(root, arguments.id, received.text, meta, briefing)
    hint = drafting.better_draft_hint()
    for note in [*notes, *([hint] if hint else [])]:
        print(f"note: {note}", file=sys.stderr)
    shown = [
        f"moved {new_briefing.shown(p, root)} to {new_briefing.shown(t, root)}" for p, t in moved
    ]
    return shown + [f"wrote {path.relative_to(root)}" for path in written]


NO_FEED = (
    "no feed.xml: the site's address is not known (set site_url in mkdocs.yml, or $SITE_URL, "
    "as the workflow does)"
)


def main(argv: list[str] | None = None) -> int:
    arguments = parser().parse_args(argv)
    root = arguments.root.resolve()
    if getattr(arguments, "time_limit", None):  # for the processes this run starts, and theirs
        os.environ[processes.LIMIT] = f"{arguments.time_limit:g}"
    try:
        if arguments.command == "init":
            fields = ("title", "topic", "description", "language", "about")
            own = {k: getattr(arguments, k) for k in fields}
            started = new_briefing.start(root, own, arguments.force)
            for path, target in started.moved:
                moved = new_briefing.shown(path, root), new_briefing.shown(target, root)
                print("moved {} to {}".format(*moved))
            for path in started.written:
                print(f"wrote {path.relative_to(root)}")
            print(
                "next: add an article: .venv/bin/python -m generator new-source ID FILE --label TEXT"
            )
        elif arguments.command == "diff":
            before = changes.at_revision(root, arguments.revision)
            print(
                changes.report(changes.between(before, pipeline.check(root)), arguments.revision),
                end="",
            )
        elif arguments.command == "check":
            briefing = pipeline.check(root, not arguments.no_cache)
            records, articles = len(briefing.records), len(briefing.articles)
            print(f"ok: {counted(records, 'record')} in {counted(articles, 'article')}")
            for path in briefing.drafts:
                print(f"{path}: draft, not checked or published until 'draft: true' is removed")
                for line in review.left_to_review(root / path, path):
                    print(f"  {line}")
        elif arguments.command == "generate":
            report = pipeline.generate(root, pipeline.available_cores(), not arguments.no_cache)
            print(f"ok: {report}")
        elif arguments.command == "new-source":
            for line in _new_source(root, arguments):
                print(line)
        elif arguments.command == "remove-source":
            for line in removal.remove_source(root, arguments.id, pipeline.check(root)):
                print(line)
        elif arguments.command == "coverage":
            articles = coverage.measure(pipeline.check(root, not arguments.no_cache))
            print(coverage.report(articles))
            return 1 if any(article.missed for article in articles) else 0
        elif arguments.command == "build":
            print(f"ok: {pipeline.build(root, not arguments.no_cache)}; site/ built")
            if not (root / "site" / FEED).is_file():
                print(NO_FEED)
            if warning := site_swap.size_warning(root):
                print(f"warning: {warning}", file=sys.stderr)
        else:
            address = preview_address.parse(arguments.address)  # one line if wrong, at once
            if preview_address.beyond_this_machine(address):
                print(
                    f"warning: serving on {address.url} reaches beyond this machine: anyone on "
                    f"your network can read the briefing (--address {address.port} keeps it here)",
                    file=sys.stderr,
                )
            # MkDocs, for this command only; a version the preview does not know is one line
            from generator.integrations import mkdocs_preview

            print(f"ok: {pipeline.generate(root)}; serving", flush=True)
            gc.enable()  # a process that lives on frees what each refresh leaves (see run)
            mkdocs_preview.serve(root, address, _PreviewTuning())
    except BriefingError as error:
        print(error.report(), file=sys.stderr)
        if getattr(arguments, "github_annotations", False) and isinstance(error, InputError):
            print("\n".join(workflow_commands(error.problems)))  # GitHub reads them on stdout
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


class _PreviewTuning:
    """The preview's process tuned for it (``mkdocs_preview.ProcessTuning``): the built site's
    objects frozen, so the collector need not look them over again; the collector off during a
    refresh (looking over its millions of objects cost a third of it) and while the long
    listings render, when a short switch interval also lets the server's threads, answering
    the browsers' reload, wait less on that thread.

    The collector is let on again ``COLLECT_AFTER`` a refresh, unless another began, or once
    the long listings are rendered: its first pass looks over what the refresh made, 0.1-0.16 s
    at 10,000 records, which would otherwise come before the browsers are told to reload."""

    COLLECT_AFTER = 1.0  # seconds: the browsers have reloaded

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._refreshes = 0

    def kept(self) -> None:
        gc.collect()
        gc.freeze()

    def released(self) -> None:
        gc.unfreeze()

    @contextlib.contextmanager
    def refreshing(self) -> Iterator[None]:
        with self._lock:
            self._refreshes += 1
            gc.disable()
        try:
            yield
        finally:
            collecting = threading.Timer(self.COLLECT_AFTER, self._collect, (self._refreshes,))
            collecting.daemon = True
            collecting.start()

    def _collect(self, after: int) -> None:
        with self._lock:
            if self._refreshes == after:  # no refresh since
                gc.enable()

    @contextlib.contextmanager
    def rendering_behind(self) -> Iterator[None]:
        switching = sys.getswitchinterval()
        sys.setswitchinterval(0.0005)
        try:
            with self.refreshing():
                yield
        finally:
            sys.setswitchinterval(switching)
            gc.enable()  # the browsers reloaded before these began


def run() -> NoReturn:
    """The command line: ``main``, then an exit that leaves the heap to the system.

    A run holds a few million small objects. Freeing them one by one at exit, after the cycle
    collector looked them over, took a fifth of a one-claim edit at 10,000 records; a process
    about to end needs neither. Every file it wrote is closed by then; the standard streams
    are flushed here. Output nobody reads any more ends the run with status 1 and no
    traceback; an unexpected error still ends the usual way, with its traceback."""
    gc.disable()
    try:
        code = main()
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:  # the reader stopped reading (``| head``): exit 1, as Python does
        code = 1
    os._exit(code)
