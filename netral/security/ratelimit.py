"""Windowed rate-limit keys that never reveal the client address.

A key is an HMAC of the scope, the client address and the window number under a key
made of the server key and a random salt drawn for that window alone. The salt is kept
only while its window lasts and then discarded (with the window's rows), so even with
the database and the server key in hand, a past window's keys cannot be matched against
the 2^32 IPv4 addresses: the salt they would need is gone.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

from netral.security.crypto import keyed_hash

SALT_BYTES = 32


def new_salt() -> str:
    return secrets.token_hex(SALT_BYTES)


@dataclass(frozen=True)
class Window:
    seconds: int
    limit: int

    def number(self, at: datetime) -> int:
        return int(at.timestamp()) // self.seconds

    def key(self, *, secret: bytes, salt: str, scope: str, client: str, at: datetime) -> str:
        return keyed_hash(secret + bytes.fromhex(salt), f"{scope}\x00{client}\x00{self.number(at)}")

    def exceeded(self, count: int) -> bool:
        return count >= self.limit
