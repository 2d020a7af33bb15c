"""The actor network: which records make which relations, and the SVG drawn from them."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from collections import defaultdict

import markdown
import pytest
from conftest import HARBOUR, REPO
from projects import briefing, record

from generator.input.validation import load_briefing
from generator.model.network import Edge, edges, edges_at, edges_by_actor
from generator.model.records import Briefing, Record
from generator.render.network_layout import LINE, drawing
from generator.render.templating import environment

SVG = "{http://www.w3.org/2000/svg}"
SVG_TEMPLATE = environment(REPO / "templates").get_template("_network.svg.j2")


def network_svg(briefing: Briefing, focus: str | None = None, base: str = "") -> str:
    """The drawing as the pages include it, through the repository's template; "" for none."""
    laid_out = drawing(briefing, focus, base)
    return SVG_TEMPLATE.render(drawing=laid_out).removesuffix("\n") if laid_out else ""


def actor(id: str, name: str = "", *of: str) -> Record:
    roles = [{"title": "Member", "of": o, "evidence": {"source": "art", "quote": "q"}} for o in of]
    return record("actors", id, name=name or id.title(), roles=roles)


def test_a_claim_responding_to_another_relates_its_speaker_to_the_others() -> None:
    b = briefing(
        actor("a"),
        actor("b"),
        record("claims", "c1", speaker="a", responds_to=["c2"], disputes=["c2"]),
        record("claims", "c2", speaker="b"),
        record("claims", "c3", speaker="b", supports=["c1"]),
    )
    assert edges(b) == [Edge("a", "b", "responds to", "c1")]  # supports, disputes: not stated


def test_sources_cite_relay_and_publish_but_never_themselves() -> None:
    b = briefing(
        *map(actor, ["author", "news", "outlet", "speaker"]),
        record("sources", "art", publisher="news"),
        record("sources", "op-ed", author="author", publisher="outlet"),
        record("sources", "own-words", author="speaker"),
        record(
            "claims",
            "c",
            speaker="speaker",
            via=["op-ed", "own-words"],
            evidence=[{"source": "art", "quote": "q"}],
        ),
    )
    assert edges(b) == [
        Edge("author", "speaker", "cites", "c"),  # the claim passed through the author's piece
        Edge("news", "speaker", "relays", "c"),  # the article reporting it
        Edge("outlet", "author", "publishes", "op-ed"),  # not "relays": it printed the op-ed
    ]


def test_actors_named_together_or_talked_about_are_not_related() -> None:
    b = briefing(
        *map(actor, "abc"),
        record("measures", "m2", actors=["c", "a", "b"]),
        record("claims", "c", speaker="a", about=["b", "m2"]),
    )
    assert edges(b) == []


def test_whoever_urges_a_measure_urges_its_actors() -> None:
    b = briefing(*map(actor, ["u", "d"]), record("measures", "m", actors=["d"], urged_by=["u"]))
    assert edges(b) == [Edge("u", "d", "urges", "m")]


def test_roles_are_drawn_once_and_never_of_themselves() -> None:
    b = briefing(actor("official", "", "state", "state", "official"), actor("state"))
    assert edges(b) == [Edge("official", "state", "holds a role in", "official")]


def test_a_relation_made_twice_is_shown_by_the_first_record() -> None:
    b = briefing(
        *map(actor, "xy"),
        record("measures", "z-measure", actors=["y"], urged_by=["x"]),
        record("measures", "a-measure", actors=["y"], urged_by=["x"]),
    )
    assert edges(b) == [Edge("x", "y", "urges", "a-measure")]


def test_tooltips_say_the_relation_in_words_with_the_record_and_no_id() -> None:
    b = briefing(
        actor("u", "Ann Lee"),
        actor("d", "Town Council"),
        record(
            "measures", "fund-repairs", summary="Fund the repairs.", actors=["d"], urged_by=["u"]
        ),
    )
    tips = [t.text for t in ET.fromstring(network_svg(b)).iter(f"{SVG}title")]
    assert "Ann Lee urges Town Council: measure “Fund the repairs.”" in tips
    assert not any("fund-repairs" in tip for tip in tips)


def chain() -> Briefing:
    """a is a member of b, b of c, and c of d: a chain, so focus has something to leave out."""
    return briefing(actor("a", "", "b"), actor("b", "", "c"), actor("c", "", "d"), actor("d"))


def hrefs(svg: str) -> list[str]:
    return [a.get("href") for a in ET.fromstring(svg).iter(f"{SVG}a")]


