"""One entry point for an uploaded file: what it is, what it carries, its clean copy."""

from __future__ import annotations

from netral.security.images import process_image
from netral.security.media import MediaLimits, Processed, Rejected
from netral.security.pdfs import process_pdf
from netral.security.sniff import JPEG, MP4, PDF, PNG, WEBP, sniff
from netral.security.video import process_mp4

ACCEPTED = frozenset({JPEG, PNG, WEBP, PDF, MP4})


def process_upload(
    data: bytes, *, accepted: frozenset[str] = ACCEPTED, limits: MediaLimits | None = None
) -> Processed:
    """Identify `data` by content and process it; raises `Rejected` for anything else."""
    limits = limits or MediaLimits()
    if not data:
        raise Rejected("empty")
    media_type = sniff(data[:32])
    if media_type is None or media_type not in accepted:
        raise Rejected("type_not_allowed")
    if media_type == PDF:
        return process_pdf(data, limits)
    if media_type == MP4:
        return process_mp4(data)
    return process_image(data, media_type, limits)
