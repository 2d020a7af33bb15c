"""The renderer of an incremental run: each page and part rendered with what it read (see
``tracing``), and the parts of long pages taken from the stored run while what they read is
unchanged. It does ``Renderer``'s steps its own way, and gives the same text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.incremental import tracing
from generator.incremental.tracing import Rendered
from generator.model.records import Briefing
from generator.render.rendering import Renderer


class RememberingRenderer(Renderer):
    """``parts``: the stored parts valid now (see ``Memo.valid_parts``); ``cut_of``: each long
    listing's cut of the plain model, as ``Digests.cut`` gives it; ``used``: the parts this run's
    pages hold, for the next run."""

    def __init__(
        self,
        templates: Path,
        briefing: Briefing,
        parts: dict[tuple, Rendered],
        cut_of: Callable[[str], Any],
        compiled: Path | None = None,
    ):
        super().__init__(templates, briefing, compiled)
        self.parts = parts
        self.used: dict[tuple, Rendered] = {}
        self._cut_of = cut_of  # the plain model's: a cut notes no reads of the records

    def render_page(self, path: str) -> Rendered:
        return tracing.rendered(self.jobs[path])

    def render_part(self, key: tuple, make: Callable[[], str]) -> str:
        part = self.parts.get(key)
        if part is None:
            part = tracing.rendered(make)
        else:
            tracing.reuse(part)
        self.used[key] = part
        return part.text

    def computed_once(self, function: Callable[[str], Any]) -> Callable[[str], Any]:
        return tracing.once(function)

    def cut(self, listing: str) -> Any:
        """Read as 'p:<listing>', the cut's shape: its records are read by the page that
        shows them, as it looks them up."""
        tracing.note(f"p:{listing}")
        return self._cut_of(listing)
