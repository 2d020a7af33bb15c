"""Numbers as each language writes them (issue 32, item 4): one number each, with the value
the text means, and the rule for a mark that could group thousands or be a decimal point."""

from __future__ import annotations

import pytest

from generator.input.numerals import numbers_in


def read(text: str, language: str | None = None) -> list[tuple[str, int | float]]:
    return [(text[n.start : n.end], n.value) for n in numbers_in(text, language)]


@pytest.mark.parametrize(
    ("written", "language", "value"),
    [
        ("1 200", None, 1200),  # a space between the groups
        ("1\u00a0200", "fr", 1200),  # a no-break space
        ("1\u202f200", "fr", 1200),  # a narrow no-break space, as French typesetting has it
        ("1\u202f200,5", "fr", 1200.5),
        ("12 345 678", None, 12345678),
        ("1.200,5", None, 1200.5),  # continental: the comma is the decimal mark
        ("1,200.5", None, 1200.5),
        ("1,200,000", None, 1200000),
        ("1.200.000", "en", 1200000),
        ("两千", None, 2000),
        ("1.4亿", None, 140000000),
        ("5000万", None, 50000000),
        ("2.55万", None, 25500),
        ("一百二十三", None, 123),
        ("一百零五", None, 105),
        ("十五", None, 15),
        ("十万", None, 100000),
        ("三千五百万", None, 35000000),
        ("一亿两千万", None, 120000000),
        ("二〇一八", None, 2018),
    ],
)
def test_each_way_of_writing_a_number_is_one_number_with_its_value(
    written: str, language: str | None, value: float
) -> None:
    assert read(f"about {written} seized", language) == [(written, value)]


@pytest.mark.parametrize(
    ("written", "language", "value"),
    [
        ("1,200", "en", 1200),
        ("1,200", None, 1200),  # without a language, the English way
        ("1,200", "zh", 1200),
        ("1,200", "fr", 1.2),
        ("1,200", "de", 1.2),
        ("1.200", "en", 1.2),
        ("1.200", None, 1.2),
        ("1.200", "fr", 1200),
        ("1.200", "de", 1200),
        ("1,200", "xx", 1200),  # a language Babel does not know: the English way
    ],
)
def test_one_mark_before_three_digits_is_read_the_languages_way(
    written: str, language: str | None, value: float
) -> None:
    assert read(written, language) == [(written, value)]


@pytest.mark.parametrize("language", [None, "en", "fr", "zh"])
def test_a_mark_before_other_than_three_digits_is_a_decimal_mark_in_any_language(
    language: str | None,
) -> None:
    assert read("1,5 % and 3.5 percent, 0,500 and 12,75", language) == [
        ("1,5", 1.5),
        ("3.5", 3.5),
        ("0,500", 0.5),
        ("12,75", 12.75),
    ]


def test_english_years_dates_and_lists_keep_their_numbers_apart() -> None:
    assert read("in 2018 200 people, on May 1, 2019, at 6:40, 64,000 in 2016") == [
        ("2018", 2018),
        ("200", 200),
        ("1", 1),
        ("2019", 2019),
        ("6", 6),
        ("40", 40),
        ("64,000", 64000),
        ("2016", 2016),
    ]


@pytest.mark.parametrize("words", ["十分重要", "千万不要", "万一", "一个国家", "两国", "统一"])
def test_chinese_words_made_of_numerals_that_are_no_counts(words: str) -> None:
    """ "very important", "by all means", "in case", "a country", "both countries", "unify"."""
    assert read(words) == []
