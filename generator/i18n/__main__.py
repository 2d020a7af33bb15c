"""The catalogues' upkeep: ``python -m generator.i18n compile`` writes each ``.mo`` (at install);
``python -m generator.i18n extract`` gathers the words of the code and the templates anew into
each ``.po``, a new word untranslated, a word gone dropped, for a translator to fill in."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import write_po

from generator.i18n import DOMAIN, catalogued, parsed, path

ROOT = Path(__file__).parents[2]
METHODS = [("generator/**.py", "python"), ("templates/**.j2", "jinja2")]
OPTIONS = {"templates/**.j2": {"trim_blocks": "true", "lstrip_blocks": "true"}}
KEYWORDS = {**DEFAULT_KEYWORDS, "n_": (1, 2), "Nn_": (1, 2)}
# Fixed, so that gathering the same words writes the same files
DATED = datetime.datetime(2026, 12, 7, tzinfo=datetime.UTC)


def words() -> Catalog:
    """Every word the code and the templates mark for translation, with where it is used."""
    found = Catalog(domain=DOMAIN, project="briefing-site", creation_date=DATED)
    extracted = extract_from_dir(ROOT, METHODS, OPTIONS, KEYWORDS, comment_tags=("TRANSLATORS:",))
    for filename, line, message, comments, context in extracted:
        found.add(message, None, [(filename, line)], auto_comments=comments, context=context)
    return found


def extract() -> None:
    template = words()
    for language in catalogued():
        catalogue = parsed(language)
        catalogue.update(template, no_fuzzy_matching=True)
        catalogue.revision_date = catalogue.creation_date = DATED
        with path(language, ".po").open("wb") as po:
            write_po(po, catalogue, width=100, include_lineno=False, ignore_obsolete=True)


def compile_all() -> None:
    for language in catalogued():
        with path(language, ".mo").open("wb") as compiled:
            write_mo(compiled, parsed(language))


if __name__ == "__main__":
    if sys.argv[1:] == ["compile"]:
        compile_all()
    elif sys.argv[1:] == ["extract"]:
        extract()
    else:
        sys.exit("usage: python -m generator.i18n compile | extract")
