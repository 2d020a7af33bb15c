"""The generator's own words in the briefing's language: gettext catalogues, and dates.

The words are English in the code and the templates (``_("Claims")``); each other language has a
catalogue, ``locale/<language>/LC_MESSAGES/briefing.po``, compiled to ``briefing.mo`` at install
(``python -m generator.i18n compile``, which ``make`` runs: ``__main__``). A build reads the compiled catalogue,
or the ``.po`` itself where none is compiled or it is older, so that a checkout never shows stale
words. ``python -m generator.i18n extract`` gathers the words anew into every catalogue, after a
change to them; a test fails while a catalogue lacks one.

One language is in use at a time, for a whole render (``use``): the pages of one briefing are in
one language, and forked workers inherit it.
"""

from __future__ import annotations

import datetime
import gettext
from functools import cache
from pathlib import Path

from babel.dates import format_date, format_skeleton
from babel.messages.catalog import Catalog

LOCALES = Path(__file__).parent / "locale"
DOMAIN = "briefing"
SOURCE = "en"  # the language the words are written in, which needs no catalogue
# The languages a briefing may be written in (briefing.schema.json): Babel's locale for each.
# English dates keep the order the pages have always had: 1 May 2019.
LOCALE = {"en": "en_GB", "fr": "fr", "zh": "zh"}

_words: gettext.NullTranslations = gettext.NullTranslations()
_language = SOURCE


def use(language: str) -> None:
    """Write the generator's words in ``language`` from now on."""
    global _words, _language
    _words, _language = catalogue(language), language


def language() -> str:
    """The language in use."""
    return _language


def _(message: str) -> str:
    """``message`` in the language in use."""
    return _words.gettext(message)


def n_(singular: str, plural: str, number: int) -> str:
    """The singular or the plural form, as ``number`` asks in the language in use."""
    return _words.ngettext(singular, plural, number)


def N_(message: str) -> str:
    """Marks a word to translate where it is shown, not where it is written (a table's)."""
    return message


@cache
def catalogue(language: str) -> gettext.NullTranslations:
    """A language's words: its compiled catalogue where current, else its ``.po``."""
    if language == SOURCE:
        return gettext.NullTranslations()
    po = path(language, ".po")
    mo = path(language, ".mo")
    if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
        with mo.open("rb") as compiled:
            return gettext.GNUTranslations(compiled)
    return _read_po(language)


def _read_po(language: str) -> gettext.NullTranslations:
    from io import BytesIO

    from babel.messages.mofile import write_mo

    compiled = BytesIO()
    write_mo(compiled, parsed(language))
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def parsed(language: str) -> Catalog:
    """A language's ``.po``, read."""
    from babel.messages.pofile import read_po

    with path(language, ".po").open("rb") as po:
        return read_po(po, locale=language, domain=DOMAIN)


def path(language: str, suffix: str) -> Path:
    """A language's catalogue, ``.po`` or ``.mo``."""
    return LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


def catalogued() -> list[str]:
    """The languages with a catalogue of their own, besides English."""
    return sorted(found.name for found in LOCALES.iterdir() if path(found.name, ".po").exists())


def human_date(value: str) -> str:
    """'2019', 'May 2019' or '1 May 2019' in the language in use: the precision the source gave,
    and no more."""
    if "-" not in value:
        return value  # a year, or words ("not stated")
    parts = [int(part) for part in value.split("-")]
    locale = LOCALE.get(_language, _language)
    if len(parts) == 2:
        return format_skeleton("yMMMM", datetime.date(parts[0], parts[1], 1), locale=locale)
    return format_date(datetime.date(*parts), "long", locale=locale)
