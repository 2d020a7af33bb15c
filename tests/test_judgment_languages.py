"""Key judgments in the briefing's language: the likelihood words of ICD 203 in our French and
Chinese translation, or the briefing's own (seeds/briefing.yaml's likelihood_words), and the
sentence ended as the language ends one. The run that takes checked records from the store
checks every judgment again when the language or its words change."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from projects import REPO, as_read, copy_project, run_in_process

from generator import pipeline
from generator.input import judgments, schemas
from generator.input.likelihood import LANGUAGES, SCALES, STEPS, language_of
from generator.input.loading import Document, parse_yaml
from generator.input.raw import Raw
from generator.input.validation import load_briefing
from generator.model.language import Language
from generator.problems import InputError

OVERVIEW = {"title": "The Springfield bridge", "topic": "A minimal briefing used by the tests."}
# Our German words for ICD 203's scale: no language of the generator's own
GERMAN = [
    [
        "fast ausgeschlossen",
        "sehr unwahrscheinlich",
        "unwahrscheinlich",
        "etwa gleich wahrscheinlich",
        "wahrscheinlich",
        "sehr wahrscheinlich",
        "fast sicher",
    ]
]


def _language(**overview: object) -> Language:
    document = Document("seeds/briefing.yaml", {**OVERVIEW, **overview}, "", marks={}, key_marks={})
    language, problems = language_of(document)
    assert problems == []
    return language


def _raw(sentence: str, likelihood: str, index: int = 0) -> Raw:
    data = {"id": f"j{index}", "judgment": sentence, "likelihood": likelihood}
    document = Document("j.yaml", {"judgments": [data]}, "", marks={}, key_marks={})
    return Raw("judgments", data, document, ("judgments", index))


def _problems(language: Language, sentence: str, likelihood: str) -> list[tuple[str, str]]:
    return [(p.message, p.hint) for p in judgments.check(_raw(sentence, likelihood), language)]


@pytest.mark.parametrize(
    ("code", "sentence", "likelihood"),
    [
        ("fr", "Il est vraisemblable que la coopération se poursuive.", "vraisemblable"),
        ("fr", "Pékin maintiendra vraisemblablement ses contrôles.", "vraisemblable"),
        ("fr", "La Chine renoncera presque certainement à ces contrôles.", "presque certain"),
        ("fr", "Il est quasi-certain que M. Wang signera l'accord.", "quasi certain"),
        (
            "fr",
            "Y a-t-il à peu près une chance sur deux que Pékin cède ?",
            "à peu près une chance sur deux",
        ),
        ("zh", "中美禁毒合作继续的可能性较大。", "可能性较大"),
        ("zh", "美方撤销关税的概率较低。", "概率较低"),
        ("zh", "中方几乎肯定会在2025年前加强对U.S.出口的管控。", "几乎肯定"),
    ],
)
def test_a_judgment_in_french_or_chinese_words_passes(
    code: str, sentence: str, likelihood: str
) -> None:
    assert _problems(_language(language=code), sentence, likelihood) == []


@pytest.mark.parametrize(
    ("code", "sentence", "likelihood", "message", "hint"),
    [
        (
            "fr",
            "Il est probable que la coopération continue.",
            "probablement",
            "the likelihood 'probablement' is not a word of the briefing's scale (ICD 203's, in "
            "our French translation)",
            "did you mean 'probable'",
        ),
        (
            "zh",
            "合作继续的可能性很大。",
            "可能性大",
            "the likelihood '可能性大' is not a word of the briefing's scale",
            "did you mean '可能性很大'",
        ),
        (
            "fr",
            "Il est vraisemblable que la coopération continue.",
            "likely",
            "the likelihood 'likely' is not a word of the briefing's scale",
            "'likely' is the English of 'vraisemblable': write that",
        ),
        (
            "zh",
            "合作继续的可能性较大。",
            "probable",
            "the likelihood 'probable' is not a word of the briefing's scale",
            "'probable' is the English of '概率较高': write that",
        ),
        (
            "fr",
            "Il est vraisemblable, avec une confiance modérée, que la coopération continue.",
            "vraisemblable",
            "the judgment speaks of confidence",
            "give it in `confidence`",
        ),
        (
            "fr",
            "Nous sommes confiants : il est vraisemblable que la coopération continue.",
            "vraisemblable",
            "the judgment speaks of confidence",
            "give it in `confidence`",
        ),
        (
            "zh",
            "我们有较高信心认为，合作继续的可能性较大。",
            "可能性较大",
            "the judgment speaks of confidence",
            "give it in `confidence`",
        ),
        (
            "zh",
            "合作继续的可能性较大（置信度中等）。",
            "可能性较大",
            "the judgment speaks of confidence",
            "give it in `confidence`",
        ),
        (
            "fr",
            "Est-ce vraisemblable ? Les saisies augmenteront.",
            "vraisemblable",
            "a key judgment is one sentence, ending with a full stop",
            "keep the judgment to one sentence",
        ),
        (
            "fr",
            "« Il est probable que la coopération continue. » Elle continuera.",
            "probable",
            "a key judgment is one sentence, ending with a full stop",
            "keep the judgment to one sentence",
        ),
        (
            "zh",
            "合作继续的可能性较大。美方将加强管控。",
            "可能性较大",
            "a key judgment is one sentence, ending with a full stop",
            "keep the judgment to one sentence, ending with 。",
        ),
        (
            "zh",
            "合作会继续吗？可能性较大。",
            "可能性较大",
            "a key judgment is one sentence, ending with a full stop",
            "ending with 。",
        ),
        (
            "zh",
            "合作继续的可能性较大",
            "可能性较大",
            "a key judgment is one sentence, ending with a full stop",
            "ending with 。",
        ),
        (
            "zh",
            "合作继续的可能性较大.",
            "可能性较大",
            "a key judgment is one sentence, ending with a full stop",
            "ending with 。",
        ),
        (
            "fr",
            "La hausse des saisies est très peu vraisemblable.",
            "peu vraisemblable",
            "the judgment says 'très peu vraisemblable', but its likelihood is 'peu vraisemblable'",
            "set likelihood: très peu vraisemblable",
        ),
        (
            "zh",
            "合作继续的可能性很大。",
            "可能性较大",
            "the judgment says '可能性很大', but its likelihood is '可能性较大'",
            "set likelihood: 可能性很大",
        ),
        (
            "en",
            "The bridge will almost certainly stay closed。",
            "almost certain",
            "a key judgment is one sentence, ending with a full stop",
            "keep the judgment to one sentence",
        ),
    ],
)
def test_a_judgment_at_odds_with_its_language_is_refused(
    code: str, sentence: str, likelihood: str, message: str, hint: str
) -> None:
    found = _problems(_language(language=code), sentence, likelihood)
    assert any(message in m and hint in h for m, h in found), found


@pytest.mark.parametrize("code", LANGUAGES)
def test_each_language_says_both_rows_in_seven_steps_each_read_as_itself(code: str) -> None:
    """Every word of each row, in a sentence, is read as that word and no other: none is lost
    inside a longer one or read as its neighbour."""
    rows = SCALES[code]
    assert len(rows) == 2 and all(len(row) == STEPS for row in rows)
    assert not set(rows[0]) & set(rows[1])
    language = _language(language=code)
    for row in rows:
        for word in row:
            sentence = f"甲{word}乙。" if code == "zh" else f"So {word} now."
            assert _problems(language, sentence, word) == [], word


def test_the_judgment_schema_offers_every_word_of_the_scales() -> None:
    """Editors complete a judgment's likelihood from the schema's examples."""
    path = schemas.SCHEMA_DIR / "kinds" / "judgment.json"
    likelihood = json.loads(path.read_text(encoding="utf-8"))["definition"]["properties"]
    offered = likelihood["likelihood"]["examples"]
    assert set(offered) == {word for rows in SCALES.values() for row in rows for word in row}


def test_a_chinese_briefing_uses_one_row_of_the_scale() -> None:
    language = _language(language="zh")
    found = judgments.mixed_rows(
        [_raw("合作继续的可能性较大。", "可能性较大"), _raw("合作继续的概率较高。", "概率较高", 1)],
        language,
    )
    assert [(p.message, p.hint) for p in found] == [
        (
            "'概率较高' is from the other row of the likelihood scale than '可能性较大' "
            "(judgment 'j0')",
            "a briefing uses one row, never both: write '可能性较大'",
        )
    ]


def test_a_briefing_gives_its_own_likelihood_and_confidence_words() -> None:
    language = _language(likelihood_words=GERMAN, confidence_words=["Vertrauen", "zuversichtlich"])
    assert language.likelihood == (tuple(GERMAN[0]),) and language.own
    sentence = "Die Brücke bleibt wahrscheinlich geschlossen, bis der Zuschuss kommt."
    assert _problems(language, sentence, "wahrscheinlich") == []
    assert _problems(language, sentence, "wahrscheinlch") == [
        (
            "the likelihood 'wahrscheinlch' is not a word of the briefing's scale "
            "(likelihood_words in seeds/briefing.yaml)",
            "did you mean 'wahrscheinlich' or 'unwahrscheinlich' or 'sehr wahrscheinlich'?",
        )
    ]
    assert _problems(language, sentence, "likely") == [
        (
            "the likelihood 'likely' is not a word of the briefing's scale "
            "(likelihood_words in seeds/briefing.yaml)",
            "'likely' is the English of 'wahrscheinlich': write that",
        )
    ]
    confident = "Wir sind zuversichtlich: die Brücke bleibt wahrscheinlich geschlossen."
    assert [m for m, _ in _problems(language, confident, "wahrscheinlich")] == [
        "the judgment speaks of confidence"
    ]


def test_a_word_in_both_rows_of_an_own_scale_is_refused_at_its_place() -> None:
    text = (
        "title: The Springfield bridge\n"
        "topic: A minimal briefing used by the tests.\n"
        "likelihood_words:\n"
        "  - [fast ausgeschlossen, sehr unwahrscheinlich, unwahrscheinlich, etwa gleich "
        "wahrscheinlich, wahrscheinlich, sehr wahrscheinlich, fast sicher]\n"
        "  - [kaum, höchst unwahrscheinlich, unwahrscheinlich, ungewiss, eher wahrscheinlich, "
        "höchstwahrscheinlich, fast sicher]\n"
    )
    language, problems = language_of(parse_yaml(text, "seeds/briefing.yaml"))
    hint = (
        "\n    hint: the rows are two ways of saying the scale, never mixed: give each step of "
        "the second row words of its own"
    )
    assert [str(p) for p in problems] == [
        "seeds/briefing.yaml:5:37: 'unwahrscheinlich' is in both rows of likelihood_words (step "
        "3 of the first, step 3 of the second)" + hint,
        "seeds/briefing.yaml:5:108: 'fast sicher' is in both rows of likelihood_words (step 7 "
        "of the first, step 7 of the second)" + hint,
    ]
    assert language.likelihood == ()  # no judgment is read against a scale that says two things


def _write(root: Path, overview: dict | None, judgment: dict | None = None) -> None:
    """seeds/briefing.yaml with ``overview``'s fields, and the one judgment ``judgment``."""
    seeds = root / "seeds"
    if overview is not None:
        text = as_read({**OVERVIEW, **overview}, sort_keys=False)
        (seeds / "briefing.yaml").write_text(text, encoding="utf-8")
    if judgment:
        judgment = {"id": "bridge-stays-shut", **judgment, "confidence": "moderate"}
        judgment |= {"basis": "They agree.", "rests_on": ["bridge-unsafe", "close-bridge"]}
        text = as_read({"judgments": [judgment]}, sort_keys=False)
        (seeds / "annotations" / "judgments.yaml").write_text(text, encoding="utf-8")


