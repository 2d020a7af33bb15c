"""Two drafted measures on one action with different statuses are one measure with two events."""

from __future__ import annotations

import re

from generator.authoring.drafting.measure import Measure


def merged_steps(text: str, measures: list[Measure]) -> list[Measure]:
    """Two measures on the same action with different statuses ("announced ... to list all
    X", "started listing all X") are one measure with two events."""
    kept: list[Measure] = []
    for measure in measures:
        words = _content(text[slice(*measure.place)])
        same = next(
            (
                k
                for k in kept
                if k.status != measure.status
                and len(words & _content(text[slice(*k.place)])) >= max(3, len(words) // 2)
            ),
            None,
        )
        if same is None:
            kept.append(measure)
            continue
        if not same.events:
            same.events.append((same.status, same.place))
        same.events.append((measure.status, measure.place))
        same.status = measure.status
    return kept


def _content(words: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z-]{3,}", words.lower())} - {
        "that",
        "with",
        "from",
        "have",
        "been",
        "this",
        "their",
    }
