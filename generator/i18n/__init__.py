"""The generator's own words in the briefing's language: gettext catalogues, dates and numbers.

The words are English in the code and the templates (``_("Claims")``); each other language has a
catalogue, ``locale/<language>/LC_MESSAGES/briefing.po``, compiled to ``briefing.mo`` at install
(``python -m generator.i18n compile``, which ``make`` runs: ``__main__``). A build reads the
compiled catalogue, or the ``.po`` itself where none is compiled or it is older, so that a
checkout never shows stale words. ``python -m generator.i18n extract`` gathers the words anew into every catalogue, after a
change to them; a test fails while a catalogue lacks one.

One language is in use at a time, for a whole render (``using``): the pages of one briefing are
in one language, forked workers inherit it, and the language before is restored after.

Babel is imported where it is used: the kinds' registry imports this module, and ``make clean``
reads the registry on a fresh clone, with no package installed.
"""

from __future__ import annotations

import datetime
import gettext
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

LOCALES = Path(__file__).parent / "locale"
DOMAIN = "briefing"
SOURCE = "en"  # the language the words are written in, which needs no catalogue
# The languages a briefing may be written in (briefing.schema.json): Babel's locale for each.
# English dates keep the order the pages have always had: 1 May 2019.
LOCALE = {"en": "en_GB", "fr": "fr", "zh": "zh"}

_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?$")
_words: gettext.NullTranslations = gettext.NullTranslations()
_language = SOURCE


@contextmanager
def using(language: str) -> Iterator[None]:
    """Write the generator's words in ``language`` inside the block."""
    global _words, _language
    before = _words, _language
    _words, _language = catalogue(language), language
    try:
        yield
    finally:
        _words, _language = before


def _(message: str) -> str:
    """``message`` in the language in use."""
    return _words.gettext(message)


def n_(singular: str, plural: str, number: int) -> str:
    """The singular or the plural form, as ``number`` asks in the language in use."""
    return _words.ngettext(singular, plural, number)


def N_(message: str) -> str:  # noqa: N802 (gettext's names)
    """Marks a word to translate where it is shown, not where it is written (a table's)."""
    return message


def Nn_(singular: str, plural: str) -> tuple[str, str]:  # noqa: N802 (gettext's names)
    """Marks a word's two forms, for ``n_`` where it is shown."""
    return singular, plural


Key = TypeVar("Key")


class Words(Mapping[Key, str]):
    """A table of words written in English (each marked ``N_``), read in the language in use."""

    def __init__(self, english: dict[Key, str]):
        self.english = english

    def __getitem__(self, key: Key) -> str:
        return _words.gettext(self.english[key])

    def __iter__(self) -> Iterator[Key]:
        return iter(self.english)

    def __len__(self) -> int:
        return len(self.english)


@cache
def catalogue(language: str) -> gettext.NullTranslations:
    """A language's words: its compiled catalogue where current, else its ``.po``."""
    po = path(language, ".po")
    if language == SOURCE or not po.exists():  # English; or a language of Material's only (de)
        return gettext.NullTranslations()
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


def number(value: float) -> str:
    """A figure's value as the language in use writes it ('1,200,000', '1 200 000'), with every
    decimal it has: no more exact, and no less, than the source gave it."""
    return _numbered(value, LOCALE.get(_language, _language))


@lru_cache(maxsize=10_000)  # a figure's label is said on many pages
def _numbered(value: float, locale: str) -> str:
    from babel.numbers import format_decimal

    value = int(value) if float(value).is_integer() else value
    return format_decimal(value, locale=locale, decimal_quantization=False)


def human_date(value: str) -> str:
    """'2019', 'May 2019' or '1 May 2019' in the language in use: the precision the source gave,
    and no more."""
    if not _DATE.match(value):
        return value  # words: "not stated"
    return _dated(value, LOCALE.get(_language, _language))


@lru_cache(maxsize=10_000)  # dates recur on many pages, and Babel takes 30 µs for one
def _dated(value: str, locale: str) -> str:
    from babel.dates import format_date, format_skeleton

    parts = [int(part) for part in value.split("-")]
    if len(parts) == 1:
        return format_skeleton("y", datetime.date(parts[0], 1, 1), locale=locale)
    if len(parts) == 2:
        return format_skeleton("yMMMM", datetime.date(parts[0], parts[1], 1), locale=locale)
    return format_date(datetime.date(*parts), "long", locale=locale)
