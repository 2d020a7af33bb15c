"""The fast validator (jsonschema-rs) and jsonschema must agree on what is valid.

Only documents the fast one rejects are explained by jsonschema, so a document it accepted
wrongly would pass unreported. Every seed record is mutated in the ways authors get wrong, and
each variant must be judged the same by both.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from conftest import FIXTURES

from generator.input import schemas
from generator.input.loading import load_article, load_yaml

ROOT = Path(__file__).parent.parent
WRONG_VALUES = (None, 7, 2.5, True, "", "Not An Id!", [], ["x"], {}, {"unknown": 1})


def documents() -> list[tuple[str, object]]:
    found = []
    for root in (ROOT, FIXTURES / "minimal", *sorted((FIXTURES / "bad").glob("*/files"))):
        for path in sorted((root / "seeds").rglob("*.yaml")):
            try:
                document = load_yaml(path, root)
            except Exception:  # unreadable on purpose (binary, malformed): nothing to validate
                continue
            name = schemas.BRIEFING if path.name == "briefing.yaml" else schemas.ANNOTATIONS
            found.append((name, document.data))
        for path in sorted((root / "seeds" / "articles").glob("*.txt")):
            try:
                found.append((schemas.ARTICLE, load_article(path, root).meta.data))
            except Exception:
                continue
    return found


def variants(data: object):
    """The document itself, and the first record of each list with one field removed, replaced
    or added (alone in a document of its own, which keeps the copies small)."""
    yield data
    if not isinstance(data, dict):
        return
    for key, value in data.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            for changed in _changed(value[0]):
                yield {key: [changed]}
        elif not isinstance(value, list):
            yield from _changed(data, only=key)


def _changed(record: dict, only: str | None = None):
    for key in [only] if only else [*record, "unknown_field"]:
        for value in (*WRONG_VALUES, "missing"):
            changed = copy.copy(record)
            if value == "missing":
                changed.pop(key, None)
            else:
                changed[key] = value
            yield changed


def judged_valid_by_both(name: str, data: object) -> tuple[bool, bool]:
    slow = not any(True for _ in schemas.validator(name).iter_errors(data))
    return schemas.fast_validator(name).is_valid(data), slow


@pytest.mark.parametrize("name, data", documents())
def test_fast_and_full_validators_agree(name: str, data: object) -> None:
    disagreements = [
        variant for variant in variants(data) if len(set(judged_valid_by_both(name, variant))) > 1
    ]
    assert disagreements == []


def test_the_variants_include_valid_and_invalid_documents() -> None:
    verdicts = {
        judged_valid_by_both(name, variant)[1]
        for name, data in documents()
        for variant in variants(data)
    }
    assert verdicts == {True, False}
