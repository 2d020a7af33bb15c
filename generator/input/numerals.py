"""Numbers as each language writes them, read for the value the text means: digits grouped by
spaces ("1 200", with a no-break or narrow no-break space too), by commas ("1,200.5") or by dots
("1.200,5"), and Chinese numerals ("两千", "1.4亿", "一百二十三").

Reading rules, for the forms that could mean two numbers:

- Both a comma and a dot: the last one is the decimal mark ("1,200.5" and "1.200,5" are 1200.5).
- Groups of three digits after spaces, or after two or more commas or dots, are thousands
  ("1 200", "1,200,000", "1.200.000"); after spaces the decimal mark may be either. Spaces
  group only from a first group of one to three digits that no number and space come right
  before ("in 2018 200 people" is 2018 and 200).
- One comma or dot before exactly three digits ("1,200", "1.200") is a decimal mark where it
  is the language's own (Babel's locale data: "1,200" is 1.2 in French or German, "1.200" is
  1.2 in English), else it groups thousands (1200). Without a language, or with one Babel does
  not know, the English way, the briefing's default: "1,200" is 1200 and "1.200" is 1.2.
- One comma or dot before any other number of digits, or after a lone 0 ("1,5", "3.5",
  "0,500"), is a decimal mark in every language.
- Chinese: 十 百 千 count within 万 (10⁴) and 亿 (10⁸), after digits too ("1.4亿"), and digits
  written one by one with 〇 ("二〇一八") are read as written. A lone digit character (一, 两)
  is read as no number: it is "a" or "both" far more often than a count, as 十 alone is "very"
  (十分) more often than ten.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal

CJK_DIGITS = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
    "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
CJK_UNITS = {"十": 10, "百": 100, "千": 1000}
CJK_MYRIADS = {"亿": 10**8, "億": 10**8, "万": 10**4, "萬": 10**4}  # the largest first
CJK_NUMERALS = "".join([*CJK_DIGITS, *CJK_UNITS, *CJK_MYRIADS])
_SPACE = "[ \u00a0\u202f\u2009]"  # a space, a no-break, a narrow no-break and a thin space
_DIGITS = re.compile(
    rf"(?<!\d)(?<!\d[.,])(?:"
    rf"(?<!\d{_SPACE})\d{{1,3}}(?:{_SPACE}\d{{3}}(?!\d))+(?:[.,]\d+)?"  # 1 200, 1 200,5
    r"|\d{1,3}(?:,\d{3})+\.\d+|\d{1,3}(?:\.\d{3})+,\d+"  # 1,200.5 and 1.200,5
    r"|\d{1,3}(?:,\d{3}){2,}(?!\d)|\d{1,3}(?:\.\d{3}){2,}(?!\d)"  # 1,200,000 and 1.200.000
    r"|\d+(?:[.,]\d+)?"  # 1,200 or 1.200 (the language decides), 1,5, 3.5, 2018
    r")"
)
_ZH_DIGIT = f"[{''.join(CJK_DIGITS)}]"
_ZH_UNIT = f"[{''.join(CJK_UNITS)}{''.join(CJK_MYRIADS)}]"
_ZH_ANY = f"[{CJK_NUMERALS}]"
# Chinese numerals: after digits ("1.4亿", "5000万"), from a digit character with a unit or a
# zero among them ("两千", "一百二十三", "二〇一八"), or from 十 ("十五", "十万")
CHINESE = re.compile(
    rf"(?:{_DIGITS.pattern}){_ZH_UNIT}+"
    rf"|{_ZH_DIGIT}{_ZH_ANY}*(?:{_ZH_UNIT}|[〇零]){_ZH_ANY}*"
    rf"|十{_ZH_ANY}+"
)


@dataclass(frozen=True)
class Number:
    start: int  # offsets in the text read
    end: int
    exact: Decimal  # the value the text means

    @property
    def value(self) -> int | float:
        """The value as a figure gives it: a whole number without a decimal point."""
        whole = self.exact == self.exact.to_integral_value()
        return int(self.exact) if whole else float(self.exact)

    @property
    def plain(self) -> str:
        """The value in plain digits, without grouping or exponent ("1200.5")."""
        return format(self.exact.normalize(), "f")


def numbers_in(text: str, language: str | None = None) -> list[Number]:
    """Each number ``text`` writes in digits or in Chinese numerals, in order."""
    found = [Number(m.start(), m.end(), _chinese(m[0], language)) for m in CHINESE.finditer(text)]
    taken = [(n.start, n.end) for n in found]
    for match in _DIGITS.finditer(text):
        if not any(a <= match.start() < b for a, b in taken):
            found.append(Number(match.start(), match.end(), digits(match[0], language)))
    return sorted(found, key=lambda n: n.start)


def value_of(text: str, language: str | None = None) -> Number | None:
    """The number ``text`` writes, when it is one number and nothing else."""
    found = numbers_in(text, language)
    whole = len(found) == 1 and (found[0].start, found[0].end) == (0, len(text))
    return found[0] if whole else None


def digits(written: str, language: str | None = None) -> Decimal:
    """The value of a number written in digits with its separators (see the rules above)."""
    plain = re.sub(_SPACE, "", written)
    marks = [char for char in plain if char in ".,"]
    if not marks:
        return Decimal(plain)
    if len(marks) > 1 and len(set(marks)) == 1:
        return Decimal(plain.replace(marks[0], ""))  # 1,200,000 and 1.200.000
    cut = plain.rindex(marks[-1])
    whole, fraction = plain[:cut], plain[cut + 1 :]
    if plain == written and len(marks) == 1 and _groups(whole, fraction, marks[0], language):
        return Decimal(whole + fraction)
    return Decimal(re.sub(r"[.,]", "", whole) + "." + fraction)


def _groups(whole: str, fraction: str, mark: str, language: str | None) -> bool:
    """Whether the one mark in a number without spaces ("1,200", "1.200") groups thousands."""
    if len(fraction) != 3 or len(whole) > 3 or whole.startswith("0"):
        return False
    return mark != decimal_mark(language)


@functools.cache
def decimal_mark(language: str | None) -> str:
    """The language's decimal mark, from the Unicode locale data Babel holds; the English one
    without a language, or for a language Babel does not know."""
    if not language:
        return "."
    from babel import Locale, UnknownLocaleError, numbers

    try:
        return numbers.get_decimal_symbol(Locale.parse(language.replace("-", "_")))
    except (UnknownLocaleError, ValueError):
        return "."


def _chinese(written: str, language: str | None) -> Decimal:
    """The value of Chinese numerals, after digits or not."""
    arabic = _DIGITS.match(written)
    if arabic is None:
        return _zh(written)
    return digits(arabic[0], language) * _zh(written[arabic.end() :])


def _zh(written: str) -> Decimal:
    """The value of Chinese numerals alone: a unit with no digit before it counts one of it."""
    for mark, scale in CJK_MYRIADS.items():
        high, found, low = written.rpartition(mark)
        if found:
            return (_zh(high) or 1) * scale + _zh(low)
    total, digit = Decimal(0), None
    for char in written:
        if char in CJK_DIGITS:
            digit = (digit or 0) * 10 + CJK_DIGITS[char]
        else:
            total += (1 if digit is None else digit) * CJK_UNITS[char]
            digit = None
    return total + (digit or 0)
