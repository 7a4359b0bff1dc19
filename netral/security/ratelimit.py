"""Windowed rate-limit keys that never reveal the client address.

A key is an HMAC of the scope, the client address and the current window number, so the
stored value changes every window and cannot be joined across windows or reversed
without the server key; rows are deleted once their window has passed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from netral.security.crypto import keyed_hash


@dataclass(frozen=True)
class Window:
    seconds: int
    limit: int

    def number(self, at: datetime) -> int:
        return int(at.timestamp()) // self.seconds

    def key(self, *, secret: bytes, scope: str, client: str, at: datetime) -> str:
        return keyed_hash(secret, f"{scope}\x00{client}\x00{self.number(at)}")

    def exceeded(self, count: int) -> bool:
        return count >= self.limit
