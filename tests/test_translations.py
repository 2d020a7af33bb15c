"""An English briefing quoting a Chinese article: the original words are the evidence, verified as
any quote is and marked with their language; their translation stands beside them, marked as
one and credited; the source page says its language, for screen readers and for the search.

The fixture (fixtures/translated) is a statement in Chinese (front matter ``language: zh``) and an
English article; its quotes of the statement carry translations, by an actor and by the analyst.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, run_cli
from projects import copy_project, with_seeds

from generator.search.segmenting import unspaced

ORIGINAL = "“我们将加大执法力度，严厉打击非法排污行为，”"
TRANSLATION = "“We will step up enforcement and crack down hard on illegal discharges,”"


@pytest.fixture
def translated(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "translated", root)
    shutil.copytree(REPO / "templates", root / "templates")
    (root / "docs").mkdir()
    return root


def _generated(root: Path) -> Path:
    result = run_cli(root, "generate")
    assert result.code == 0, result.err
    return root / "docs"


def _script(page: str, media_type: str) -> dict:
    found = re.search(rf'<script type="{re.escape(media_type)}">(.*?)</script>', page)
    assert found, media_type
    return json.loads(found.group(1))


def test_the_original_words_are_marked_chinese_with_their_translation_beside_them(
    translated: Path,
) -> None:
    claim = (_generated(translated) / "claims" / "enforcement-stepped-up.md").read_text()
    assert f'> <span lang="zh"><mark class="evidence">{ORIGINAL}</mark>' in claim
    by_outlet = "*Translation by [River Watch](../actors/river-watch.md):*"
    assert f"> {by_outlet} {TRANSLATION}\n" in claim
    measure = (translated / "docs" / "measures" / "river-clean-up.md").read_text()
    assert "> *Translation by the analyst:* will complete the river clean-up project" in measure


def test_words_of_the_briefings_own_language_are_not_marked(translated: Path) -> None:
    claim = (_generated(translated) / "claims" / "residents-waited.md").read_text()
    assert "lang=" not in claim.split("<script")[0]
    assert "Translation" not in claim


def test_the_source_page_says_its_language_and_marks_its_paragraphs(translated: Path) -> None:
    docs = _generated(translated)
    chinese = (docs / "sources" / "epb-statement.md").read_text()
    assert chinese.startswith('---\nlanguage: "zh"\n---\n')
    assert '{: #p3 lang="zh" }' in chinese
    english = (docs / "sources" / "residents-welcome.md").read_text()
    assert "language:" not in english.split("#", 1)[0]
    assert "lang=" not in english.split("<script")[0]
    data = _script(chinese, "application/ld+json")
    assert data["inLanguage"] == "zh"


def test_json_ld_keeps_the_original_as_the_quotation_and_gives_its_translation(
    translated: Path,
) -> None:
    claim = (_generated(translated) / "claims" / "enforcement-stepped-up.md").read_text()
    (quotation,) = _script(claim, "application/ld+json")["appearance"]
    assert quotation["text"] == ORIGINAL.strip("“”，")
    assert quotation["inLanguage"] == "zh"
    assert quotation["workTranslation"] == {
        "@type": "Quotation",
        "text": TRANSLATION,
        "inLanguage": "en",
        "translator": {
            "@id": "../../actors/river-watch/",
            "@type": "NewsMediaOrganization",
            "name": "River Watch",
        },
    }


def test_the_preview_marks_the_words_language_and_gives_the_translation(
    translated: Path,
) -> None:
    claim = (_generated(translated) / "claims" / "enforcement-stepped-up.md").read_text()
    preview = _script(claim, "application/briefing-preview+json")
    assert preview["quote"] == ORIGINAL
    assert preview["quote_language"] == "zh"
    assert preview["translation"] == f"Translation: {TRANSLATION}"


def test_the_original_words_are_verified_whatever_their_translation(translated: Path) -> None:
    records = translated / "seeds" / "annotations" / "records.yaml"
    text = records.read_text(encoding="utf-8")
    records.write_text(text.replace("严厉打击非法排污行为", "严厉打击非法排放行为", 1))
    result = run_cli(translated, "generate")
    assert result.code == 1
    assert "quote not found in source 'epb-statement'" in result.err
    assert "Traceback" not in result.err


@pytest.mark.slow
def test_the_built_source_page_is_chinese_and_its_frame_english(tmp_path: Path) -> None:
    root = with_seeds(copy_project(REPO, tmp_path / "project"), FIXTURES / "translated" / "seeds")
    result = run_cli(root, "build")
    assert result.code == 0, result.err
    site = root / "site"
    page = (site / "sources" / "epb-statement" / "index.html").read_text()
    assert '<html lang="zh"' in page
    assert '<header class="md-header" lang="en"' in page
    assert '<div class="md-container" lang="en"' in page
    assert '<p id="p3" lang="zh">' in page
    claim = (site / "claims" / "enforcement-stepped-up" / "index.html").read_text()
    assert '<html lang="en"' in claim
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text())
    assert sorted(entry["languages"]) == ["en", "zh"]


def test_a_translation_of_the_reporters_words_too_is_never_given_as_the_speakers(
    translated: Path,
) -> None:
    """A passage holding the speaker's words and the reporter's ('..., the director said') is
    translated whole: JSON-LD does not give that translation to the speaker's Quotation, and
    the speaker's page shows it beside the whole passage, not beside the speaker's words."""
    records = translated / "seeds" / "annotations" / "records.yaml"
    text = records.read_text(encoding="utf-8")
    text = text.replace(f"quote: {ORIGINAL}\n", f"quote: {ORIGINAL}该局局长王明说\n", 1)
    text = text.replace(TRANSLATION, TRANSLATION + " the bureau's director, Wang Ming, said", 1)
    records.write_text(text, encoding="utf-8")
    docs = _generated(translated)
    claim = (docs / "claims" / "enforcement-stepped-up.md").read_text()
    (quotation,) = _script(claim, "application/ld+json")["appearance"]
    assert quotation["text"] == ORIGINAL.strip("“”，")
    assert "workTranslation" not in quotation
    speaker = (docs / "actors" / "wang-ming.md").read_text()
    assert f'> <span lang="zh">{ORIGINAL}该局局长王明说</span>' in speaker
    assert "Wang Ming, said" in speaker


def test_a_record_quoting_a_chinese_article_has_a_page_of_its_words_for_the_search(
    translated: Path,
) -> None:
    """Its words are indexed in Chinese, as its own page (English) cannot be: a page of them
    alone, whose English heading and link the search leaves out, named without the record's
    id, and which tells the search the record's page to open. None for an English quote."""
    docs = _generated(translated)
    pages = sorted(path.name for path in (docs / "claims").glob("_zh_*.md"))
    assert len(pages) == 1
    page = (docs / "claims" / pages[0]).read_text()
    assert page.startswith('---\nlanguage: "zh"\n---\n')
    assert "# The bureau will step up enforcement against illegal discharges. {" in page
    assert f'> <span lang="zh"><mark class="evidence">{ORIGINAL}</mark>' in page
    opened = bytes.fromhex(re.search(r'data-pagefind-meta="page:(\w+)"', page).group(1))
    assert opened.decode() == "claims/enforcement-stepped-up/"
    indexed = page.split("{: data-pagefind-ignore }", 1)[1]  # what the search reads of it
    assert "enforcement" not in indexed and "Wang" not in indexed
    assert not list((docs / "claims").glob("_en_*.md")) and len(list(docs.rglob("_zh_*.md"))) == 4


def test_make_site_knows_when_the_search_needs_the_extended_binary(tmp_path: Path) -> None:
    """``generator.search.segmenting``: the files in a language written without spaces, whose
    words only Pagefind's extended binary segments (make site installs it for them)."""
    seeds = tmp_path / "seeds"
    shutil.copytree(FIXTURES / "translated" / "seeds", seeds)
    assert unspaced(tmp_path) == ["seeds/articles/epb-statement.txt"]
    overview = seeds / "briefing.yaml"
    overview.write_text(overview.read_text(encoding="utf-8") + 'language: "zh"\n')
    assert unspaced(tmp_path)[0] == "seeds/briefing.yaml"
    (seeds / "articles" / "epb-statement.txt").unlink()
    overview.write_text(overview.read_text(encoding="utf-8").replace('"zh"', "fr"))
    assert unspaced(tmp_path) == []
