from __future__ import annotations

from pathlib import Path

import pytest

from generator import loading
from generator.loading import load_article, parse_yaml
from generator.problems import BriefingError, Location


def test_every_value_and_key_keeps_its_line_and_column() -> None:
    document = parse_yaml("claims:\n  - id: a\n    date: 2019-05-01\n", "x.yaml")
    assert document.locate(("claims", 0, "date")) == Location("x.yaml", 3, 11)
    assert document.locate(("claims", 0, "date"), key=True) == Location("x.yaml", 3, 5)
    assert document.locate(("claims", 0, "missing", 2)) == Location("x.yaml", 2, 5)


def test_dates_stay_text_so_their_precision_is_kept() -> None:
    document = parse_yaml("a: 2019-05-01\nb: 2019\n", "x.yaml")
    assert document.data == {"a": "2019-05-01", "b": 2019}


def test_duplicate_keys_are_reported_at_the_second_key() -> None:
    with pytest.raises(BriefingError) as caught:
        parse_yaml("id: a\nname: b\nid: c\n", "x.yaml")
    [problem] = caught.value.problems
    assert problem.location == Location("x.yaml", 3, 1)
    assert problem.message == "duplicate key 'id' (first given on line 1)"


def test_front_matter_lines_are_counted_from_the_top_of_the_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("---\nlabel: x\nkind: report\n---\nBody\xa0 text\n\nend".encode())
    article = load_article(path, tmp_path)
    assert article.id == "a"
    assert article.text == "Body\xa0 text\n\nend"
    assert article.meta.locate(("kind",)) == Location("a.txt", 3, 7)


def test_oversized_input_is_refused_before_it_is_parsed(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("claims: []\n" * 20, encoding="utf-8")
    monkeypatch.setattr(loading, "MAX_BYTES", 100)
    with pytest.raises(BriefingError) as caught:
        loading.load_yaml(path, tmp_path)
    [problem] = caught.value.problems
    assert (str(problem.location), problem.message) == ("big.yaml", "file is larger than 100 bytes")
