"""Evidence files on disk, addressed by sha256: `<root>/<kind>/ab/cd/<sha256>`.

Writes are atomic (temporary file, then rename) and idempotent: the same bytes land at the
same path once. Another backend (an object store) only needs `put` and `open`.

Files of a preview that is not confirmed yet live apart, in `<root>/staging/<id>/`,
encrypted with a key that exists only inside the (encrypted) draft: when the draft goes,
the files are unreadable even before the cleanup deletes them.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, Literal, Protocol

from cryptography.fernet import Fernet
from django.conf import settings

Kind = Literal["original", "cleaned"]
KINDS: tuple[Kind, ...] = ("original", "cleaned")
_HEX = frozenset("0123456789abcdef")


class EvidenceStore(Protocol):
    def put(self, data: bytes, kind: Kind) -> str: ...

    def open(self, sha256: str, kind: Kind) -> BinaryIO: ...

    def delete(self, sha256: str, kind: Kind) -> bool: ...


def _write_atomic(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o440)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class FileSystemEvidenceStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, sha256: str, kind: Kind) -> Path:
        if len(sha256) != 64 or not set(sha256) <= _HEX:
            raise ValueError("not a sha256 hex digest")
        return self.root / kind / sha256[:2] / sha256[2:4] / sha256

    def put(self, data: bytes, kind: Kind) -> str:
        digest = hashlib.sha256(data).hexdigest()
        target = self.path(digest, kind)
        if target.exists():
            # Fresh mtime: the orphan sweep's grace period starts again for this file.
            os.utime(target)
            return digest
        _write_atomic(target, data)
        return digest

    def open(self, sha256: str, kind: Kind) -> BinaryIO:
        return self.path(sha256, kind).open("rb")

    def delete(self, sha256: str, kind: Kind) -> bool:
        """Remove a stored file (retention); whether it was there."""
        path = self.path(sha256, kind)
        try:
            path.unlink()
        except FileNotFoundError:
            return False
        return True

    def stored(self, kind: Kind) -> Iterator[tuple[str, Path]]:
        """(sha256, path) of every stored file of `kind`."""
        base = self.root / kind
        if not base.is_dir():
            return
        for path in base.glob("??/??/*"):
            if len(path.name) == 64 and set(path.name) <= _HEX:
                yield path.name, path


class StagingArea:
    """Encrypted files of unconfirmed previews, one directory per draft."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @staticmethod
    def new_id() -> str:
        return secrets.token_hex(16)

    @staticmethod
    def new_key() -> str:
        return Fernet.generate_key().decode("ascii")

    def directory(self, staging_id: str) -> Path:
        if len(staging_id) != 32 or not set(staging_id) <= _HEX:
            raise ValueError("not a staging id")
        return self.root / staging_id

    def put(self, staging_id: str, key: str, data: bytes) -> str:
        name = secrets.token_hex(16)
        _write_atomic(self.directory(staging_id) / name, Fernet(key.encode("ascii")).encrypt(data))
        return name

    def read(self, staging_id: str, key: str, name: str) -> bytes:
        if len(name) != 32 or not set(name) <= _HEX:
            raise ValueError("not a staged file name")
        token = (self.directory(staging_id) / name).read_bytes()
        return Fernet(key.encode("ascii")).decrypt(token)

    def discard(self, staging_id: str) -> None:
        shutil.rmtree(self.directory(staging_id), ignore_errors=True)

    def directories(self) -> Iterator[Path]:
        if self.root.is_dir():
            yield from (p for p in self.root.iterdir() if p.is_dir())


def evidence_store() -> FileSystemEvidenceStore:
    return FileSystemEvidenceStore(Path(settings.EVIDENCE_ROOT))


def staging_area() -> StagingArea:
    return StagingArea(Path(settings.EVIDENCE_ROOT) / "staging")
