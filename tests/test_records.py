"""Records are what they say: frozen, their fields read as items, and each knows where it was
written (file, line and column of its mapping), which no page shows."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import pytest
from conftest import snapshot

from generator import pipeline
from generator.input.validation import load_briefing
from generator.model.records import Record
from generator.problems import Location


def _written_at(root: Path) -> dict[str, Location]:
    """Where each record starts, found in the files' text: an annotation's '- id:' line (the
    column of 'id'), an article's first front-matter key."""
    found = {}
    for path in sorted((root / "seeds" / "annotations").glob("*.yaml")):
        shown = path.relative_to(root).as_posix()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            match = re.match(r"( *- )id: (\S+)$", line)
            if match and match[2] not in found:
                found[match[2]] = Location(shown, number, len(match[1]) + 1)
    for path in sorted((root / "seeds" / "articles").glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        first = next(n for n, line in enumerate(lines[1:], 2) if not line.startswith("#"))
        found[path.stem] = Location(path.relative_to(root).as_posix(), first, 1)
    return found


def test_each_record_knows_the_line_it_starts_at_in_every_file(harbour: Path) -> None:
    briefing = load_briefing(harbour)
    expected = _written_at(harbour)

    located = {record.id: record.location for record in briefing.records.values()}

    assert located == expected
    assert len({location.path for location in located.values()}) >= 5  # several files, both kinds


def test_records_taken_from_the_cache_keep_their_location(harbour: Path) -> None:
    pipeline.generate(harbour)  # leaves the checked records in the cache
    from_cache = pipeline.check(harbour)

    assert {r.id: r.location for r in from_cache.records.values()} == _written_at(harbour)


def test_where_a_record_is_written_never_shows_on_a_page(harbour: Path) -> None:
    pipeline.generate(harbour)
    before, was = snapshot(harbour / "docs"), _written_at(harbour)
    for path in (harbour / "seeds" / "annotations").glob("*.yaml"):
        path.write_text("# moved down\n\n" + path.read_text(encoding="utf-8"), encoding="utf-8")

    pipeline.generate(harbour)

    moved = [r for r in load_briefing(harbour).records.values() if r.id in was]
    assert all(
        r.location.line == was[r.id].line + 2
        for r in moved
        if r.location.path.startswith("seeds/annotations/")
    )

    assert snapshot(harbour / "docs") == before


def _claim(**fields: object) -> Record:
    return Record("claims", "c", (), {"id": "c", "summary": "said so", **fields})


def test_fields_are_read_as_items_and_cannot_be_changed() -> None:
    claim = _claim()

    assert claim["summary"] == "said so" and claim.get("date") is None and "summary" in claim
    with pytest.raises(AttributeError):
        claim.summary  # noqa: B018 - fields are items, not attributes
    with pytest.raises(TypeError):
        claim.fields["summary"] = "said otherwise"  # type: ignore[index]


def test_a_record_copies_what_it_is_given() -> None:
    given = {"id": "c", "summary": "said so"}
    claim = Record("claims", "c", (), given)
    given["summary"] = "said otherwise"

    assert claim["summary"] == "said so"


def test_records_with_different_fields_differ_and_location_is_not_part_of_them() -> None:
    assert _claim() != _claim(summary="said otherwise")
    here, there = Location("a.yaml", 1, 5), Location("b.yaml", 9, 5)
    same = Record("claims", "c", (), _claim().fields, location=here)
    assert same == Record("claims", "c", (), _claim().fields, location=there)
    assert hash(same) == hash(_claim())


def test_templates_read_fields_as_attributes_through_jinja() -> None:
    template = jinja2.Environment(undefined=jinja2.StrictUndefined).from_string(
        "{{ claim.summary }} / {{ claim.id }} / {{ claim.date is defined }}"
    )

    assert template.render(claim=_claim()) == "said so / c / False"
