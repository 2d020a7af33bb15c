"""``python -m generator`` / ``briefing``: check, generate, build or serve a briefing."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from . import coverage, pipeline
from .problems import BriefingError

COMMANDS = {
    "check": "validate seeds/ (schemas, references, quotes) and write nothing",
    "generate": "validate, then write the Markdown pages into docs/",
    "build": "generate, then build site/ with mkdocs build --strict",
    "coverage": "report which sentences of each article no record covers (exit 1 if any that "
    "quotes, attributes or counts is uncovered)",
    "serve": "generate, then preview the site with mkdocs serve, regenerating on changes",
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
        commands.add_parser(name, help=summary, description=summary, parents=[common])
    return parser


def main(argv: list[str] | None = None) -> int:
    arguments = parser().parse_args(argv)
    root = arguments.root.resolve()
    try:
        if arguments.command == "check":
            briefing = pipeline.check(root)
            print(f"ok: {len(briefing.records)} records in {len(briefing.articles)} articles")
        elif arguments.command == "generate":
            print(f"ok: {pipeline.generate(root)}")
        elif arguments.command == "coverage":
            articles = coverage.measure(pipeline.check(root))
            print(coverage.report(articles))
            return 1 if any(article.missed for article in articles) else 0
        elif arguments.command == "build":
            print(f"ok: {pipeline.build(root)}; site/ built")
        else:
            print(f"ok: {pipeline.generate(root)}; serving")
            env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
            return subprocess.call(
                [
                    sys.executable,
                    "-m",
                    "mkdocs",
                    "serve",
                    "--config-file",
                    str(root / "mkdocs.yml"),
                ],
                cwd=root,
                env=env,
            )
    except BriefingError as error:
        print(error.report(), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0
