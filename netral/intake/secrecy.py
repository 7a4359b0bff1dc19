"""Glue between settings and `netral.security.crypto`: the field cipher and server keys."""

from __future__ import annotations

from functools import cache

from django.conf import settings

from netral.security.crypto import FieldCipher


@cache
def _cipher(keys: tuple[str, ...]) -> FieldCipher:
    return FieldCipher(keys)


def field_cipher() -> FieldCipher:
    return _cipher(tuple(settings.FIELD_ENCRYPTION_KEYS))


def encrypt_optional(value: str) -> str:
    return field_cipher().encrypt(value) if value else ""


def decrypt_optional(token: str) -> str:
    return field_cipher().decrypt(token) if token else ""


def server_key(purpose: str) -> bytes:
    """A per-purpose key derived from SECRET_KEY, so one leaked HMAC key opens nothing else."""
    from django.utils.crypto import salted_hmac

    return salted_hmac(f"netral.intake.{purpose}", "key").digest()
