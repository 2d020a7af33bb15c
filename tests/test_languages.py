"""A briefing in French or Chinese: the pages the generator writes hold no English word of its
own, and its catalogues hold every word the code and the templates mark.

The harbour briefing, written in French and in Chinese, and the truth fixture, whose records
show each case of what the site may say, are generated in each language. Their own words (the
YAML's values and the articles) are the analyst's: what is left of a page without them, its
markup and its addresses is the generator's, and must be in the briefing's language.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from babel.dates import get_month_names
from conftest import FIXTURES, REPO, run_cli

from generator import i18n
from generator.i18n.__main__ import words
from generator.input import likelihood

LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
# Markup a reader does not read: JSON-LD, a drawing's styles, tags (their visible attributes are kept), link and
# image targets, Markdown attribute lists, HTML entities
_JSON_LD = re.compile(r'<script type="application/ld\+json">.*?</script>', re.DOTALL)
_STYLE = re.compile(r"<style\b.*?</style>", re.DOTALL)
_PREVIEW = re.compile(r'<script type="application/briefing-preview\+json">(.*?)</script>', re.S)
_SHOWN_ATTRIBUTE = re.compile(r'\b(?:title|aria-label|alt)="([^"]*)"')
_TAG = re.compile(r"<[^>]*>")
_TARGET = re.compile(r"\]\([^)]*\)")
_ATTRIBUTES = re.compile(r"\{\s*[#:.][^}]*\}")
_ENTITY = re.compile(r"&#?\w+;")
_PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")  # a message's, which names its value in English
# Pages for authors, in English by design (the format reference), and data files, whose column
# names are the data's keys
NOT_READERS = ("reference.md", "data/")


def _shown(page: str) -> str:
    """What a reader of a generated page reads: its text, tooltips and previews."""
    previews = [" ".join(_values(json.loads(found))) for found in _PREVIEW.findall(page)]
    page = _PREVIEW.sub(" ", _JSON_LD.sub(" ", _STYLE.sub(" ", page)))
    tooltips = _SHOWN_ATTRIBUTE.findall(page)
    page = _TAG.sub(" ", page)
    page = _ATTRIBUTES.sub(" ", _TARGET.sub("]", page))
    return " ".join([_ENTITY.sub(" ", page), *tooltips, *previews])


def _values(data: object) -> list[str]:
    if isinstance(data, dict):
        return [text for value in data.values() for text in _values(value)]
    if isinstance(data, list):
        return [text for value in data for text in _values(value)]
    return [str(data)] if data is not None else []


def _latin(text: str) -> set[str]:
    return {word.lower() for word in LATIN_WORD.findall(text)}


def _analysts_words(root: Path) -> set[str]:
    """Every word of the fixture's own: its YAML's values (not its keys) and its articles."""
    found: set[str] = set()
    for path in (root / "seeds").rglob("*"):
        if path.suffix == ".yaml":
            found |= _latin(" ".join(_values(yaml.safe_load(path.read_text(encoding="utf-8")))))
        elif path.suffix == ".txt":
            found |= _latin(path.read_text(encoding="utf-8"))
    return found | {"https", "http"}


def _translated_words(language: str) -> set[str]:
    """The language's words the generator writes: its catalogue's, its month names (Babel's)
    and its likelihood scale's (input/likelihood.py)."""
    catalogue = i18n.catalogue(language)
    found = [catalogue.gettext(m.id) for m in words() if isinstance(m.id, str)]
    found += get_month_names("wide", locale=i18n.LOCALE[language]).values()
    found += [word for row in likelihood.SCALES[language] for word in row]
    return _latin(_PLACEHOLDER.sub(" ", _TARGET.sub("]", " ".join(found))))


# The harbour briefing written in each language, every kind of record in it, and the truth
# fixture's cases (written in English: its words hide those of the generator's they share)
@pytest.mark.parametrize(
    ("language", "fixture"),
    [("fr", "harbour-fr"), ("zh", "harbour-zh"), ("fr", "truth"), ("zh", "truth")],
)
def test_a_briefing_in_another_language_shows_no_english_word_of_the_generators(
    language: str, fixture: str, tmp_path: Path
) -> None:
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / fixture, root)
    shutil.copytree(REPO / "templates", root / "templates")
    overview = root / "seeds" / "briefing.yaml"
    if yaml.safe_load(overview.read_text(encoding="utf-8")).get("language") != language:
        overview.write_text(overview.read_text() + f"language: {language}\n", encoding="utf-8")
    result = run_cli(root, "generate")
    assert result.code == 0, result.err
    allowed = _analysts_words(root) | _translated_words(language)
    leaks: dict[str, set[str]] = {}
    for path in sorted((root / "docs").rglob("*.md")):
        name = path.relative_to(root / "docs").as_posix()
        if name.startswith(NOT_READERS):
            continue
        english = _latin(_shown(path.read_text(encoding="utf-8"))) - allowed
        if english:
            leaks[name] = english
    assert not leaks, f"English words of the generator's on {language} pages: {leaks}"


def test_every_catalogue_translates_every_word_the_code_and_templates_mark() -> None:
    marked = words()
    for language in i18n.catalogued():
        catalogue = i18n.parsed(language)
        missing = [m.id for m in marked if m.id and not _translated(catalogue.get(m.id))]
        assert not missing, f"{language}: {len(missing)} untranslated, first {missing[:5]}"
        wrong = [(message.id, errors) for message, errors in catalogue.check()]
        assert not wrong, f"{language}: placeholders or plural forms wrong: {wrong[:5]}"


def _translated(message: object) -> bool:
    if message is None or getattr(message, "fuzzy", False):
        return False
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return all(strings)
