"""Original files of instruments, kept unchanged and addressed by their sha256.

Instruments are public documents, so they live apart from the confidential evidence
store, under MEDIA_ROOT/registry, in the same content-addressed layout.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from django.conf import settings

from netral.intake.storage import FileSystemEvidenceStore


def store() -> FileSystemEvidenceStore:
    return FileSystemEvidenceStore(Path(settings.MEDIA_ROOT) / "registry")


def keep_original(data: bytes) -> str:
    """Store the bytes (idempotent); their sha256."""
    return store().put(data, "original")


def open_original(sha256: str) -> BinaryIO:
    return store().open(sha256, "original")
