"""Dates from the article's words ("Monday", "last December", "May 1"), read against the date
the article was published, each with the reason a reviewer needs when it is not stated outright."""

from __future__ import annotations

import datetime
import re

MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sept", "sep"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")],
        1,
    )
    for name in names
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_FULL = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}}),?\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_DAY = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})\b", re.IGNORECASE)
_LAST_MONTH = re.compile(rf"\blast\s+({_MONTH})\b", re.IGNORECASE)
_MONTH_YEAR = re.compile(rf"\b({_MONTH})\.?\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_WEEKDAY = re.compile(rf"\b({'|'.join(WEEKDAYS)})\b", re.IGNORECASE)
_RELATIVE_YEAR = re.compile(r"\b(last|this|next) year\b", re.IGNORECASE)


def resolve(words: str, published: str | None) -> tuple[str | None, str | None]:
    """The date ``words`` give, as precise as they and the published date allow, and the
    reason when it is inferred (None when the words state it outright)."""
    year, month, day = _parts(published)
    said = f'The article says "{words}"'
    if match := _FULL.search(words):
        return _date(int(match[3]), MONTHS[match[1].lower()], int(match[2])), None
    if match := _MONTH_YEAR.search(words):
        return f"{match[2]}-{MONTHS[match[1].lower()]:02d}", None
    if year is None:
        found = _YEAR.search(words)
        return (found[1], None) if found else (None, None)
    if match := _LAST_MONTH.search(words):
        number = MONTHS[match[1].lower()]
        earlier = year - 1 if month is None or number >= month else year
        assume = "" if month else f"; the article's month is not known, so this assumes {number}"
        return (
            f"{earlier}-{number:02d}",
            f"{said}; it appeared {when_published(published)}{assume}.",
        )
    if match := _DAY.search(words):
        number = MONTHS[match[1].lower()]
        when = _date(year, number, int(match[2]))
        return when, f"{said} without a year; the article appeared {when_published(published)}."
    if match := _RELATIVE_YEAR.search(words):
        shift = {"last": -1, "this": 0, "next": 1}[match[1].lower()]
        return str(year + shift), f"{said}; the article appeared {when_published(published)}."
    if match := _YEAR.search(words):
        return match[1], None
    if match := _WEEKDAY.search(words):
        if day is None:
            return (
                published,
                f"{said}, in the week of the article, which appeared {when_published(published)}.",
            )
        weekday = WEEKDAYS.index(match[1].lower())
        seen = datetime.date(year, month, day)
        back = (seen.weekday() - weekday) % 7
        when = (seen - datetime.timedelta(days=back)).isoformat()
        return when, f"{said}: the {match[1]} on or before the article's date, {published}."
    return None, None


def article_date(published: str | None) -> tuple[str | None, str | None]:
    """The date of something the article reports without a date of its own."""
    if not published:
        return None, None
    return published, f"No date is given; the article appeared {when_published(published)}."


def when_published(published: str | None) -> str:
    """'on 2024-03-06' for a full date, 'in 2024-03' or 'in 2024' otherwise."""
    return f"on {published}" if published and published.count("-") == 2 else f"in {published}"


def _parts(published: str | None) -> tuple[int | None, int | None, int | None]:
    numbers = [int(part) for part in (published or "").split("-") if part.isdigit()]
    numbers += [None] * (3 - len(numbers))  # type: ignore[list-item]
    return numbers[0], numbers[1], numbers[2]  # type: ignore[return-value]


def _date(year: int, month: int, day: int) -> str | None:
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return f"{year}-{month:02d}"
