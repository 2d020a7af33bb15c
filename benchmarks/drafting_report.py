"""The drafting benchmark's table: a column per article, their totals, and the targets."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from typing import Any

from drafting_score import Score
from run import render  # the table, as the build benchmark prints it


def totals(scores: list[Score]) -> Score:
    total = Score("total")
    for score in scores:
        for f in fields(Score):
            if f.type in ("int", "float"):
                setattr(total, f.name, getattr(total, f.name) + getattr(score, f.name))
    return total


def ratio(part: int, whole: int) -> str:
    return f"{part}/{whole} ({part / whole:.0%})" if whole else "-"


def rate(part: str, whole: str) -> Callable[[Score], str]:
    return lambda s: ratio(getattr(s, part), getattr(s, whole))


def count(name: str) -> Callable[[Score], str]:
    return lambda s: str(getattr(s, name))


ROWS: list[tuple[str, Callable[[Score], str], str]] = [
    ("claims found", rate("claims_found", "claims"), ""),
    ("  claims drafted", count("drafted_claims"), ""),
    ("speakers right (recall)", rate("speakers_right", "claims"), ">= 90%"),
    ("speakers right (precision)", rate("named_right", "named"), ">= 85%"),
    ("figure values right", rate("values_right", "figures"), "100%"),
    ("figure units right", rate("units_right", "figures"), ">= 80%"),
    ("figure stated_by right", rate("stated_by_right", "figures"), ">= 90%"),
    ("  figures drafted", count("drafted_figures"), ""),
    ("dates proposed as figures", count("dates_as_figures"), "0"),
    ("measures found", rate("measures_found", "measures"), ">= 80%"),
    ("  statuses right (of found)", rate("statuses_right", "measures_found"), ""),
    ("  measures drafted", count("drafted_measures"), ""),
    ("new actors proposed", rate("new_actors_proposed", "new_actors"), ">= 80%"),
    ("  new actors drafted", count("drafted_new_actors"), ""),
    ("  of them, actors it has", rate("drafted_new_actors_right", "drafted_new_actors"), ""),
    ("existing records proposed", rate("existing_proposed", "existing"), ""),
    ("drafted quotes not in the text", count("quotes_not_found"), "0"),
]


def report(scores: list[Score], figures: dict[str, Any], details: bool) -> str:
    total = totals(scores)
    columns = [*scores, total]
    rows = [("", [s.article for s in columns] + ["target"])]
    rows += [(label, [cell(s) for s in columns] + [target]) for label, cell, target in ROWS]
    per_article = total.seconds / len(scores) if scores else 0
    rows.append(
        ("seconds", [f"{s.seconds:.2f} s" for s in scores] + [f"{per_article:.2f} s each", ""])
    )
    lines = [render(rows), ""]
    lines.append(
        f"first call (loads the language pipeline, if any): {figures['first_call_seconds']:.2f} s"
    )
    timed = figures["speed"]
    if timed:
        runs = ", ".join(f"{t:.2f}" for t in timed["runs"])
        lines.append(
            f"a {timed['words']:,}-word article against {timed['records']:,} records: "
            f"{timed['seconds']:.2f} s, median of {runs} (target: <= 2 s)"
        )
    size = figures["extra_size_bytes"]
    lines.append(
        "the draft extra's installed size: "
        + (f"{size / 1e6:,.0f} MB" if size is not None else "not installed")
    )
    lines += [f"not scored: {source} (see stderr)" for source in figures["failed"]]
    if details:
        for score in scores:
            lines += ["", f"{score.article}:", *(f"  {line}" for line in score.details)]
    return "\n".join(lines)
