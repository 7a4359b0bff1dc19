"""Triage calls a NIP valid exactly when the roster importer would accept it."""

from __future__ import annotations

import pytest

from netral.org.nip import validate_nip
from netral.triage.idnumbers import nip_fields


@pytest.mark.parametrize(
    "nip",
    [
        "197803122005011003",  # valid
        "198503122010011000",  # sequence 000
        "198503122030011002",  # appointed in the future
        "198502302010011002",  # 30 February
        "198503122010013002",  # sex digit 3
        "198503122001011002",  # appointed at 15 years 10 months
    ],
)
def test_triage_and_the_roster_agree_on_a_nip(nip: str) -> None:
    assert (nip_fields(nip) is not None) == (validate_nip(nip) == [])


def test_a_valid_nip_is_split_into_its_parts() -> None:
    assert nip_fields("197803122005011003") == {
        "birth_date": "1978-03-12",
        "appointed": "2005-01",
        "sex": "male",
    }
