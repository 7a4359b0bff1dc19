"""Validation of NIP (civil-servant number) and NIK (population number).

NIP, 18 digits (glossary.md): birth date YYYYMMDD, appointment YYYYMM, sex (1 male,
2 female), sequence (3). NIK, 16 digits: region code (6, province 11-94), birth date
DDMMYY (women add 40 to the day), sequence (4).
"""

from __future__ import annotations

import datetime as dt


def _date(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def nip_fields(digits: str) -> dict[str, str] | None:
    """The parts of a valid NIP, or None when it cannot be one."""
    if len(digits) != 18 or not digits.isdigit():
        return None
    birth_y, birth_m, birth_d = int(digits[0:4]), int(digits[4:6]), int(digits[6:8])
    appointed_y, appointed_m = int(digits[8:12]), int(digits[12:14])
    sex = digits[14]
    if not _date(birth_y, birth_m, birth_d) or not 1900 <= birth_y <= 2015:
        return None
    if not 1 <= appointed_m <= 12 or not birth_y + 15 <= appointed_y <= 2100:
        return None
    if sex not in {"1", "2"}:
        return None
    return {
        "birth_date": f"{birth_y:04d}-{birth_m:02d}-{birth_d:02d}",
        "appointed": f"{appointed_y:04d}-{appointed_m:02d}",
        "sex": "male" if sex == "1" else "female",
    }


def nik_fields(digits: str) -> dict[str, str] | None:
    """The parts of a plausible NIK, or None."""
    if len(digits) != 16 or not digits.isdigit():
        return None
    province = int(digits[0:2])
    day, month, year = int(digits[6:8]), int(digits[8:10]), int(digits[10:12])
    female = day > 40
    if female:
        day -= 40
    if not 11 <= province <= 94 or not _date(2000 + year, month, day):
        return None
    return {"region": digits[0:6], "sex": "female" if female else "male"}
