"""The checkpoint signing key: Ed25519, in a file outside the database and the repository.

The set-up creates it (`netral audit keygen`, run by scripts/install-server and the demo);
the public half is what outside parties need to check published checkpoints.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings


class SigningKeyMissing(Exception):
    """No signing key at the configured path (run `netral audit keygen`)."""


def key_path() -> Path:
    return Path(settings.NETRAL_AUDIT_SIGNING_KEY)


def signing_key_create(path: Path | None = None) -> Path:
    """Create the key file (mode 0600) unless one exists; never overwrites a key."""
    path = path or key_path()
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    pem = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(pem)
    return path


def signing_key(path: Path | None = None) -> Ed25519PrivateKey:
    path = path or key_path()
    if not path.exists():
        raise SigningKeyMissing(f"no audit signing key at {path} (run `netral audit keygen`)")
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningKeyMissing(f"{path} is not an Ed25519 private key")
    return key


def public_pem(key: Ed25519PublicKey) -> str:
    return key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode("ascii")


def load_public(path: Path) -> Ed25519PublicKey:
    key = serialization.load_pem_public_key(path.read_bytes())
    if not isinstance(key, Ed25519PublicKey):
        raise SigningKeyMissing(f"{path} is not an Ed25519 public key")
    return key


def key_id(key: Ed25519PublicKey) -> str:
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()
