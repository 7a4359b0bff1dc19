"""Uploaded files and pasted text through the documents core, into review-form fields.

The one extraction path: `netral.documents.extract` for a file (chosen by content, OCR for
scans), `extract_text` for text. Nothing here reads documents itself.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from netral.documents import ExtractionResult, extract, extract_text
from netral.documents.formats import DOCX, HTML, IMAGE, KIND_PDF, ODT, kind_of
from netral.documents.limits import MB, Limits
from netral.documents.model import EXTRACTOR, Instrument
from netral.security.sniff import sniff

# A request waits for extraction: one scanned circular of a few pages, not a book.
UPLOAD_LIMITS = Limits(max_bytes=20 * MB, max_pages=30, seconds=90.0)

_MEDIA = {
    KIND_PDF: "application/pdf",
    DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ODT: "application/vnd.oasis.opendocument.text",
    # A saved web page is offered as text, never rendered from our origin.
    HTML: "text/plain; charset=utf-8",
}


@dataclass
class Reading:
    """What the review form starts from."""

    text: str
    fields: dict[str, Any]
    evidence: dict[str, list[int]]
    extracted: dict[str, Any]
    media_type: str = "text/plain; charset=utf-8"
    others: list[dict[str, Any]] = field(default_factory=list)  # the other instruments named


def media_type_of(data: bytes) -> str:
    """The content type a stored original is served with (DocumentError if unreadable)."""
    kind = kind_of(data)
    if kind == IMAGE:
        return sniff(data[:32]) or "image/tiff"
    return _MEDIA.get(kind, "text/plain; charset=utf-8")


def read_file(data: bytes, name: str) -> Reading:
    """Extract from uploaded bytes (DocumentError if the file cannot be read)."""
    media_type = media_type_of(data)
    suffix = Path(name).suffix[:10]
    with tempfile.TemporaryDirectory(prefix="netral-registry-") as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(data)
        result = extract(path, UPLOAD_LIMITS)
    reading = _reading(result)
    reading.media_type = media_type
    return reading


def read_text(text: str) -> Reading:
    return _reading(extract_text(text, source="text"))


def _reading(result: ExtractionResult) -> Reading:
    primary = result.instruments[result.primary] if result.primary is not None else None
    others = [i.to_dict() for n, i in enumerate(result.instruments) if n != result.primary]
    if primary is None:
        return Reading(result.text, {}, {}, {"extractor": EXTRACTOR}, others=others)
    return Reading(
        text=result.text,
        fields=fields_of(primary),
        evidence={name: [start, end] for name, (start, end) in primary.evidence.items()},
        extracted=primary.to_dict() | {"extractor": EXTRACTOR},
        others=others,
    )


def fields_of(instrument: Instrument) -> dict[str, Any]:
    """The review form's initial values from the primary instrument."""
    region = instrument.region
    return {
        "type": instrument.type,
        "type_as_written": instrument.type_as_written or "",
        "number": instrument.number or "",
        "date": instrument.date,
        "issuer": instrument.issuer or "",
        "region": region.code if region is not None and region.code else "",
        "scope": list(instrument.scope),
        "elections": list(instrument.election),
        "election_year": instrument.election_year,
        "references": [r.to_dict() for r in instrument.references],
        "prohibited_conduct": list(instrument.prohibited_conduct),
        "catalogue_id": instrument.known_id or "",
    }
