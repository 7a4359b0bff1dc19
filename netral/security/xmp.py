"""XMP packets: which property names in them may identify the person who made a file.

XMP is free-form RDF/XML, so we look at property names (the local part after the prefix,
as element or attribute) rather than parse it: a name from these families with any value
is reported. A packet with nothing we know of is still reported, as non-identifying.
"""

from __future__ import annotations

import re

from netral.security.media import Finding

# local property name (lower case) prefixes -> finding kind
_FAMILIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("gps", ("gps",)),
    (
        "location",
        ("location", "city", "state", "country", "sublocation", "address", "postalcode"),
    ),
    (
        "author",
        (
            "creator",
            "rights",
            "author",
            "artist",
            "owner",
            "byline",
            "credit",
            "contact",
            "personinimage",
            "usage",
            "webstatement",
            "captionwriter",
        ),
    ),
    ("camera_serial", ("serialnumber", "bodyserial", "lensserial", "internalserial")),
    ("unique_id", ("documentid", "instanceid", "originaldocumentid", "imageuniqueid")),
    (
        "free_text",
        (
            "description",
            "title",
            "subject",
            "keywords",
            "headline",
            "caption",
            "comment",
            "usercomment",
            "source",
            "instructions",
            "label",
        ),
    ),
)
# `prefix:Name=` (attribute) or `<prefix:Name` (element), capturing prefix and local name.
_PROPERTY = re.compile(rb"(?:<|\s)([A-Za-z][\w.-]*):([A-Za-z][\w.-]*)(?=\s*=|>|/>|\s)")
# RDF and the XMP wrapper are structure, not content; namespace declarations neither.
_STRUCTURE_PREFIXES = frozenset({b"rdf", b"x", b"xmlns", b"xml"})


def _kind(name: str) -> str | None:
    if name.startswith("creatortool"):
        return None  # the application's name, reported by the plain "xmp" finding
    for kind, prefixes in _FAMILIES:
        if name.startswith(prefixes):
            return kind
    return None


def xmp_findings(packet: bytes | str) -> set[Finding]:
    raw = packet.encode("utf-8", "replace") if isinstance(packet, str) else packet
    found = {Finding("xmp", identifying=False)}
    for match in _PROPERTY.finditer(raw):
        if match.group(1).lower() in _STRUCTURE_PREFIXES:
            continue
        kind = _kind(match.group(2).decode("ascii", "replace").lower())
        if kind is not None:
            found.add(Finding(kind, identifying=True))
    return found


def xmp_packets(data: bytes) -> list[bytes]:
    """XMP packets embedded anywhere in `data` (e.g. an MP4 box)."""
    packets = []
    for start in (m.start() for m in re.finditer(rb"<x:xmpmeta|<rdf:RDF", data)):
        end = data.find(b"</x:xmpmeta>", start)
        end = data.find(b"</rdf:RDF>", start) if end < 0 else end
        packets.append(data[start : end + 12 if end >= 0 else len(data)])
    return packets
