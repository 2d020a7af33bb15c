"""Who relates to whom: relations between actors, read off the records, drawn as an SVG.

Records relate claims, measures and sources; a reader asks how the *actors* stand to each
other. ``edges`` folds each record's references into actor-to-actor relations that name the
record showing them, so every line in the drawing leads back to its evidence. The drawing is
computed here, at build time, so the site needs no JavaScript and nothing from a CDN.
"""

from __future__ import annotations

import html
import math
import textwrap
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from .model import Briefing

Point = tuple[float, float]
# Claim fields naming another claim, and how the two speakers then relate.
CLAIM_LINKS = {"responds_to": "answers", "disputes": "disputes", "supports": "supports"}
# Relation -> colour, dashes, tooltip verb. Mid-tone colours read on Material's light and dark
# palettes; the dashes tell relations apart for readers who cannot tell the colours apart.
STYLES = {
    "answers": ("#fb8c00", "7 3", "answers"),
    "disputes": ("#e53935", "none", "disputes"),
    "supports": ("#43a047", "none", "supports"),
    "quotes": ("#a1887f", "2 3", "quotes"),
    "urges": ("#ab47bc", "9 3 2 3", "urges"),
    "acts with": ("#1e88e5", "none", "acts with"),
    "about": ("#26a69a", "1 4", "speaks about"),
    "member of": ("var(--md-default-fg-color--light,#888)", "none", "is a member of"),
}
FONT, LINE = 14, 17  # label size and line height, in viewBox units
# A <style> inside inline SVG applies to the whole page, hence every rule is scoped to .bn.
CSS = (
    f".bn text{{font-size:{FONT}px;fill:var(--md-default-fg-color,#333);paint-order:stroke;"
    "stroke:var(--md-default-bg-color,#fff);stroke-width:4px;stroke-linejoin:round}"
    ".bn a:hover text,.bn a:focus text{text-decoration:underline}"
    ".bn .bn-node{fill:var(--md-primary-fg-color,#3f51b5);stroke:var(--md-default-bg-color,#fff)}"
    ".bn .bn-focus{fill:var(--md-accent-fg-color,#526cfe)}.bn .bn-arrow{fill:var(--c)}"
    ".bn .bn-edge{fill:none;stroke:var(--c);stroke-dasharray:var(--d);stroke-width:1.6px}"
    ".bn a:hover .bn-edge{stroke-width:3px}"
    + "".join(
        f".bn .bn-{r.replace(' ', '-')}{{--c:{c};--d:{d}}}" for r, (c, d, _) in STYLES.items()
    )
)


@dataclass(frozen=True)
class Edge:
    source: str  # actor ids
    target: str
    relation: str  # a key of STYLES
    via: str  # id of the record that shows the relation


def _ids(value: Any) -> list[str]:
    """A reference field as a list: fields name one record or several."""
    if isinstance(value, str):
        return [value]
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _candidates(briefing: Briefing) -> Iterator[Edge]:
    """Every relation each record implies, duplicates and self-loops included."""
    records = briefing.records

    def actors(value: Any) -> list[str]:
        return [i for i in _ids(value) if i in records and records[i].section == "actors"]

    for r in records.values():
        if r.section == "actors":
            yield from (
                Edge(r.id, o, "member of", r.id) for role in r.roles for o in actors(role.of)
            )
        elif r.section == "measures":
            doers = actors(r.get("actors"))
            yield from (
                Edge(a, b, "acts with", r.id) for a, b in combinations(sorted(set(doers)), 2)
            )
            yield from (Edge(u, d, "urges", r.id) for u in actors(r.get("urged_by")) for d in doers)
        elif r.section == "claims":
            for x in actors(r.get("speaker")):
                for name, relation in CLAIM_LINKS.items():
                    claims = [records[c] for c in _ids(r.get(name)) if c in records]
                    yield from (
                        Edge(x, y, relation, r.id) for c in claims for y in actors(c.get("speaker"))
                    )
                # Each source the claim passed through, and each article reporting it, relays it.
                ids = _ids(r.get("via")) + [e.source for e in r.evidence]
                for source in (records[s] for s in ids if s in records):
                    for relay in actors(source.get("author")) + actors(source.get("publisher")):
                        yield Edge(relay, x, "quotes", r.id)
                yield from (Edge(x, y, "about", r.id) for y in actors(r.get("about")))


def edges(briefing: Briefing) -> list[Edge]:
    """Each (source, target, relation) once, shown by the first record, by id, that makes it.

    Self-loops are dropped: an author relaying their own words relates them to nobody.
    Sorted by source, target and relation, so the output is the same on every run.
    """
    kept: dict[tuple[str, str, str], Edge] = {}
    for e in sorted(_candidates(briefing), key=lambda e: (e.source, e.target, e.relation, e.via)):
        if e.source != e.target:
            kept.setdefault((e.source, e.target, e.relation), e)
    return list(kept.values())


