"""MP4 video: structural check and metadata report only; no clean copy is made.

Stripping metadata from video safely means rewriting the container (and ideally
re-encoding), which needs tools we do not ship. So the original is kept for staff only,
no viewing copy exists, and the reporter is warned when location, author, free-text or
XMP tags are seen in any top-level box (not only `moov`: `udta`, `meta` and XMP `uuid`
boxes may sit at the top level). Only `mdat`, the media data, is not searched: its
compressed bytes would match the four-letter markers by chance. What is *not* detected:
tags inside the video stream itself, sound, or what the picture shows.
"""

from __future__ import annotations

import struct

from netral.security.media import Finding, Processed, Rejected
from netral.security.sniff import MP4
from netral.security.xmp import xmp_findings, xmp_packets

_MARKERS: tuple[tuple[Finding, tuple[bytes, ...]], ...] = (
    (Finding("gps", identifying=True), (b"\xa9xyz", b"com.apple.quicktime.location", b"loci")),
    (
        Finding("author", identifying=True),
        (b"\xa9ART", b"\xa9aut", b"\xa9wrt", b"\xa9prf", b"com.apple.quicktime.author", b"auth"),
    ),
    (
        Finding("free_text", identifying=True),
        (
            b"\xa9cmt",
            b"\xa9des",
            b"\xa9inf",
            b"\xa9nam",
            b"com.apple.quicktime.comment",
            b"com.apple.quicktime.description",
            b"com.apple.quicktime.title",
            b"dscp",
            b"titl",
            b"cprt",
        ),
    ),
    (Finding("device", identifying=False), (b"\xa9mak", b"\xa9mod", b"com.apple.quicktime.make")),
)
_MEDIA_DATA = b"mdat"


def _top_level_boxes(data: bytes) -> list[tuple[bytes, int, int]]:
    """(type, start, end) of each top-level box; refuses a file whose boxes do not add up."""
    boxes, offset = [], 0
    while offset < len(data):
        if len(data) - offset < 8:
            raise Rejected("unreadable", "truncated box header")
        size, kind = struct.unpack(">I4s", data[offset : offset + 8])
        if size == 1:
            if len(data) - offset < 16:
                raise Rejected("unreadable", "truncated large box")
            size = struct.unpack(">Q", data[offset + 8 : offset + 16])[0]
        elif size == 0:
            size = len(data) - offset
        if size < 8 or offset + size > len(data):
            raise Rejected("unreadable", f"box {kind!r} overruns the file")
        boxes.append((kind, offset, offset + size))
        offset += size
    return boxes


def process_mp4(data: bytes) -> Processed:
    boxes = _top_level_boxes(data)
    found: set[Finding] = set()
    for kind, start, end in boxes:
        if kind == _MEDIA_DATA:
            continue
        body = data[start:end]
        found |= {f for f, markers in _MARKERS if any(marker in body for marker in markers)}
        for packet in xmp_packets(body):
            found |= xmp_findings(packet)
    findings = tuple(sorted(found, key=lambda f: f.kind))
    return Processed(MP4, findings=findings, cleaned=None, notes=("video_not_cleaned",))
