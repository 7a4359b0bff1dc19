"""The 18-digit NIP (civil-servant number): validation and generation.

Layout: birth date YYYYMMDD (8) + appointment year-month YYYYMM (6) + sex (1: male,
2: female) + sequence (3). Pure Python, no Django. The roster importer calls it once per
row of files with a million rows, so a valid NIP is recognised with two look-ups in
tables of every acceptable birth date and appointment month (built once per day); only
an invalid one takes the slower path that says what is wrong.
"""

from __future__ import annotations

import random
from datetime import date
from functools import lru_cache

NIP_LENGTH = 18
EARLIEST_BIRTH_YEAR = 1940
# Nobody is appointed before about fifteen; counted in months of age at appointment.
MIN_APPOINTMENT_AGE_MONTHS = 15 * 12
SEXES = {"1": "male", "2": "female"}

_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in(year: int, month: int) -> int:
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month]


@lru_cache(maxsize=4)
def _tables(today: date) -> tuple[dict[str, int], dict[str, int]]:
    """Every valid birth date (YYYYMMDD) and appointment month (YYYYMM) up to `today`,
    each mapped to its month number (year * 12 + month) for the age check."""
    births, appointments = {}, {}
    for year in range(EARLIEST_BIRTH_YEAR, today.year + 1):
        for month in range(1, 13):
            if (year, month) > (today.year, today.month):
                break
            appointments[f"{year:04d}{month:02d}"] = year * 12 + month
            last = today.day if (year, month) == (today.year, today.month) else 0
            for day in range(1, (last or _days_in(year, month)) + 1):
                births[f"{year:04d}{month:02d}{day:02d}"] = year * 12 + month
    return births, appointments


def validate_nip(nip: str, today: date | None = None) -> list[str]:
    """English reasons why `nip` is not a valid NIP; an empty list when it is."""
    births, appointments = _tables(today or date.today())  # noqa: DTZ011 - a calendar day
    born, appointed = births.get(nip[:8]), appointments.get(nip[8:14])
    if (
        born is not None
        and appointed is not None
        and appointed - born >= MIN_APPOINTMENT_AGE_MONTHS
        and len(nip) == NIP_LENGTH
        and nip[14] in SEXES
        and nip[15:] != "000"
        and nip.isascii()
        and nip.isdigit()
    ):
        return []
    return _reasons(nip, today or date.today())  # noqa: DTZ011


def _reasons(nip: str, today: date) -> list[str]:
    if len(nip) != NIP_LENGTH or not (nip.isascii() and nip.isdigit()):
        return [f"NIP must be exactly {NIP_LENGTH} digits"]
    reasons = _birth_reasons(nip, today)
    reasons += _appointment_reasons(nip, today)
    if nip[14] not in SEXES:
        reasons.append("NIP sex digit (15th) must be 1 (male) or 2 (female)")
    if nip[15:] == "000":
        reasons.append("NIP sequence (last 3 digits) must not be 000")
    return reasons


def _birth_reasons(nip: str, today: date) -> list[str]:
    year, month, day = int(nip[0:4]), int(nip[4:6]), int(nip[6:8])
    if not 1 <= month <= 12 or not 1 <= day <= _days_in(year, month):
        return [f"NIP birth date {nip[0:8]} is not a calendar date"]
    if year < EARLIEST_BIRTH_YEAR or (year, month, day) > (today.year, today.month, today.day):
        return [f"NIP birth year {year} is outside {EARLIEST_BIRTH_YEAR}..{today.year}"]
    return []


def _appointment_reasons(nip: str, today: date) -> list[str]:
    year, month = int(nip[8:12]), int(nip[12:14])
    if not 1 <= month <= 12:
        return [f"NIP appointment month {nip[12:14]} is not 01-12"]
    appointed = year * 12 + month
    if appointed > today.year * 12 + today.month:
        return [f"NIP appointment {year}-{month:02d} is in the future"]
    born = int(nip[0:4]) * 12 + int(nip[4:6])
    if appointed - born < MIN_APPOINTMENT_AGE_MONTHS:
        return [f"NIP appointment {year}-{month:02d} is before the person was 15"]
    return []


def generate_nip(rng: random.Random, today: date | None = None) -> str:
    """A random valid NIP, for tests and benchmarks."""
    today = today or date.today()  # noqa: DTZ011 - a calendar day, the zone is irrelevant here
    birth_year = rng.randint(EARLIEST_BIRTH_YEAR + 20, today.year - 20)
    birth_month = rng.randint(1, 12)
    birth_day = rng.randint(1, _days_in(birth_year, birth_month))
    appointed = rng.randint(birth_year * 12 + birth_month + 12 * 18, today.year * 12 - 12)
    year, month = divmod(appointed - 1, 12)
    sex = rng.choice("12")
    sequence = rng.randint(1, 999)
    born = f"{birth_year:04d}{birth_month:02d}{birth_day:02d}"
    return f"{born}{year:04d}{month + 1:02d}{sex}{sequence:03d}"