def test_a_malformed_own_scale_is_told_at_its_place_and_no_judgment_is_read_against_it(
    minimal: Path,
) -> None:
    """A row of six words, and a blank one: each told at seeds/briefing.yaml's line and column;
    the judgment's sentence is still checked, but not its likelihood, which no scale holds."""
    seeds = minimal / "seeds"
    (seeds / "briefing.yaml").write_text(
        "title: The Springfield bridge\n"
        "topic: A minimal briefing used by the tests.\n"
        "likelihood_words:\n"
        "  - [kaum, selten, vielleicht, oft, meist, sicher]\n",
        encoding="utf-8",
    )
    _write(minimal, None, {"judgment": "So", "likelihood": "nie"})
    with pytest.raises(InputError) as raised:
        load_briefing(minimal)
    assert [str(p) for p in raised.value.problems] == [
        "seeds/annotations/judgments.yaml:3:13: a key judgment is one sentence, ending with a "
        "full stop\n    hint: keep the judgment to one sentence; the reasons go in `basis`",
        "seeds/briefing.yaml:4:5: likelihood_words[0] holds 6 items, and takes exactly 7\n"
        "    hint: a row of the scale: give seven words or phrases, from least to most likely, "
        "for ICD 203's steps (1-5%, 5-20%, 20-45%, 45-55%, 55-80%, 80-95%, 95-99%).",
    ]


