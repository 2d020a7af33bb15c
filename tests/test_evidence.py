from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.input.evidence import (
    Match,
    Miss,
    SearchableText,
    fold,
    inside_quotation_marks,
    paragraph_spans,
)

TEXT = "First line.\n\n“It’s  here,” said   Okafor.\nThird\xa0line with 42 units – including"


def test_whitespace_and_typographic_quotes_are_forgiven() -> None:
    found = SearchableText(TEXT).find('"It\'s here," said Okafor.')
    assert isinstance(found, Match)
    assert TEXT[found.start : found.end] == "“It’s  here,” said   Okafor."
    assert found.paragraph == 2


def test_dashes_and_spelling_are_not_forgiven() -> None:
    assert isinstance(SearchableText(TEXT).find("42 units - including"), Miss)
    assert isinstance(SearchableText(TEXT).find("said Okafr"), Miss)


def test_a_miss_says_how_far_the_quote_matched_and_what_the_text_has() -> None:
    miss = SearchableText(TEXT).find("Third line with 43 units")
    assert miss == Miss("Third line with 4", "2 units – including")


def test_a_quote_spanning_lines_is_found_in_the_paragraph_where_it_starts() -> None:
    found = SearchableText(TEXT).find("said Okafor. Third line")
    assert isinstance(found, Match) and found.paragraph == 2
    start, _ = paragraph_spans(TEXT)[2]
    assert TEXT[start:].startswith("Third")


@given(st.text(alphabet="ab ’‘“”\n\t\xa0\u2029.", max_size=60))
def test_every_folded_character_maps_back_to_the_character_it_came_from(text: str) -> None:
    searchable = SearchableText(text)
    expected, kept = [], []  # folding one character at a time, the obvious way
    for index, char in enumerate(text):
        if char.isspace():
            if expected and expected[-1] == " ":
                continue
            char = " "
        expected.append(fold(char) or " ")
        kept.append(index)
    assert searchable.folded == "".join(expected)
    assert [searchable.origin(i) for i in range(len(searchable.folded))] == kept


@pytest.mark.parametrize(
    ("line", "words"),
    [
        (
            "« Nous renforcerons les contrôles », a déclaré le ministre.",
            ["Nous renforcerons les contrôles"],
        ),
        (
            "Il a dit\u00a0: «\u202fNous ne céderons pas.\u202f» Puis il est parti.",
            ["Nous ne céderons pas."],
        ),
        (
            "„Wir werden die Kontrollen verstärken“, sagte Minister Hans Müller.",
            ["Wir werden die Kontrollen verstärken"],
        ),
        (
            "刘跃进说：「我们将加强合作，『禁毒』是长期任务。」他还说了别的。",
            ["我们将加强合作，『禁毒』是长期任务。"],
        ),
        ("报告写道：『管控是长期任务』，并且……", ["管控是长期任务"]),
        ("他表示：＂中方愿意合作＂，随后离开。", ["中方愿意合作"]),
        ("« Il a parlé de “sécurité” », dit-elle.", ["Il a parlé de “sécurité”"]),
    ],
)
def test_the_speakers_own_words_inside_the_quotation_marks_of_each_language(
    line: str, words: list[str]
) -> None:
    text = f"A first paragraph.\n{line}\n"
    assert inside_quotation_marks(text, text.index(line), text.index(line) + len(line)) == words


def test_the_marks_of_another_pair_inside_a_quotation_are_part_of_its_words() -> None:
    text = "„Das ist «kein» Ende“, sagte er. 「他说“不”。」"
    assert inside_quotation_marks(text, 0, len(text)) == ["Das ist «kein» Ende", "他说“不”。"]
