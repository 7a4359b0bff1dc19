"""Working days: weekends, national holidays and cuti bersama are not working days.

Counting starts on the day after the start event. A year with no holiday data is an error,
for either unit, so a deadline is never computed on a guessed calendar.
"""

from __future__ import annotations

import datetime

from netral.rules.catalogue import Catalogue
from netral.rules.errors import RulesError
from netral.rules.model import UNITS

SATURDAY = 5


def _days_off(catalogue: Catalogue, year: int) -> frozenset[datetime.date]:
    key = ("days_off", year)
    cached = catalogue.derived.get(key)
    if cached is None:
        data = catalogue.calendar.get(year)
        if data is None:
            known = ", ".join(str(y) for y in sorted(catalogue.calendar)) or "none"
            raise RulesError(f"no holiday data for {year} (years with data: {known})")
        cached = frozenset(day.date for day in data.days)
        catalogue.derived[key] = cached
    assert isinstance(cached, frozenset)  # noqa: S101 - narrows the cache's value type
    return cached


def is_working_day(catalogue: Catalogue, day: datetime.date) -> bool:
    return day.weekday() < SATURDAY and day not in _days_off(catalogue, day.year)


def next_working_day(catalogue: Catalogue, day: datetime.date) -> datetime.date:
    while not is_working_day(catalogue, day):
        day += datetime.timedelta(days=1)
    return day


def due_on(
    catalogue: Catalogue,
    start: datetime.date,
    days: int,
    unit: str,
    *,
    roll_forward: bool = False,
) -> datetime.date:
    """The last day of a period of ``days`` units after ``start``.

    ``roll_forward`` moves a calendar-day deadline that ends on a non-working day to the next
    working day; only a rule that says so should ask for it.
    """
    if unit not in UNITS:
        raise RulesError(f"unknown unit {unit!r}; expected WORKING or CALENDAR")
    if isinstance(days, bool) or not isinstance(days, int) or days < 0:
        raise RulesError("days must be a whole number of zero or more")
    _days_off(catalogue, start.year)
    if unit == "CALENDAR":
        end = start + datetime.timedelta(days=days)
        _days_off(catalogue, end.year)
        return next_working_day(catalogue, end) if roll_forward else end
    day = start
    for _ in range(days):
        day = next_working_day(catalogue, day + datetime.timedelta(days=1))
    return day
