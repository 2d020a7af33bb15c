"""The actor network laid out for ``templates/_network.svg.j2``, which draws it as inline SVG.

Laid out in Python and drawn at build time, so that the site needs no JavaScript and nothing
from a CDN. Everything here is data: positions, label lines, tooltips; the markup is the
template's.
"""

from __future__ import annotations

import math
import textwrap
from collections import Counter, defaultdict
from dataclasses import dataclass

from generator.i18n import _
from generator.model.kinds import KINDS
from generator.model.network import RELATIONS, Edge, edges, edges_at
from generator.model.records import Briefing

Point, Names = tuple[float, float], dict[str, list[str]]
# Relation: colour and dashes. Mid-tone colours read on Material's light and dark palettes;
# the dashes tell relations apart for readers who cannot tell the colours apart.
STYLES = {
    "responds to": ("#fb8c00", "7 3"),
    "cites": ("#43a047", "none"),
    "relays": ("#a1887f", "2 3"),
    "publishes": ("#1e88e5", "none"),
    "urges": ("#ab47bc", "9 3 2 3"),
    "holds a role in": ("var(--md-default-fg-color--light,#888)", "none"),
}
FONT, LINE, R = 14, 17, 8  # label size, line height and node radius, in viewBox units


def _n(value: float) -> str:
    """One decimal and never "-0.0": the same drawing is the same bytes."""
    return f"{round(value, 1) + 0.0:.1f}"  # adding 0.0 turns -0.0 into 0.0


def _lines(name: str) -> list[str]:
    """At most two short lines, so a long name neither widens the drawing nor hides another."""
    first, *rest = textwrap.wrap(name, 18) or [name]
    return [first] + ([textwrap.shorten(" ".join(rest), 18, placeholder="…")] if rest else [])


def _layout(ranked: list[str], hubs: int, links: Names, lines: Names) -> dict[str, Point]:
    """Hubs on an inner ellipse, the others on two outer arcs with their labels stacked outside,
    so that no label can overlap another; each goes towards its links, to keep lines short."""
    inner, outer, ry = ranked[:hubs], ranked[hubs:], 0.0 if hubs == 1 else 40.0 + 30 * hubs
    angle = {n: math.pi * ((2 * k + 1) / hubs - 0.5) for k, n in enumerate(inner)}
    pos = {n: (ry * 0.6 * math.cos(a), ry * math.sin(a)) for n, a in angle.items()}
    known = dict(angle)
    for _round in range(2):  # the mean angle of linked hubs, else of actors linked to hubs
        near = {n: [known[m] for m in links[n] if m in known] for n in outer if n not in known}
        for n, a in ((n, a) for n, a in near.items() if a):
            known[n] = math.atan2(sum(map(math.sin, a)), sum(map(math.cos, a)))
    wish = {n: round((known[n] + math.pi / 2) % math.tau, 6) for n in outer if n in known}
    order = sorted(outer, key=lambda n: (wish.get(n, 7.0), n))  # clockwise from the top
    right, across = (len(order) + 1) // 2, max(200.0, 0.6 * ry + 130)  # clear of the hubs
    for side, chunk in ((1, order[:right]), (-1, order[right:][::-1])):
        slots = [LINE * len(lines[n]) + 14 for n in chunk]
        slots = [s * max(1.0, 240 / max(sum(slots), 1)) for s in slots]  # a few still look round
        y, tall = -sum(slots) / 2, max(sum(slots) / 2 / math.sin(1.0), 1.0)
        for node, slot in zip(chunk, slots, strict=True):
            pos[node] = (side * across * math.sqrt(1 - ((y + slot / 2) / tall) ** 2), y + slot / 2)
            y += slot
    return pos


@dataclass(frozen=True)
class Curve:
    """A relation drawn from one actor to another, ending in an arrow: its relation's class
    slug, the path, and the tooltip that says it in words with the record that states it."""

    relation: str
    path: str
    tip: str


@dataclass(frozen=True)
class Node:
    """An actor: its dot, and its label's lines placed below it (hubs) or beside it."""

    id: str
    name: str
    x: str
    y: str
    focus: bool
    label_x: str
    label_y: str
    anchor: str  # text-anchor: middle, start or end
    lines: tuple[str, ...]


@dataclass(frozen=True)
class LegendEntry:
    relation: str  # as the legend writes it; its class slug has hyphens for spaces
    slug: str
    x: str
    y: str
    text_x: str
    text_y: str


@dataclass(frozen=True)
class Relation:
    """A relation drawn, for the table beside the drawing: actor ids, the relation in words,
    and the id of the record that states it."""

    source: str
    says: str
    target: str
    record: str


@dataclass(frozen=True)
class Drawing:
    """Everything ``templates/_network.svg.j2`` draws; numbers already in their one-decimal
    form, so that the same network is the same bytes. Names are plain text: the template
    escapes them."""

    title: str
    description: str
    view_box: str
    width: str
    base: str  # where the actor pages' URLs start, relative to the page drawing it
    curves: tuple[Curve, ...]
    nodes: tuple[Node, ...]
    legend: tuple[LegendEntry, ...]
    relations: tuple[Relation, ...]  # the text alternative: what the curves draw
    line_height: int = LINE
    styles: tuple[tuple[str, str, str], ...] = tuple(  # class slug, colour, dashes
        (relation.replace(" ", "-"), colour, dashes)
        for relation, (colour, dashes) in STYLES.items()
    )
    font: int = FONT
    radius: int = R


