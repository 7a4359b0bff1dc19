"""Indonesian dates: "17 November 2023", "Senin (4/3/2024)", "(22/9)", "tanggal 05-01-2024",
and a bare day name ("Senin kemarin") read against the news item's own date."""

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
WEEKDAYS = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "sabtu": 5,
    "minggu": 6, "ahad": 6,
}  # fmt: skip
_DAY_NAME = r"(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad)"
# A day name a few words before a date: "Selasa pagi kemarin (2/4)", "Kamis, (5/10)".
_DAY_BEFORE = re.compile(
    rf"(?<!\w)(?P<name>(?i:{_DAY_NAME}))(?:,?\s+(?i:pagi|siang|sore|malam|kemarin|lalu))*,?\s*\(?$"
)
_BARE_DAY = re.compile(rf"(?<!\w)(?P<name>(?i:{_DAY_NAME}))(?!\w)")
_PAST = re.compile(r",?\s+(?i:kemarin|lalu)(?!\w)")
_YEAR = re.compile(r"(?<![\d/.\-])((?:19|20)\d{2})(?![\d/])")
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WORDED = re.compile(
    rf"(?i:{_DAY_NAME},?\s*)?\(?(?<!\d)(?P<day>\d{{1,2}})\s+(?P<month>(?i:{_MONTH}))\.?"
    r"(?:\s+(?P<year>(?:19|20)\d{2}))?(?!\w)\)?"
)
_BRACKETED = re.compile(
    rf"(?i:{_DAY_NAME},?\s*)?\((?P<day>\d{{1,2}})/(?P<month>\d{{1,2}})(?:/(?P<year>\d{{2}}|\d{{4}}))?\)"
)
_NUMERIC = re.compile(
    r"(?i:tanggal|tertanggal|bertanggal|tgl\.?|pada)\s*:?\s*"
    r"(?P<date>(?P<day>\d{1,2})[-/.](?P<month>\d{1,2})[-/.](?P<year>\d{4}))(?!\d)"
)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    day: int
    month: int
    year: int | None  # None when the text leaves the year to the context
    weekday: int | None = None  # 0 = Monday, when a day name is written with it

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


def _weekday_before(text: str, start: int) -> int | None:
    written = _DAY_BEFORE.search(text, max(0, start - 30), start)
    return WEEKDAYS[written["name"].casefold()] if written else None


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
                _weekday_before(text, match.start("day")),
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


def year_matching_weekday(mention: DateMention, years: list[int]) -> int | None:
    """The first of `years` (in order of preference) on which the written day name falls,
    trying each year's neighbours next; the first year when no day name is written or
    none fits."""
    if not years:
        return None
    if mention.weekday is None:
        return years[0]
    for candidates in (years, [y + step for y in years for step in (-1, 1)]):
        for year in candidates:
            day = mention.resolve(year)
            if day is not None and day.weekday() == mention.weekday:
                return year
    return years[0]


def years_written(text: str, skip: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(offset, year) of each year written alone ("Pemilu 2024"), outside the `skip` spans
    (numbers of rules and instruments, whose years say nothing of the news item's time)."""
    return [
        (match.start(), int(match.group(1)))
        for match in _YEAR.finditer(text)
        if not any(start <= match.start() < end for start, end in skip)
    ]


# A publication date as web pages print it: "17/11/2023 10:21 WIB", "2023-11-17".
_PAGE_DATE = re.compile(
    r"(?<![\d/.\-])(?:(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>(?:19|20)\d{2})"
    r"|(?P<iso_year>(?:19|20)\d{2})-(?P<iso_month>\d{2})-(?P<iso_day>\d{2}))(?![\d/])"
)


def news_date(text: str, dates: list[DateMention], reach: int = 400) -> dt.date | None:
    """The news item's own date: the first full date in its opening (dateline or
    publication date), which a bare "Senin kemarin" is read against."""
    found: list[tuple[int, dt.date | None]] = [
        (mention.start, mention.resolve(mention.year))
        for mention in dates
        if mention.start < reach and mention.year is not None
    ]
    for match in _PAGE_DATE.finditer(text, 0, reach):
        day, month, year = (
            (match["day"], match["month"], match["year"])
            if match["day"]
            else (match["iso_day"], match["iso_month"], match["iso_year"])
        )
        found.append(
            (match.start(), DateMention(0, 0, int(day), int(month), int(year)).resolve(None))
        )
    return next((day for _, day in sorted(found, key=lambda item: item[0]) if day), None)


def bare_weekdays(text: str, start: int, end: int, dates: list[DateMention]) -> list[re.Match[str]]:
    """Day names in text[start:end] that are not part of a written date."""
    spans = [(d.start - 30, d.end) for d in dates]
    return [
        match
        for match in _BARE_DAY.finditer(text, start, end)
        if not any(s <= match.start() < e for s, e in spans)
    ]


def resolve_weekday(text: str, match: re.Match[str], anchor: dt.date) -> DateMention:
    """A bare day name as the latest such day on or before `anchor` ("Senin kemarin":
    strictly before it)."""
    weekday = WEEKDAYS[match["name"].casefold()]
    day = anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)
    past = _PAST.match(text, match.end())
    if past and day == anchor:
        day -= dt.timedelta(days=7)
    end = past.end() if past else match.end()
    return DateMention(match.start(), end, day.day, day.month, day.year, weekday)
