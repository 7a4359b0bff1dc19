"""Validation of NIP (civil-servant number) and NIK (population number).

NIP, 18 digits (glossary.md): birth date YYYYMMDD, appointment YYYYMM, sex (1 male,
2 female), sequence (3). NIK, 16 digits: region code (6, province 11-94), birth date
DDMMYY (women add 40 to the day), sequence (4).
"""

from __future__ import annotations

import datetime as dt

from netral.org.nip import validate_nip


def _date(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def nip_fields(digits: str) -> dict[str, str] | None:
    """The parts of a valid NIP, or None; valid means what the roster importer accepts."""
    if validate_nip(digits):
        return None
    return {
        "birth_date": f"{digits[0:4]}-{digits[4:6]}-{digits[6:8]}",
        "appointed": f"{digits[8:12]}-{digits[12:14]}",
        "sex": "male" if digits[14] == "1" else "female",
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
