"""The tests write YAML as the project reads it: ``projects.as_read`` gives back every string
through the project's YAML 1.2 loader, where PyYAML's YAML 1.1 dumper leaves some plain that
1.2 reads as numbers."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from projects import as_read

from generator.input.loading import parse_yaml

# Plain in YAML 1.1, numbers in YAML 1.2
MISREAD = ["0E0", "1e3", "+1E5", ".5e3", "-2e-2", "0o17"]
# Any character a page can show (the project refuses control characters and bidi controls)
TEXT = st.characters(
    blacklist_categories=("Cs", "Cc", "Co", "Cn"),
    blacklist_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
)


def read(text: str) -> object:
    return parse_yaml(text, "test.yaml").data


@pytest.mark.parametrize("text", MISREAD)
def test_text_yaml_1_1_leaves_plain_is_read_back_as_text(text: str) -> None:
    data = {"summary": text, text: [text], "nested": {"title": text}}
    assert read(yaml.safe_dump(data)) != data  # why the helper exists
    assert read(as_read(data)) == data


def test_other_values_and_options_are_written_as_safe_dump_writes_them() -> None:
    data = {"b": "a plain line", "a": ["yes", "NO", "1:30", 7, 2.5, True, None], "é": "ü"}
    assert as_read(data, sort_keys=False) == yaml.safe_dump(
        data, sort_keys=False, allow_unicode=True
    )
    assert read(as_read(data)) == data


@settings(max_examples=150, derandomize=True, deadline=None)
@given(st.text(TEXT, max_size=20))
def test_any_text_is_read_back_as_itself(text: str) -> None:
    assert read(as_read({"text": text, "list": [text]})) == {"text": text, "list": [text]}
