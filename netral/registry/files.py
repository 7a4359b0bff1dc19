"""Files of instruments, addressed by their sha256: the original, kept unchanged, and the
copy the public downloads.

Instruments are public documents, so they live apart from the confidential evidence
store, under MEDIA_ROOT/registry, in the same content-addressed layout. A photo of a
circular taken with a phone carries where and with what it was taken (EXIF GPS, the
camera's serial), a PDF its author: the public copy of an image or PDF is the metadata-free
copy the evidence pipeline makes (netral.security), and one that cannot be cleaned is not
offered at all. Other formats (Word, OpenDocument, text) are offered as uploaded.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from django.conf import settings

from netral.intake.storage import FileSystemEvidenceStore
from netral.security.media import Rejected
from netral.security.sniff import JPEG, PDF, PNG, WEBP, sniff
from netral.security.uploads import process_upload

CLEANED_TYPES = frozenset({JPEG, PNG, WEBP, PDF})


def store() -> FileSystemEvidenceStore:
    return FileSystemEvidenceStore(Path(settings.MEDIA_ROOT) / "registry")


def keep_original(data: bytes) -> str:
    """Store the bytes (idempotent); their sha256."""
    return store().put(data, "original")


def open_original(sha256: str) -> BinaryIO:
    return store().open(sha256, "original")


def keep_public_copy(data: bytes, original_sha256: str) -> tuple[str, bool] | None:
    """Store the copy the public may download: its sha256 and whether it is a cleaned copy,
    or None when an image or PDF could not be cleaned (only its text is then public).
    Cleaning keeps the media type; other files are public as the original, already kept
    under ``original_sha256``."""
    if sniff(data[:32]) not in CLEANED_TYPES:
        return original_sha256, False
    try:
        processed = process_upload(data, accepted=CLEANED_TYPES)
    except Rejected:
        return None
    if processed.cleaned is None:
        return None
    return store().put(processed.cleaned, "cleaned"), True


def open_public(sha256: str, cleaned: bool) -> BinaryIO:
    return store().open(sha256, "cleaned" if cleaned else "original")
