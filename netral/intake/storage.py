"""Evidence files on disk, addressed by sha256: `<root>/<kind>/ab/cd/<sha256>`.

Writes are atomic (temporary file, then rename) and idempotent: the same bytes land at the
same path once. Another backend (an object store) only needs `put` and `open`.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import BinaryIO, Literal, Protocol

from django.conf import settings

Kind = Literal["original", "cleaned"]


class EvidenceStore(Protocol):
    def put(self, data: bytes, kind: Kind) -> str: ...

    def open(self, sha256: str, kind: Kind) -> BinaryIO: ...


class FileSystemEvidenceStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, sha256: str, kind: Kind) -> Path:
        if len(sha256) != 64 or not all(c in "0123456789abcdef" for c in sha256):
            raise ValueError("not a sha256 hex digest")
        return self.root / kind / sha256[:2] / sha256[2:4] / sha256

    def put(self, data: bytes, kind: Kind) -> str:
        digest = hashlib.sha256(data).hexdigest()
        target = self.path(digest, kind)
        if target.exists():
            return digest
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
        return digest

    def open(self, sha256: str, kind: Kind) -> BinaryIO:
        return self.path(sha256, kind).open("rb")


def evidence_store() -> FileSystemEvidenceStore:
    return FileSystemEvidenceStore(Path(settings.EVIDENCE_ROOT))
