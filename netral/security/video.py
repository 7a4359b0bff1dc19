"""MP4 video: structural check and metadata report only; no clean copy is made.

Stripping metadata from video safely means rewriting the container (and ideally
re-encoding), which needs tools we do not ship. So the original is kept for staff only,
no viewing copy exists, and the reporter is warned when location or device tags are
seen. What is *not* detected: tags inside the video stream itself, sound, or what the
picture shows.
"""

from __future__ import annotations

import struct

from netral.security.media import Finding, Processed, Rejected
from netral.security.sniff import MP4

_LOCATION_MARKERS = (b"\xa9xyz", b"com.apple.quicktime.location", b"loci")
_DEVICE_MARKERS = (b"\xa9mak", b"\xa9mod", b"com.apple.quicktime.make")


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
        if kind != b"moov":
            continue
        body = data[start:end]
        if any(marker in body for marker in _LOCATION_MARKERS):
            found.add(Finding("gps", identifying=True))
        if any(marker in body for marker in _DEVICE_MARKERS):
            found.add(Finding("device", identifying=False))
    findings = tuple(sorted(found, key=lambda f: f.kind))
    return Processed(MP4, findings=findings, cleaned=None, notes=("video_not_cleaned",))
