"""Mark every annotated passage in an article's text, for its source page.

Evidence of claims, measures, figures and cited sources becomes a ``<mark>`` followed by a
numbered link to its record; an actor's evidence (a mention of a name) becomes a quieter
``<span class="mention">``. Each carries an id, the anchor record pages link to. Passages may
nest or overlap; overlapping ones are split so the HTML stays well formed, and only the first
piece carries the id.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.i18n import _
from generator.input.evidence import paragraph_spans
from generator.model.kinds import KINDS
from generator.model.records import Evidence, Record
from generator.render import markup


@dataclass(frozen=True)
class Passage:
    start: int
    end: int
    evidence: Evidence
    record: Record

    @property
    def tag(self) -> str:
        return "mark" if KINDS[self.record.section].covers_sentences else "span"

    def opening(self, with_id: bool, even: bool = False) -> str:
        """Its start tag; every other numbered passage is shaded apart ('evidence even'), so
        that two passages side by side read as two."""
        kind = "mention" if self.tag == "span" else "evidence even" if even else "evidence"
        return markup.opening(self.tag, kind, self.evidence.anchor if with_id else None)

    def note(self, number: int) -> str:
        """The numbered link, from the source page, to the record the passage evidences."""
        record = self.record
        title = _("%(kind)s: %(label)s") % {
            "kind": KINDS[record.section].one,
            "label": record.label,
        }
        return markup.note(number, f"../{record.section}/{record.id}.md", title)


@dataclass(frozen=True)
class Paragraph:
    markdown: str  # the paragraph's text with its passages marked
    named: tuple[Record, ...]  # the actors it mentions


def mark_paragraphs(text: str, passages: list[Passage]) -> list[Paragraph]:
    """Each paragraph of ``text``, with its passages marked."""
    ordered = sorted(passages, key=lambda p: (p.start, -p.end, p.evidence.anchor))
    # Numbered as a reader meets the numbers: a note follows its passage's last word
    numbered = sorted(
        (p for p in ordered if p.tag == "mark"), key=lambda p: (p.end, p.start, p.evidence.anchor)
    )
    numbers = {p.evidence.anchor: n for n, p in enumerate(numbered, 1)}
    marker = _Marker(text, numbers)
    paragraphs = []
    for start, end in paragraph_spans(text):
        inside = [p for p in ordered if p.start < end and p.end > start]
        named = {p.record.id: p.record for p in inside if p.tag == "span"}
        paragraphs.append(Paragraph(marker.paragraph(start, end, inside), tuple(named.values())))
    return paragraphs


class _Marker:
    def __init__(self, text: str, numbers: dict[str, int]):
        self.text, self.numbers = text, numbers
        self.opened: set[str] = set()  # an id is given once per page

    def open(self, passage: Passage) -> str:
        first = passage.evidence.anchor not in self.opened
        self.opened.add(passage.evidence.anchor)
        return passage.opening(first, self.numbers.get(passage.evidence.anchor, 1) % 2 == 0)

    def close(self, passages: list[Passage], ending: list[Passage], end: int) -> str:
        """Close ``passages`` (innermost first), then one note for all that end here, in order."""
        closing = "".join(markup.closing(p.tag) for p in reversed(passages))
        numbered = sorted(
            (self.numbers[p.evidence.anchor], p.record.id, p)
            for p in ending
            if p.tag == "mark" and p.end <= end
        )
        return closing + markup.notes([p.note(number) for number, _, p in numbered])

    def paragraph(self, start: int, end: int, passages: list[Passage]) -> str:
        cuts = sorted(
            {
                start,
                end,
                *(max(p.start, start) for p in passages),
                *(min(p.end, end) for p in passages),
            }
        )
        out: list[str] = []
        stack: list[Passage] = []
        for left, right in zip(cuts, cuts[1:], strict=False):
            ending = [p for p in stack if min(p.end, end) <= left]
            if ending:  # close down to the lowest ending passage, then reopen the others
                lowest = min(stack.index(p) for p in ending)
                above = stack[lowest:]
                out.append(self.close(above, ending, end))
                stack = stack[:lowest] + [p for p in above if p not in ending]
                out.extend(self.open(p) for p in above if p not in ending)
            for passage in passages:
                if max(passage.start, start) == left:
                    stack.append(passage)
                    out.append(self.open(passage))
            out.append(markup.isolated(markup.escape_run(markup.squash(self.text[left:right]))))
        out.append(self.close(stack, stack, end))
        return markup.safe_line_start("".join(out).strip())
