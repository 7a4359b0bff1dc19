"""The NIP: 18 digits carrying a birth date, an appointment month, a sex and a sequence."""

from __future__ import annotations

import random
import subprocess
import sys
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netral.org.nip import generate_nip, validate_nip

TODAY = date(2024, 6, 1)


def test_a_well_formed_nip_has_no_reasons() -> None:
    assert validate_nip("198503122010011002", TODAY) == []
    assert validate_nip("199107252019032001", TODAY) == []


def test_a_leap_day_birth_is_a_real_date_but_not_in_a_common_year() -> None:
    assert validate_nip("198402292008011001", TODAY) == []
    assert validate_nip("198502292008011001", TODAY) != []


@pytest.mark.parametrize(
    ("nip", "fragment"),
    [
        ("19850312201001100", "exactly 18 digits"),
        ("1985031220100110021", "exactly 18 digits"),
        ("19850312201001100a", "exactly 18 digits"),
        ("١٩٨٥٠٣١٢٢٠١٠٠١١٠٠٢", "exactly 18 digits"),  # Arabic-Indic digits are not ASCII
        ("198502302010011002", "birth date 19850230 is not a calendar date"),
        ("198513122010011002", "birth date 19851312 is not a calendar date"),
        ("193912122010011002", "birth year 1939"),
        ("202501012040011002", "birth year 2025"),
        ("198503122010131002", "appointment month 13 is not 01-12"),
        ("198503122010001002", "appointment month 00 is not 01-12"),
        ("198503122025011002", "appointment 2025-01 is in the future"),
        ("198503121995011002", "before the person was 15"),
        ("198503122010013002", "sex digit"),
        ("198503122010010002", "sex digit"),
        ("198503122010011000", "sequence"),
    ],
)
def test_each_broken_part_of_a_nip_is_named(nip: str, fragment: str) -> None:
    reasons = validate_nip(nip, TODAY)
    assert any(fragment in reason for reason in reasons), reasons


def test_several_faults_are_all_reported() -> None:
    reasons = validate_nip("198503122010133000", TODAY)
    assert len(reasons) == 3


def test_appointment_in_the_month_of_the_fifteenth_birthday_is_accepted() -> None:
    assert validate_nip("199006152005061001", TODAY) == []
    assert validate_nip("199006152005051001", TODAY) != []


@given(st.integers(min_value=0, max_value=2**32))
def test_generated_nips_are_always_valid(seed: int) -> None:
    assert validate_nip(generate_nip(random.Random(seed), TODAY), TODAY) == []


@given(st.text(max_size=24))
def test_validation_never_raises_on_arbitrary_text(text: str) -> None:
    assert isinstance(validate_nip(text, TODAY), list)


def test_the_nip_module_imports_with_django_blocked() -> None:
    code = (
        "import sys; sys.modules['django'] = None\n"
        "from netral.org.nip import validate_nip\n"
        "from netral.org.roster import values, columns, validate, sources, report\n"
        "print(validate_nip('198503122010011002'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


@given(
    st.integers(1930, 2030),
    st.integers(0, 13),
    st.integers(0, 32),
    st.integers(1930, 2030),
    st.integers(0, 13),
    st.sampled_from("0123"),
    st.integers(0, 999),
)
def test_the_fast_check_and_the_explained_check_agree(
    year: int, month: int, day: int, appointed: int, appointed_month: int, sex: str, seq: int
) -> None:
    from netral.org.nip import _reasons

    nip = f"{year:04d}{month:02d}{day:02d}{appointed:04d}{appointed_month:02d}{sex}{seq:03d}"
    assert (validate_nip(nip, TODAY) == []) == (_reasons(nip, TODAY) == [])
