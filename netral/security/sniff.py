"""Recognise an upload by its content (magic bytes), never by its name or declared type."""

from __future__ import annotations

JPEG = "image/jpeg"
PNG = "image/png"
WEBP = "image/webp"
PDF = "application/pdf"
MP4 = "video/mp4"

# ISO base-media brands of ordinary MP4 files from phones and screen recorders.
_MP4_BRANDS = frozenset(
    {b"isom", b"iso2", b"iso4", b"iso5", b"iso6", b"mp41", b"mp42", b"avc1", b"M4V ", b"MSNV"}
)

HEAD_SIZE = 32
"""How many leading bytes `sniff` needs."""


def sniff(head: bytes) -> str | None:
    """The media type that the leading bytes announce, or None when not one we accept."""
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head.startswith(b"%PDF-"):
        return PDF
    if head[4:8] == b"ftyp" and head[8:12] in _MP4_BRANDS:
        return MP4
    return None


def extension_for(media_type: str) -> str:
    """The file extension we give a stored copy, whatever the uploader called it."""
    return {JPEG: "jpg", PNG: "png", WEBP: "webp", PDF: "pdf", MP4: "mp4"}[media_type]
