from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from cryptography.fernet import Fernet

from netral.security.crypto import (
    FieldCipher,
    luhn_valid,
    new_receipt_number,
    new_secret,
    normalise_secret,
    secret_digest,
)
from netral.security.ratelimit import Window


def test_receipt_numbers_have_sixteen_digits_and_a_valid_check_digit() -> None:
    for _ in range(200):
        receipt = new_receipt_number()
        assert len(receipt) == 16
        assert receipt.isdigit()
        assert receipt[0] != "0"
        assert luhn_valid(receipt)


def test_a_mistyped_receipt_digit_is_caught_by_the_check_digit() -> None:
    receipt = new_receipt_number()
    wrong = receipt[:5] + str((int(receipt[5]) + 1) % 10) + receipt[6:]
    assert not luhn_valid(wrong)


def test_secrets_are_distinct_and_forgive_case_and_dashes() -> None:
    secrets = {new_secret() for _ in range(500)}
    assert len(secrets) == 500
    secret = next(iter(secrets))
    assert secret_digest(secret.lower().replace("-", " ")) == secret_digest(secret)
    assert normalise_secret("o1l-i") == "0111"


def test_field_cipher_round_trips_and_hides_the_plain_text() -> None:
    cipher = FieldCipher([Fernet.generate_key().decode()])
    token = cipher.encrypt("Budi, 0812-3456-7890")
    assert "Budi" not in token
    assert cipher.decrypt(token) == "Budi, 0812-3456-7890"


def test_an_old_key_still_decrypts_after_rotation_and_a_foreign_key_does_not() -> None:
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    token = FieldCipher([old]).encrypt("Siti")
    rotated = FieldCipher([new, old])
    assert rotated.decrypt(token) == "Siti"
    assert FieldCipher([new]).decrypt(rotated.rotate(token)) == "Siti"
    with pytest.raises(ValueError, match="cannot be decrypted"):
        FieldCipher([Fernet.generate_key().decode()]).decrypt(token)


def test_rate_limit_keys_differ_per_window_and_per_client() -> None:
    window = Window(seconds=600, limit=3)
    now = datetime(2024, 11, 20, 9, 0, tzinfo=UTC)
    salt = "ab" * 32
    key = window.key(secret=b"k", salt=salt, scope="submit", client="203.0.113.9", at=now)
    later = now + timedelta(seconds=600)
    assert window.key(secret=b"k", salt=salt, scope="submit", client="203.0.113.9", at=later) != key
    assert window.key(secret=b"k", salt=salt, scope="submit", client="203.0.113.10", at=now) != key
    assert window.exceeded(3)
    assert not window.exceeded(2)


def test_a_rate_limit_key_cannot_be_recomputed_without_its_window_salt() -> None:
    from netral.security.ratelimit import new_salt

    window = Window(seconds=900, limit=5)
    at = datetime(2024, 11, 10, 8, 0, tzinfo=UTC)
    salt = new_salt()
    key = window.key(secret=b"server", salt=salt, scope="lookup", client="192.0.2.7", at=at)
    again = window.key(secret=b"server", salt=salt, scope="lookup", client="192.0.2.7", at=at)
    other = window.key(secret=b"server", salt=new_salt(), scope="lookup", client="192.0.2.7", at=at)
    assert key == again
    assert key != other