def _n(value: float) -> str:
    """One decimal and never "-0.0": the same drawing is the same bytes."""
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


def _lines(name: str) -> list[str]:
    """At most two short lines, so a long name neither widens the drawing nor hides another."""
    lines = textwrap.wrap(name, 18) or [name]
    rest = " ".join(lines[1:])
    return lines[:1] + ([textwrap.shorten(rest, 18, placeholder="…")] if rest else [])


def _width(lines: list[str]) -> float:
    return max(map(len, lines)) * FONT * 0.56  # a generous guess at a sans-serif line's width


def _layout(ranked: list[str], hubs: int, shown: list[Edge], lines: dict[str, list[str]]):
    """Hubs on an inner ellipse; the others on two outer arcs, labels pointing outwards.

    Outer labels are stacked one above the other, so none can overlap another whatever the
    names; each outer actor goes towards the hubs it is linked to, which keeps lines short.
    """
    inner, outer = ranked[:hubs], ranked[hubs:]
    ry = 0.0 if hubs == 1 else 40.0 + 30 * hubs
    angle = {n: -math.pi / 2 + math.pi * (2 * k + 1) / hubs for k, n in enumerate(inner)}
    pos = {n: (ry * 0.6 * math.cos(a), ry * math.sin(a)) for n, a in angle.items()}
    wish: dict[str, float] = {}
    for known in (angle, wish, {}):  # linked to a hub, else to an actor linked to one
        for node in (n for n in outer if n not in wish):
            near = [
                known[m]
                for e in shown
                for m in (e.source, e.target)
                if node in (e.source, e.target) and m in known
            ]
            if near or not known:
                mean = math.atan2(sum(map(math.sin, near)), sum(map(math.cos, near)))
                wish[node] = (
                    round((mean + math.pi / 2) % math.tau, 6) if near else 7.0
                )  # clockwise from the top
    order = sorted(outer, key=lambda n: (wish[n], n))
    right, across = (len(order) + 1) // 2, 200.0 if hubs == 1 else 240.0
    for side, chunk in ((1, order[:right]), (-1, order[right:][::-1])):
        slots = [LINE * len(lines[n]) + 14 for n in chunk]
        half = sum(slots) / 2
        y = -half
        for node, slot in zip(chunk, slots, strict=True):
            tall = max(half / math.sin(math.radians(55)), 1.0)
            pos[node] = (side * across * math.sqrt(1 - ((y + slot / 2) / tall) ** 2), y + slot / 2)
            y += slot
    return pos


def _curve(p: Point, q: Point, c: Point, cut_p: float, cut_q: float) -> str:
    """A quadratic curve from p to q bent towards c, stopping at the nodes' rims."""

    def rim(a: Point, cut: float) -> str:
        d = math.dist(a, c)
        return f"{_n(a[0] + (c[0] - a[0]) / d * cut)},{_n(a[1] + (c[1] - a[1]) / d * cut)}"

    return f"M{rim(p, cut_p)}Q{_n(c[0])},{_n(c[1])} {rim(q, cut_q)}"


def _marker(relation: str) -> str:
    slug = relation.replace(" ", "-")
    return "" if relation == "acts with" else f' marker-end="url(#bn-arrow-{slug})"'


