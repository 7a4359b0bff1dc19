"""Indonesian dates: "17 November 2023", "Senin (4/3/2024)", "(22/9)", "tanggal 05-01-2024"."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "maret": 3,
    "mar": 3, "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "agust": 8, "september": 9, "sep": 9,
    "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "des": 12,
}  # fmt: skip
_DAY_NAME = r"(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad)"
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WORDED = re.compile(
    rf"(?i:{_DAY_NAME},?\s*)?\(?(?<!\d)(?P<day>\d{{1,2}})\s+(?P<month>(?i:{_MONTH}))\.?"
    r"(?:\s+(?P<year>(?:19|20)\d{2}))?(?!\w)\)?"
)
_BRACKETED = re.compile(
    rf"(?i:{_DAY_NAME},?\s*)?\((?P<day>\d{{1,2}})/(?P<month>\d{{1,2}})(?:/(?P<year>\d{{2}}|\d{{4}}))?\)"
)
_NUMERIC = re.compile(
    r"(?i:tanggal|tertanggal|bertanggal|tgl\.?)\s*:?\s*"
    r"(?P<date>(?P<day>\d{1,2})[-/.](?P<month>\d{1,2})[-/.](?P<year>\d{4}))(?!\d)"
)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    day: int
    month: int
    year: int | None  # None when the text leaves the year to the context

    def resolve(self, default_year: int | None) -> dt.date | None:
        year = self.year if self.year is not None else default_year
        if year is None:
            return None
        try:
            return dt.date(year, self.month, self.day)
        except ValueError:
            return None


def _year(text: str | None) -> int | None:
    if not text:
        return None
    value = int(text)
    return value + 2000 if value < 100 else value


def _month(text: str) -> int:
    return int(text) if text.isdigit() else MONTHS[text.casefold()]


def find_dates(text: str) -> list[DateMention]:
    """Every date expression of `text` that names a real day, in order."""
    found: list[DateMention] = []
    for regex in (_WORDED, _BRACKETED):
        for match in regex.finditer(text):
            mention = DateMention(
                match.start(),
                match.end(),
                int(match["day"]),
                _month(match["month"]),
                _year(match["year"]),
            )
            if mention.resolve(mention.year or 2024) is not None:  # 2024: any leap year
                found.append(mention)
    for match in _NUMERIC.finditer(text):
        start, end = match.span("date")
        mention = DateMention(
            start, end, int(match["day"]), int(match["month"]), int(match["year"])
        )
        if mention.resolve(None) is not None:
            found.append(mention)
    return sorted(found, key=lambda mention: mention.start)
