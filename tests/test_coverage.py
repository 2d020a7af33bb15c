from __future__ import annotations

from pathlib import Path

import pytest

from generator.input.validation import load_briefing
from generator.render import coverage

TEXT = (
    "The envoy to the U.K. Jo Rami said so. It was posted to the U.K.. The amount "
    "is small.\nA heading\n“Quoted words,” he added. Visits rose to 64,000 in 2016! Nothing else."
)


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in coverage.split_sentences(text)]


def test_sentences_end_at_stops_and_line_breaks_but_not_at_abbreviations() -> None:
    assert sentences(TEXT) == [
        "The envoy to the U.K. Jo Rami said so.",
        "It was posted to the U.K..",
        "The amount is small.",
        "A heading",
        "“Quoted words,” he added.",
        "Visits rose to 64,000 in 2016!",
        "Nothing else.",
    ]


def test_quotations_attributions_and_numbers_are_flagged() -> None:
    assert coverage.flags_of("“Quoted words,” he added.") == ("quotation", "attribution")
    assert coverage.flags_of("It dropped 'precipitously', Rami wrote.") == (
        "quotation",
        "attribution",
    )
    assert coverage.flags_of("The council’s report on three rules") == ("attribution", "number")
    assert coverage.flags_of("It did not speak.") == ()


def test_a_sentence_is_covered_only_by_evidence_spanning_half_of_it(minimal: Path) -> None:
    [article] = coverage.measure(load_briefing(minimal))
    by_text = {s.text: s for s in article.sentences}
    assert by_text["The council voted 7 to 2 for the closure."].covered_by == (
        "council-agrees",
        "council-vote",
    )
    # Only an actor's evidence ("said Mayor Ann Lee") and a short quote touch this one.
    mayor = next(s for s in article.sentences if s.text.startswith("“Safety"))
    assert mayor.covered_by == ()
    assert mayor in article.missed


@pytest.mark.parametrize(
    "sentence",
    [
        "« Nous renforcerons les contrôles aux frontières », a-t-il déclaré.",
        "«\u202fNous renforcerons les contrôles\u202f», a-t-il déclaré.",
        "外交部发言人说：「我们将加强合作。」",
        "报告写道：『管控是长期任务。』",
        "他表示：＂中方愿意合作。＂",
    ],
)
def test_the_quotation_marks_of_every_language_mark_a_quotation(sentence: str) -> None:
    assert "quotation" in coverage.flags_of(sentence)


def test_chinese_sentences_end_at_full_width_stops_and_french_ones_after_their_guillemet() -> None:
    assert sentences("发言人说：「我们将加强合作。」中国查获两千公斤毒品！为什么？对。") == [
        "发言人说：「我们将加强合作。」",
        "中国查获两千公斤毒品！",
        "为什么？",
        "对。",
    ]
    assert sentences("« Nous renforcerons les contrôles. » Puis il est parti.") == [
        "« Nous renforcerons les contrôles. »",
        "Puis il est parti.",
    ]


@pytest.mark.parametrize("sentence", ["中国查获两千公斤毒品。", "金额为一百二十三万元。"])
def test_numbers_in_chinese_numerals_mark_a_number(sentence: str) -> None:
    assert "number" in coverage.flags_of(sentence)