def test_focus_draws_the_actor_and_its_direct_neighbours_only() -> None:
    assert hrefs(network_svg(chain(), focus="b")) == ["actors/b/", "actors/a/", "actors/c/"]
    assert len(hrefs(network_svg(chain()))) == 4


def test_no_relations_draw_nothing() -> None:
    assert network_svg(briefing(actor("a"))) == ""
    assert network_svg(chain(), focus="nobody") == ""


def test_svg_is_well_formed_accessible_and_links_with_the_base() -> None:
    text = network_svg(chain(), focus="b", base="../../")
    svg = ET.fromstring(text).find(f"{SVG}svg")
    assert svg is not None and svg.get("role") == "group" and svg.get("viewBox")
    assert svg.findtext(f"{SVG}title") == "Network of B"
    assert svg.findtext(f"{SVG}desc") == "3 actors linked by 2 relations: 2 holds a role in."
    assert hrefs(text) == ["../../actors/b/", "../../actors/a/", "../../actors/c/"]


def test_names_are_escaped() -> None:
    hostile = """<script>alert(1)</script> & "co" 'x'"""
    svg = network_svg(briefing(actor("a", hostile, "b"), actor("b")))
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert "&quot;co&quot; &#x27;x&#x27;" in svg  # as html.escape writes them, as ever
    titles = [t.text for t in ET.fromstring(svg).iter(f"{SVG}title")]
    assert hostile in titles


def test_svg_stays_one_raw_html_block_in_markdown() -> None:
    svg = network_svg(briefing(actor("a", "*Not* _emphasis_ <b>", "b"), actor("b")), focus="a")
    lines = svg.split("\n")
    assert all(line.startswith("<") for line in lines)  # so no blank line and no Markdown
    page = markdown.markdown(f"Before\n\n{svg}\n\nAfter", extensions=["attr_list", "tables"])
    assert svg in page


def test_output_is_the_same_for_the_same_input() -> None:
    records = [actor("a", "", "b", "c"), actor("b", "", "c"), actor("c"), actor("d", "", "a")]
    first = network_svg(briefing(*records))
    assert network_svg(briefing(*reversed(records))) == first
    assert network_svg(briefing(*records)) == first


@pytest.fixture(scope="module")
def harbour() -> Briefing:
    return load_briefing(HARBOUR)


def test_the_harbour_fixture_relates_its_actors(harbour: Briefing) -> None:
    found = {e.relation for e in edges(harbour)}
    assert {"relays", "urges", "holds a role in"} <= found
    assert found <= {"responds to", "cites", "relays", "publishes", "urges", "holds a role in"}
    # The campaign's spokesperson and the council, on two sides, are linked by a chain.
    links = defaultdict(set)
    for e in edges(harbour):
        links[e.source].add(e.target)
        links[e.target].add(e.source)
    reached, todo = {"ada-quinn"}, ["ada-quinn"]
    while todo:
        for other in links[todo.pop()] - reached:
            reached.add(other)
            todo.append(other)
    assert "port-alder-council" in reached


def test_labels_of_a_whole_network_do_not_overlap(harbour: Briefing) -> None:
    """Labels beside their node are stacked per side; each must clear the one above it."""
    svg = ET.fromstring(network_svg(harbour))
    sides = defaultdict(list)
    for text in svg.iter(f"{SVG}text"):
        if text.get("text-anchor") in ("start", "end"):
            lines = len(text.findall(f"{SVG}tspan"))
            sides[text.get("text-anchor")].append((float(text.get("y")), lines))
    assert sides["start"] and sides["end"]
    for labels in sides.values():
        labels.sort()
        for (y, lines), (below, _) in zip(labels, labels[1:], strict=False):
            assert below - y >= LINE * lines, (y, below)


@pytest.mark.parametrize("records", [0, 600])
def test_edges_found_near_one_actor_are_those_of_the_whole_network(records, tmp_path) -> None:
    """An incremental run draws an actor from the records near it (``edges_at``) instead of
    finding every edge; it must draw the same. On the harbour fixture, and on a synthetic
    corpus."""
    root = HARBOUR
    if records:
        sys.path.insert(0, str(REPO / "benchmarks"))
        from corpus import make_corpus

        root = tmp_path / "corpus"
        make_corpus(records, 1, root)
    near, whole = load_briefing(root), edges_by_actor(load_briefing(root))
    assert sum(map(len, whole.values())) > 2 * len(near.sections["actors"])
    for actor in near.sections["actors"]:
        assert edges_at(near, actor.id) == whole.get(actor.id, []), actor.id
    assert not near.network.complete  # nothing was found for the whole network