def drawing(briefing: Briefing, focus: str | None = None, base: str = "") -> Drawing | None:
    """The network, or ``focus`` and the actors it relates to directly, laid out; None when no
    relation is shown."""
    shown = edges(briefing) if focus is None else edges_at(briefing, focus)
    if not shown:
        return None
    links: Names = defaultdict(list)
    for edge in shown:
        links[edge.source].append(edge.target)
        links[edge.target].append(edge.source)
    ranked = sorted(links, key=lambda n: (n != focus, -len(links[n]), n))  # by degree
    hubs = 1 if focus or len(ranked) < 5 else round(math.sqrt(len(ranked)))
    names = {actor: briefing.records[actor]["name"] for actor in ranked}
    lines = {actor: _lines(name) for actor, name in names.items()}
    position = _layout(ranked, hubs, links, lines)
    curves = _curves(shown, position, names, _statements(briefing, shown))
    nodes, (left, right, top, bottom) = _nodes(ranked, hubs, focus, position, lines, names)
    used = [relation for relation in STYLES if any(e.relation == relation for e in shown)]
    columns = max(1, int((right - left) / 150))
    legend = []
    for i, relation in enumerate(used):  # in columns below the drawing
        x = left + i % columns * (right - left) / columns
        y = bottom + 20 + i // columns * 24
        slug = relation.replace(" ", "-")
        legend.append(LegendEntry(_(relation), slug, _n(x), _n(y), _n(x + 34), _n(y + 5)))
    width, height = right - left + 24, bottom + 54 + (len(used) - 1) // columns * 24 - top
    counts = Counter(edge.relation for edge in shown)
    by_relation = _(", ").join(f"{counts[relation]} {_(relation)}" for relation in used)
    described = {"actors": len(ranked), "relations": len(shown), "each": by_relation}
    return Drawing(
        title=_("Network of %(name)s") % {"name": names[focus]} if focus else _("Actor network"),
        description=_("%(actors)d actors linked by %(relations)d relations: %(each)s") % described,
        view_box=f"{_n(left - 12)} {_n(top - 12)} {_n(width)} {_n(height)}",
        width=_n(width),
        base=base,
        curves=tuple(curves),
        nodes=tuple(nodes),
        legend=tuple(legend),
        relations=tuple(Relation(e.source, RELATIONS[e.relation], e.target, e.via) for e in shown),
    )


def _statements(briefing: Briefing, shown: list[Edge]) -> dict[Edge, str]:
    """What states each relation, in words for its tooltip: the role, or the record's kind
    and label; never an id."""
    said = {}
    for edge in shown:
        record = briefing.records[edge.via]
        if edge.relation == "holds a role in":
            titles = dict.fromkeys(r.title for r in record.roles if r.of == edge.target)
            said[edge] = _("; ").join(titles)
        else:
            kind = KINDS[record.section].one.lower()
            said[edge] = _("%(kind)s “%(label)s”") % {"kind": kind, "label": record.label}
    return said


def _curves(
    shown: list[Edge], position: dict[str, Point], names: dict[str, str], said: dict[Edge, str]
) -> list[Curve]:
    """Each edge a curve bent to its left, more for each further one between the same two."""
    curves, seen = [], Counter()
    for edge in shown:
        (ax, ay), (bx, by) = position[edge.source], position[edge.target]
        slug = edge.relation.replace(" ", "-")
        bend = 0.08 + 16 * seen[edge.source, edge.target] / math.dist((ax, ay), (bx, by))
        seen[edge.source, edge.target] += 1
        control = f"{_n((ax + bx) / 2 + (by - ay) * bend)},{_n((ay + by) / 2 - (bx - ax) * bend)}"
        path = f"M{_n(ax)},{_n(ay)}Q{control} {_n(bx)},{_n(by)}"
        tip = _("%(a)s %(relation)s %(b)s: %(record)s") % {
            "a": names[edge.source],
            "relation": RELATIONS[edge.relation],
            "b": names[edge.target],
            "record": said[edge],
        }
        curves.append(Curve(slug, path, tip))
    return curves


def _nodes(
    ranked: list[str],
    hubs: int,
    focus: str | None,
    position: dict[str, Point],
    lines: Names,
    names: dict[str, str],
) -> tuple[list[Node], tuple[float, float, float, float]]:
    """The nodes with their labels, hubs labelled below, the others beside, away from the
    centre; and the extent of what is drawn (left, right, top, bottom)."""
    nodes, left, right, top, bottom = [], 0.0, 0.0, 0.0, 0.0
    for actor in ranked:
        (x, y), label = position[actor], lines[actor]
        side = 0 if actor in ranked[:hubs] else 1 if x > 0 else -1
        width, more = max(map(len, label)) * FONT * 0.56, len(label) - 1  # lines after the first
        left = min(left, x - (width / 2 if side == 0 else R + (6 + width) * (side < 0)))
        right = max(right, x + (width / 2 if side == 0 else R + (6 + width) * (side > 0)))
        top, bottom = min(top, y - R - 12), max(bottom, y + R + LINE * (more + 1))
        label_y = y + R + FONT if side == 0 else y + FONT * 0.35 - LINE * more / 2
        anchor = ("middle", "start", "end")[side]
        label_x = _n(x + side * (R + 6))
        at = (_n(x), _n(y), actor == focus, label_x, _n(label_y), anchor, tuple(label))
        nodes.append(Node(actor, names[actor], *at))
    return nodes, (left, right, top, bottom)
