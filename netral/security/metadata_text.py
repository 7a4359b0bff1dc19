"""Which EXIF tags, PNG text chunks and IPTC datasets may name or place the reporter.

Rule: any free text a person or their device typed in (descriptions, comments, titles,
keywords, host names) counts as possibly identifying; we cannot tell a harmless caption
from a name. Device make/model and the software name are reported but do not warn.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PIL import Image

from netral.security.media import Finding

GPS_IFD = 0x8825
EXIF_IFD = 0x8769
_AUTHOR = Finding("author", identifying=True)
_FREE_TEXT = Finding("free_text", identifying=True)
_SERIAL = Finding("camera_serial", identifying=True)

# EXIF tags (TIFF/EXIF 2.32 numbering; XP* are Windows' UTF-16 tags).
IFD0_TAGS = {
    0x013B: _AUTHOR,  # Artist
    0x8298: _AUTHOR,  # Copyright
    0x9C9D: _AUTHOR,  # XPAuthor
    0x013C: _AUTHOR,  # HostComputer (often the owner's machine name)
    0xC62F: _SERIAL,  # CameraSerialNumber (DNG)
    0x010E: _FREE_TEXT,  # ImageDescription
    0x010D: _FREE_TEXT,  # DocumentName
    0x9C9B: _FREE_TEXT,  # XPTitle
    0x9C9C: _FREE_TEXT,  # XPComment
    0x9C9E: _FREE_TEXT,  # XPKeywords
    0x9C9F: _FREE_TEXT,  # XPSubject
    0x010F: Finding("device", identifying=False),  # Make
    0x0110: Finding("device", identifying=False),  # Model
    0x0131: Finding("software", identifying=False),  # Software
}
EXIF_TAGS = {
    0xA430: Finding("owner", identifying=True),  # CameraOwnerName
    0xA431: _SERIAL,  # BodySerialNumber
    0xA435: _SERIAL,  # LensSerialNumber
    0xA420: Finding("unique_id", identifying=True),  # ImageUniqueID
    0x9286: _FREE_TEXT,  # UserComment (8-byte character-code prefix, then text)
    0x927C: Finding("maker_note", identifying=False),  # MakerNote
}
_USER_COMMENT = 0x9286

_TEXT_AUTHOR_KEYS = {"author", "artist", "copyright", "creator", "owner", "byline"}
_TEXT_HARMLESS_KEYS = {"software"}  # the application's name, like EXIF Software

# IPTC IIM record 2 datasets that name a person or a place; every other one is free text.
_IPTC_AUTHOR = {80, 85, 110, 116, 118, 122}  # by-line, title, credit, copyright, contact, writer
_IPTC_LOCATION = {90, 92, 95, 100, 101}  # city, sub-location, province, country code, country
_IPTC_RECORD_VERSION = 0


def has_text(value: Any) -> bool:
    """Whether a tag value holds anything beyond padding (NULs, spaces)."""
    if isinstance(value, bytes):
        return bool(value.strip(b"\x00 "))
    if isinstance(value, str):
        return bool(value.strip("\x00 "))
    return bool(value)


def _user_comment_has_text(value: Any) -> bool:
    if isinstance(value, bytes):
        return has_text(value[8:])  # skip the ASCII/UNICODE/JIS character-code prefix
    return has_text(value)


def exif_findings(exif: Image.Exif) -> set[Finding]:
    found = {finding for tag, finding in IFD0_TAGS.items() if has_text(exif.get(tag))}
    if exif.get_ifd(GPS_IFD):
        found.add(Finding("gps", identifying=True))
    sub = exif.get_ifd(EXIF_IFD)
    for tag, finding in EXIF_TAGS.items():
        value = sub.get(tag)
        present = _user_comment_has_text(value) if tag == _USER_COMMENT else has_text(value)
        if present:
            found.add(finding)
    return found


def text_chunk_findings(texts: Mapping[str, Any]) -> set[Finding]:
    """PNG tEXt/zTXt/iTXt chunks: any key with a value, except the software name."""
    found: set[Finding] = set()
    for key, value in texts.items():
        name = str(key).strip().lower()
        if not has_text(str(value)):
            continue
        if name in _TEXT_HARMLESS_KEYS:
            found.add(Finding("software", identifying=False))
        elif name in _TEXT_AUTHOR_KEYS:
            found.add(_AUTHOR)
        else:
            found.add(_FREE_TEXT)
    return found


def iptc_findings(iptc: Mapping[tuple[int, int], Any] | None) -> set[Finding]:
    found: set[Finding] = set()
    for (record, dataset), value in (iptc or {}).items():
        if record != 2 or dataset == _IPTC_RECORD_VERSION:
            continue
        values = value if isinstance(value, list) else [value]
        if not any(has_text(v) for v in values):
            continue
        if dataset in _IPTC_AUTHOR:
            found.add(_AUTHOR)
        elif dataset in _IPTC_LOCATION:
            found.add(Finding("location", identifying=True))
        else:
            found.add(_FREE_TEXT)
    return found