def network_svg(briefing: Briefing, focus: str | None = None, base: str = "") -> str:
    """The network, or ``focus`` and the actors it relates to directly, as inline SVG markup.

    Wrapped in a <div>, one element per line and no blank line: Markdown passes that through
    as one raw HTML block (a bare <svg> counts as inline, and its labels would be read as
    Markdown). Links start with ``base``, as MkDocs does not rewrite links in raw HTML.
    """
    shown = [e for e in edges(briefing) if focus in (None, e.source, e.target)]
    if not shown:
        return ""
    degree = Counter(n for e in shown for n in (e.source, e.target))
    ranked = sorted(degree, key=lambda n: (n != focus, -degree[n], n))
    hubs = 1 if focus or len(ranked) < 5 else round(math.sqrt(len(ranked)))
    name = {n: briefing.records[n].name for n in ranked}
    lines = {n: _lines(name[n]) for n in ranked}
    pos, size = (
        _layout(ranked, hubs, shown, lines),
        {n: 5 + 2 * math.sqrt(degree[n]) for n in ranked},
    )
    body, pairs, seen = (
        ['<g class="bn-edges">'],
        Counter(tuple(sorted((e.source, e.target))) for e in shown),
        Counter(),
    )
    for e in shown:
        a, b = pair = tuple(sorted((e.source, e.target)))
        (ax, ay), (bx, by), length = pos[a], pos[b], math.dist(pos[a], pos[b])
        bend = 0.08 * length + 16 * (seen[pair] - (pairs[pair] - 1) / 2)  # parallel edges apart
        seen[pair] += 1
        c = ((ax + bx) / 2 - (by - ay) / length * bend, (ay + by) / 2 + (bx - ax) / length * bend)
        d = _curve(pos[e.source], pos[e.target], c, size[e.source], size[e.target] + 1)
        tip = html.escape(
            f"{name[e.source]} {STYLES[e.relation][2]} {name[e.target]} (shown by {e.via})"
        )
        body.append(
            f'<a href="{base}{briefing.records[e.via].section}/{e.via}/"><path class="bn-edge bn-{e.relation.replace(" ", "-")}"'
            f' d="{d}"{_marker(e.relation)}><title>{tip}</title></path></a>'
        )
    body += ["</g>", '<g class="bn-nodes">']
    boxes = []
    for n in ranked:
        (x, y), r, w = pos[n], size[n], _width(lines[n])
        if n in ranked[:hubs]:  # label centred below the node
            lx, ly, anchor = x, y + r + FONT, "middle"
            boxes.append((x - w / 2, y - r, x + w / 2, ly + LINE * (len(lines[n]) - 1) + 4))
        else:  # label beside the node, away from the centre
            side = 1 if x > 0 else -1
            lx, ly, anchor = (
                x + side * (r + 6),
                y + FONT * 0.35 - LINE * (len(lines[n]) - 1) / 2,
                "start" if side > 0 else "end",
            )
            boxes.append(
                (min(x - r, lx - w * (side < 0)), y - r, max(x + r, lx + w * (side > 0)), y + r)
            )
        spans = "".join(
            f'<tspan x="{_n(lx)}" dy="{LINE * (k > 0)}">{html.escape(t)}</tspan>'
            for k, t in enumerate(lines[n])
        )
        body.append(
            f'<a href="{base}actors/{n}/"><title>{html.escape(name[n])}</title>'
            f'<circle class="bn-node{" bn-focus" * (n == focus)}" cx="{_n(x)}" cy="{_n(y)}" r="{_n(r)}"/>'
            f'<text x="{_n(lx)}" y="{_n(ly)}" text-anchor="{anchor}">{spans}</text></a>'
        )
    left, top = min(b[0] for b in boxes), min(b[1] for b in boxes)
    right, x, y = max(b[2] for b in boxes), left, max(b[3] for b in boxes) + 30
    body += ["</g>", '<g class="bn-legend">']
    for relation in (r for r in STYLES if any(e.relation == r for e in shown)):
        if x + 34 + _width([relation]) > right and x > left:  # next row
            x, y = left, y + 24
        slug = relation.replace(" ", "-")
        body.append(
            f'<path class="bn-edge bn-{slug}" d="M{_n(x)},{_n(y)}h28"{_marker(relation)}/>'
            f'<text x="{_n(x + 34)}" y="{_n(y + 5)}">{relation}</text>'
        )
        x += 34 + _width([relation]) + 16
    counts = Counter(e.relation for e in shown)
    what = (
        f"{name[focus]} and the {len(ranked) - 1} actors related to them"
        if focus
        else f"{len(ranked)} actors"
    )
    summary = ", ".join(f"{counts[r]} {r}" for r in STYLES if counts[r])
    view = f"{_n(left - 12)} {_n(top - 12)} {_n(right - left + 24)} {_n(y - top + 24)}"
    markers = "".join(
        f'<marker id="bn-arrow-{r.replace(" ", "-")}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8"'
        f' markerHeight="8" markerUnits="userSpaceOnUse" orient="auto"><path class="bn-arrow bn-{r.replace(" ", "-")}" d="M0,1L10,5L0,9z"/></marker>'
        for r in STYLES
    )
    return "\n".join(
        [
            '<div class="bn-network">',
            f'<svg xmlns="http://www.w3.org/2000/svg" class="bn" role="img" aria-labelledby="bn-title bn-desc" viewBox="{view}"'
            f' width="100%" style="max-width:{_n(right - left + 24)}px;height:auto">',
            f'<title id="bn-title">{html.escape(f"Network of {name[focus]}" if focus else "Actor network")}</title>',
            f'<desc id="bn-desc">{html.escape(what)}, linked by {len(shown)} relations: {summary}.</desc>',
            f"<style>{CSS}</style>",
            f"<defs>{markers}</defs>",
            *body,
            "</g>",
            "</svg>",
            "</div>",
        ]
    )
