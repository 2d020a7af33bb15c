"""The day a page's date field gives, in the forms pages write it: a timestamp
("2019-01-03T07:00:02Z", "2018-12-21 12:55:00"), a day without hyphens ("20190221", as
``<meta name="pdate">``) or English words ("Fri Mar 13 21:30:09 EST 2015", "January 16, 2020",
"16 November 2017"). The day is the one the page wrote, in its own time zone, not UTC's.
"""

from __future__ import annotations

import datetime
import re

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?![\d])")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_MONTHS = {
    name: number
    for number, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")],
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\.?\s+({_MONTH})\b\.?", re.IGNORECASE)
_MONTH_DAY = re.compile(rf"\b({_MONTH})\b\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")


def day(value: str | None) -> str | None:
    """The day ``value`` gives, as YYYY-MM-DD, or None when it gives no calendar day."""
    value = " ".join((value or "").split())
    found = _ISO.match(value) or _COMPACT.match(value)
    if found:
        return _checked(*(int(part) for part in found.groups()))
    year = _YEAR.search(value)
    month_day = _MONTH_DAY.search(value)
    day_month = _DAY_MONTH.search(value)
    if not year or not (month_day or day_month):
        return None
    if month_day:
        month, number = _MONTHS[month_day.group(1).lower()], int(month_day.group(2))
    else:
        number, month = int(day_month.group(1)), _MONTHS[day_month.group(2).lower()]
    return _checked(int(year.group(1)), month, number)


def _checked(year: int, month: int, number: int) -> str | None:
    try:
        return datetime.date(year, month, number).isoformat()
    except ValueError:
        return None
