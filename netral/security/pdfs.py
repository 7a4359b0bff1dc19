"""PDFs: report the document-information and XMP metadata, write a copy without them.

The copy also drops the parts a viewer would run (document JavaScript, open actions), since
staff open it in a browser. Page content is untouched: text or images inside the pages
that identify someone stay, and the reporter is told so in the form's help text.
"""

from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any

from pypdf import PdfReader, PdfWriter
from pypdf.errors import PdfReadError, PyPdfError
from pypdf.generic import NameObject

from netral.security.media import Finding, MediaLimits, Processed, Rejected
from netral.security.sniff import PDF

_INFO_FINDINGS = {
    "/Author": Finding("author", identifying=True),
    "/Creator": Finding("software", identifying=False),
    "/Producer": Finding("software", identifying=False),
    "/Title": Finding("title", identifying=False),
    "/Subject": Finding("title", identifying=False),
    "/Keywords": Finding("title", identifying=False),
}
_ACTIVE_ROOT_KEYS = ("/OpenAction", "/AA", "/Metadata")


def _read(data: bytes, limits: MediaLimits) -> PdfReader:
    try:
        reader = PdfReader(BytesIO(data), strict=False)
        encrypted = reader.is_encrypted
        pages = 0 if encrypted else len(reader.pages)
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, RecursionError) as exc:
        raise Rejected("unreadable", str(exc)) from exc
    if encrypted:
        raise Rejected("encrypted")
    if pages > limits.max_pdf_pages:
        raise Rejected("too_many_pages", str(pages))
    return reader


def _findings(reader: PdfReader) -> tuple[Finding, ...]:
    found: set[Finding] = set()
    info: Mapping[str, Any] = reader.metadata or {}
    found |= {finding for key, finding in _INFO_FINDINGS.items() if info.get(key)}
    if "/Metadata" in reader.root_object:
        found.add(Finding("xmp", identifying=False))
        xmp = reader.xmp_metadata
        if xmp is not None and xmp.dc_creator:
            found.add(Finding("author", identifying=True))
    return tuple(sorted(found, key=lambda f: f.kind))


def _clean(reader: PdfReader) -> bytes:
    writer = PdfWriter(clone_from=reader)
    writer.metadata = None
    root = writer.root_object
    for key in _ACTIVE_ROOT_KEYS:
        root.pop(NameObject(key), None)
    names = root.get("/Names")
    if names is not None:
        names.get_object().pop(NameObject("/JavaScript"), None)
    for page in writer.pages:
        page.pop(NameObject("/AA"), None)
        page.pop(NameObject("/Metadata"), None)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def process_pdf(data: bytes, limits: MediaLimits) -> Processed:
    reader = _read(data, limits)
    try:
        findings = _findings(reader)
        cleaned = _clean(reader)
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, RecursionError) as exc:
        raise Rejected("unreadable", str(exc)) from exc
    return Processed(PDF, findings=findings, cleaned=cleaned, cleaned_media_type=PDF)
