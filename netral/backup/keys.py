"""Which key a backup is sealed to, and which key opens it.

Production: the operator's public key (`--recipient` or NETRAL_BACKUP_RECIPIENT); the
private key stays off the server and is given to `netral restore --key` only when needed.
Demo and development (NETRAL_BACKUP_DEMO_KEYS): a key pair in the data directory, made on
first use, so `netral backup OUT` and `netral restore IN` need no arguments.
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from django.conf import settings

from netral.security.crypto import key_fingerprint
from netral.security.sealed import (
    SealedStreamError,
    load_private_key,
    load_public_key,
    new_key_pair,
)

DEMO_PRIVATE = "backup-demo.key"
DEMO_PUBLIC = "backup-demo.pub"
PASSPHRASE_VARIABLE = "NETRAL_BACKUP_KEY_PASSPHRASE"  # noqa: S105  (a variable name)


class KeyProblem(Exception):
    """No usable key: a usage error (the command exits 2)."""


def write_key_pair(private_path: Path, passphrase: bytes | None = None) -> Path:
    """A new pair: the private key at `private_path` (mode 0600), the public one beside it
    as `<name>.pub`. Refuses to overwrite either."""
    public_path = private_path.with_name(private_path.name + ".pub")
    for path in (private_path, public_path):
        if path.exists():
            raise KeyProblem(f"{path} exists; refusing to overwrite a key")
    private_pem, public_pem = new_key_pair(passphrase)
    fd = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(private_pem)
    public_path.write_bytes(public_pem)
    return public_path


def _demo_pair() -> tuple[Path, Path]:
    data_dir = Path(settings.DATA_DIR)
    private, public = data_dir / DEMO_PRIVATE, data_dir / DEMO_PUBLIC
    if not private.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        private_pem, public_pem = new_key_pair()
        fd = os.open(private, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(private_pem)
        public.write_bytes(public_pem)
        print(
            f"netral: made a demo backup key pair in {data_dir} (demo only: a real server "
            "encrypts to a public key whose private half it does not hold)",
            file=sys.stderr,
        )
    return private, public


def _read(path: Path, what: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise KeyProblem(f"cannot read the {what} {path}: {exc.strerror}") from exc


def recipient_key(path: str | None) -> X25519PublicKey:
    """The public key to seal a backup to."""
    chosen = path or settings.NETRAL_BACKUP_RECIPIENT
    if chosen:
        source = Path(chosen)
    elif settings.NETRAL_BACKUP_DEMO_KEYS:
        source = _demo_pair()[1]
    else:
        raise KeyProblem(
            "no public key to encrypt the backup to: pass --recipient FILE or set "
            "NETRAL_BACKUP_RECIPIENT (see docs/backup.md)"
        )
    try:
        return load_public_key(_read(source, "public key"))
    except SealedStreamError as exc:
        raise KeyProblem(f"{source}: {exc}") from exc


def _passphrase(source: Path) -> bytes:
    from_environment = os.environ.get(PASSPHRASE_VARIABLE)
    if from_environment:
        return from_environment.encode("utf-8")
    try:  # ask on the terminal, even when standard input carries the key
        with open("/dev/tty", "rb"):
            pass
    except OSError as exc:
        raise KeyProblem(
            f"{source} is encrypted: set {PASSPHRASE_VARIABLE} or run on a terminal"
        ) from exc
    return getpass.getpass(f"passphrase for {source}: ").encode("utf-8")


def private_key(path: str | None) -> X25519PrivateKey:
    """The private key that opens a backup; `-` reads it from standard input (so a service
    user can be handed a key file only root may read: `... --key - < /root/backup.key`)."""
    if path == "-":
        return _opened(sys.stdin.buffer.read(), Path("standard input"))
    if path:
        source = Path(path)
    elif settings.NETRAL_BACKUP_DEMO_KEYS and (Path(settings.DATA_DIR) / DEMO_PRIVATE).exists():
        source = Path(settings.DATA_DIR) / DEMO_PRIVATE
    else:
        raise KeyProblem("no private key to open the backup with: pass --key FILE")
    return _opened(_read(source, "private key"), source)


def _opened(pem: bytes, source: Path) -> X25519PrivateKey:
    try:
        try:
            return load_private_key(pem)
        except TypeError:
            return load_private_key(pem, _passphrase(source))
    except SealedStreamError as exc:
        raise KeyProblem(f"{source}: {exc}") from exc


def field_key_fingerprints() -> list[str]:
    return [key_fingerprint(key) for key in settings.FIELD_ENCRYPTION_KEYS]
