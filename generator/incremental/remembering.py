"""The renderer's memory in an incremental run: each page and part with what it read, and
parts of long pages taken from the stored run while what they read is unchanged (see
``rendering.Afresh`` for the calls a memory answers)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.incremental import tracing
from generator.incremental.tracing import Rendered


class Remembering:
    def __init__(self, parts: dict[tuple, Rendered]):
        self.parts = parts  # valid now (see ``Memo.valid_parts``)
        self.used: dict[tuple, Rendered] = {}  # the parts this run's pages hold

    def page(self, job: Callable[[], str]) -> Rendered:
        return tracing.rendered(job)

    def part(self, key: tuple, make: Callable[[], str]) -> str:
        part = self.parts.get(key)
        if part is None:
            part = tracing.rendered(make)
        else:
            tracing.reuse(part)
        self.used[key] = part
        return part.text

    def once(self, function: Callable[[str], Any]) -> Callable[[str], Any]:
        return tracing.once(function)