def test_a_briefing_in_chinese_checks_its_judgments_in_chinese(minimal: Path) -> None:
    _write(
        minimal,
        {"language": "zh"},
        {"judgment": "大桥几乎肯定会继续关闭。", "likelihood": "几乎肯定"},
    )
    assert "bridge-stays-shut" in load_briefing(minimal).records
    _write(
        minimal,
        {"language": "zh"},
        {"judgment": "大桥几乎肯定会继续关闭。", "likelihood": "almost certain"},
    )
    with pytest.raises(InputError) as raised:
        load_briefing(minimal)
    assert "'almost certain' is the English of '几乎肯定': write that" in str(raised.value)


ENGLISH = {
    "judgment": "The bridge will almost certainly stay closed.",
    "likelihood": "almost certain",
}


@pytest.mark.parametrize(
    "changed",
    [{"language": "fr"}, {"likelihood_words": GERMAN}],
    ids=["language", "own words"],
)
def test_a_briefing_whose_language_changes_has_every_judgment_checked_again(
    minimal: Path, changed: dict
) -> None:
    """The store takes a file's records as checked only for the same language and words: a
    judgment stored as checked in English is refused once the briefing is in French, or gives
    words of its own that 'almost certain' is not one of."""
    _write(minimal, {}, dict(ENGLISH))
    pipeline.generate(minimal)  # the judgment stored as checked
    _write(minimal, changed)
    with pytest.raises(InputError) as raised:
        pipeline.check(minimal)
    assert "the likelihood 'almost certain' is not a word of the briefing's scale" in str(
        raised.value
    )
    _write(minimal, {})
    assert "bridge-stays-shut" in pipeline.check(minimal).records


def test_init_run_again_keeps_the_briefings_own_words(tmp_path: Path) -> None:
    """init on a briefing of one's own keeps what it is not told, the judgments' words too."""
    root = copy_project(REPO, tmp_path / "project")
    for folder in ("articles", "annotations"):
        shutil.rmtree(root / "seeds" / folder)
        (root / "seeds" / folder).mkdir()
    own = {"likelihood_words": GERMAN, "confidence_words": ["Vertrauen"]}
    _write(root, own)
    assert run_in_process(root, "init", "--title", "Die Brücke").code == 0
    overview = yaml.safe_load((root / "seeds" / "briefing.yaml").read_text(encoding="utf-8"))
    assert overview["title"] == "Die Brücke" and overview.items() >= own.items()
