"""Dates of events: "с 8 по 11 июля 2024 года", "16-17 октября", "9 сентября"; the year from the text or the edition.

Periods without a day: "в июле", "в апреле 1945-го", "в 1988 году", "в декабре 2014 года"."""

from __future__ import annotations

import re
from datetime import date

__all__ = ["find_dates", "find_periods", "DateSpan"]

MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6,
    "июл": 7, "август": 8, "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}  # fmt: skip
MONTH = r"(января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
YEAR = r"(?:\s+((?:19|20)\d{2})(?:\s*(?:года|г\.|год))?)?"
RANGE_SAME_MONTH = re.compile(rf"\b[сС]\s+(\d{{1,2}})\s+по\s+(\d{{1,2}})\s+{MONTH}{YEAR}")
RANGE_TWO_MONTHS = re.compile(rf"\b[сС]\s+(\d{{1,2}})\s+{MONTH}\s+по\s+(\d{{1,2}})\s+{MONTH}{YEAR}")
DASH_RANGE = re.compile(rf"\b(\d{{1,2}})\s*[-–—]\s*(\d{{1,2}})\s+{MONTH}{YEAR}")
SINGLE = re.compile(rf"\b(\d{{1,2}})\s+{MONTH}{YEAR}")
# "в июле", "в апреле 1945-го", "в сентябре 2012г", "в 1988 году": a month or a year after "в", no day
MONTH_IN = r"(январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре)"
PERIOD = re.compile(
    rf"(?<![\w-])[вВ]о?\s+(?:{MONTH_IN}(?:\s+((?:19|20)\d{{2}})(?:-го|-м|\s*(?:года|г\.|г)(?!\w))?)?(?![\w-])"
    r"|((?:19|20)\d{2})\s*(?:году|г\.|г)(?!\w))"
)


class DateSpan(tuple):
    """(start offset, stop offset, (day, month), (day, month), year or None)."""

    __slots__ = ()


def month_number(word: str) -> int:
    for stem, number in MONTHS.items():
        if word.startswith(stem):
            return number
    raise ValueError(f"expected a Russian month name, got {word!r}")


def find_dates(text: str) -> list[tuple[int, int, tuple[int, int], tuple[int, int], int | None]]:
    """Every date or date range in the text, longest patterns first, without overlaps."""
    found = []
    taken: list[tuple[int, int]] = []

    def keep(m, first, last, year):
        if any(a < m.end() and m.start() < b for a, b in taken):
            return
        taken.append((m.start(), m.end()))
        found.append((m.start(), m.end(), first, last, int(year) if year else None))

    for m in RANGE_TWO_MONTHS.finditer(text):
        keep(
            m,
            (int(m.group(1)), month_number(m.group(2))),
            (int(m.group(3)), month_number(m.group(4))),
            m.group(5),
        )
    for m in RANGE_SAME_MONTH.finditer(text):
        month = month_number(m.group(3))
        keep(m, (int(m.group(1)), month), (int(m.group(2)), month), m.group(4))
    for m in DASH_RANGE.finditer(text):
        month = month_number(m.group(3))
        keep(m, (int(m.group(1)), month), (int(m.group(2)), month), m.group(4))
    for m in SINGLE.finditer(text):
        month = month_number(m.group(2))
        keep(m, (int(m.group(1)), month), (int(m.group(1)), month), m.group(3))
    return sorted(found)


def find_periods(text: str) -> list[tuple[int, int, int | None, int | None]]:
    """Every month or year after "в" that no date of `find_dates` covers: (start, stop, year or None, month or None)."""
    taken = [(start, stop) for start, stop, *_ in find_dates(text)]
    found = []
    for m in PERIOD.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        year = m.group(2) or m.group(3)
        month = month_number(m.group(1)) if m.group(1) else None
        found.append((m.start(), m.end(), int(year) if year else None, month))
    return found


def iso(year: int, day_month: tuple[int, int]) -> str | None:
    try:
        return date(year, day_month[1], day_month[0]).isoformat()
    except ValueError:
        return None
