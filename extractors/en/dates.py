"""English calendar dates and date ranges ("27-30 August 2024", "from July 8 to 11") as ISO dates."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

__all__ = ["DateRange", "find_dates"]

MONTHS = {
    m[:3].lower(): n
    for n, m in enumerate(
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
        1,
    )
}
_M = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_D = r"\d{1,2}(?:st|nd|rd|th)?"
_Y = r"(?:,?\s+(?P<y>(?:19|20)\d\d))?"
_TO = r"\s*(?:[-–—]|to|until|till|through|and)\s*"
_FROM = r"(?:(?:[Ff]rom|[Bb]etween)\s+)?"
PATTERNS = [
    re.compile(p)  # case-sensitive: "May" is a month, "may" is not
    for p in (
        rf"{_FROM}(?P<d1>{_D})\s+(?P<m1>{_M}){_TO}(?P<d2>{_D})\s+(?P<m2>{_M}){_Y}",
        rf"{_FROM}(?P<m1>{_M})\s+(?P<d1>{_D}){_TO}(?P<m2>{_M})\s+(?P<d2>{_D}){_Y}",
        rf"{_FROM}(?P<d1>{_D}){_TO}(?P<d2>{_D})\s+(?P<m1>{_M}){_Y}",
        rf"{_FROM}(?P<m1>{_M})\s+(?P<d1>{_D}){_TO}(?P<d2>{_D}){_Y}",
        rf"(?P<d1>{_D})\s+(?P<m1>{_M}){_Y}",
        rf"(?P<m1>{_M})\s+(?P<d1>{_D}){_Y}",
    )
]


@dataclass(frozen=True)
class DateRange:
    start: int
    stop: int
    first: str  # ISO date
    last: str


def _iso(day: str, month: str, year: int) -> str | None:
    try:
        return date(year, MONTHS[month[:3].lower()], int(re.sub(r"\D", "", day))).isoformat()
    except (KeyError, ValueError):
        return None


def find_dates(text: str, start: int, stop: int, default_year: int | None) -> list[DateRange]:
    """Dates and ranges inside text[start:stop]; a date without a year takes `default_year` or is skipped."""
    found: list[DateRange] = []
    for pattern in PATTERNS:
        for match in pattern.finditer(text, start, stop):
            if any(d.start < match.end() and match.start() < d.stop for d in found):
                continue
            if re.match(r"[\w-]", text[match.end() : match.end() + 1]) or re.search(
                r"\w", text[match.start() - 1 : match.start()]
            ):
                continue
            group = match.groupdict()
            year = int(group["y"]) if group.get("y") else default_year
            if year is None:
                continue
            first = _iso(group["d1"], group["m1"], year)
            last = _iso(group.get("d2") or group["d1"], group.get("m2") or group["m1"], year)
            if first and last and first <= last:
                found.append(DateRange(match.start(), match.end(), first, last))
    return sorted(found, key=lambda d: d.start)
