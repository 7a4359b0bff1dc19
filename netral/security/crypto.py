"""Field encryption with rotating keys, keyed hashes, and receipt numbers and secrets."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Sequence

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

RECEIPT_DIGITS = 16
# Crockford's base32 alphabet: no I, L, O or U, so a secret copied by hand survives.
_CROCKFORD_BASE32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
SECRET_GROUPS = 5
SECRET_GROUP_SIZE = 4  # 20 symbols x 5 bits = 100 bits of entropy


class FieldCipher:
    """Encrypts short texts with the first key; decrypts with any (for key rotation)."""

    def __init__(self, keys: Sequence[str]) -> None:
        if not keys:
            raise ValueError("at least one encryption key is required")
        self._fernet = MultiFernet([Fernet(key.encode("ascii")) for key in keys])

    def encrypt(self, plain: str) -> str:
        return self._fernet.encrypt(plain.encode("utf-8")).decode("ascii")

    def decrypt(self, token: str) -> str:
        try:
            return self._fernet.decrypt(token.encode("ascii")).decode("utf-8")
        except InvalidToken as exc:
            raise ValueError("the value cannot be decrypted with the configured keys") from exc

    def rotate(self, token: str) -> str:
        """Re-encrypt under the newest key."""
        return self._fernet.rotate(token.encode("ascii")).decode("ascii")


def key_fingerprint(key: str) -> str:
    """A name for a field key that reveals nothing of it (backups list the keys they need)."""
    return hashlib.sha256(b"netral field key\n" + key.strip().encode("ascii")).hexdigest()[:16]


def keyed_hash(key: bytes, value: str) -> str:
    return hmac.new(key, value.encode("utf-8"), hashlib.sha256).hexdigest()


def luhn_check_digit(digits: str) -> str:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 0:
            value *= 2
            value = value - 9 if value > 9 else value
        total += value
    return str((10 - total % 10) % 10)


def luhn_valid(number: str) -> bool:
    return number.isdigit() and luhn_check_digit(number[:-1]) == number[-1]


def new_receipt_number() -> str:
    """16 digits: 15 random (first not zero, so it never loses a digit) and a Luhn digit."""
    body = str(secrets.randbelow(9 * 10**14) + 10**14)
    return body + luhn_check_digit(body)


def new_secret() -> str:
    """A human-copyable secret like `7K3Q-M9XD-...` with 100 bits of entropy."""
    symbols = "".join(secrets.choice(_CROCKFORD_BASE32) for _ in range(20))
    groups = [symbols[i : i + SECRET_GROUP_SIZE] for i in range(0, 20, SECRET_GROUP_SIZE)]
    return "-".join(groups)


def normalise_secret(value: str) -> str:
    """Forgive case, spaces, dashes and the letters Crockford maps to digits."""
    cleaned = value.upper().replace("-", "").replace(" ", "")
    return cleaned.translate(str.maketrans("OIL", "011"))


def secret_digest(secret: str) -> str:
    """The stored form of a secret. A plain hash suffices: the secret has 100 random bits."""
    return hashlib.sha256(normalise_secret(secret).encode("ascii", "replace")).hexdigest()


def digests_match(stored: str, offered: str) -> bool:
    return hmac.compare_digest(stored.encode("ascii"), offered.encode("ascii"))
