"""PDFs: report identifying metadata, and build a clean copy from the pages' content only.

The clean copy is a new document (allow-list): for each page, its boxes, rotation,
content streams and resources (fonts, images, patterns ...) are copied, and nothing
else. Annotations (links with actions, comments with author names, file attachments),
forms, the document-information dictionary, XMP streams at any level, page piece info,
open actions, JavaScript and embedded files are left behind, and the copy gets a fresh
random `/ID`. Text or pictures inside the page content that identify someone stay: the
reporter is told so in the form's help text.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from io import BytesIO
from typing import Any

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.errors import PdfReadError, PyPdfError
from pypdf.generic import DictionaryObject, NameObject, StreamObject

from netral.security.media import Finding, MediaLimits, Processed, Rejected
from netral.security.sniff import PDF
from netral.security.xmp import xmp_findings

_BROKEN = (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, RecursionError)
_INFO_FINDINGS = {
    "/Author": Finding("author", identifying=True),
    "/Creator": Finding("software", identifying=False),
    "/Producer": Finding("software", identifying=False),
}
# Dates and the trapping flag are not free text; any other information field is.
_INFO_NOT_TEXT = frozenset({"/CreationDate", "/ModDate", "/Trapped"})
_PAGE_KEYS_KEPT = ("/MediaBox", "/CropBox", "/BleedBox", "/TrimBox", "/ArtBox", "/Rotate")
# Never copied from inside the resources and content streams, at any depth.
_NEVER_COPIED = [
    "/Metadata",
    "/PieceInfo",
    "/AA",
    "/A",
    "/JS",
    "/JavaScript",
    "/OpenAction",
    "/EmbeddedFiles",
    "/EmbeddedFile",
    "/AF",
    "/Annots",
    "/Parent",
    "/StructParents",
    "/Names",
    "/OPI",
    "/URI",
]


def _read(data: bytes, limits: MediaLimits) -> PdfReader:
    try:
        reader = PdfReader(BytesIO(data), strict=False)
        encrypted = reader.is_encrypted
        pages = 0 if encrypted else len(reader.pages)
    except _BROKEN as exc:
        raise Rejected("unreadable", str(exc)) from exc
    if encrypted:
        raise Rejected("encrypted")
    if pages > limits.max_pdf_pages:
        raise Rejected("too_many_pages", str(pages))
    return reader


def _info_findings(info: Mapping[str, Any]) -> set[Finding]:
    found: set[Finding] = set()
    for key, value in info.items():
        if not str(value).strip() or key in _INFO_NOT_TEXT:
            continue
        found.add(_INFO_FINDINGS.get(key, Finding("free_text", identifying=True)))
    return found


def _metadata_streams(reader: PdfReader) -> Iterator[bytes]:
    holders = [reader.root_object, *reader.pages]
    for holder in holders:
        stream = holder.get("/Metadata")
        if stream is not None and isinstance(stream.get_object(), StreamObject):
            yield stream.get_object().get_data()


def _annotation_findings(page: PageObject) -> set[Finding]:
    found: set[Finding] = set()
    for ref in page.get("/Annots") or []:
        annot = ref.get_object()
        if not isinstance(annot, DictionaryObject):
            continue
        if annot.get("/Subtype") == "/FileAttachment":
            found.add(Finding("embedded_file", identifying=True))
        if str(annot.get("/T", "")).strip():
            found.add(Finding("author", identifying=True))  # a comment's author name
        found.add(Finding("annotations", identifying=False))
    return found


def _findings(reader: PdfReader) -> tuple[Finding, ...]:
    found = _info_findings(reader.metadata or {})
    for packet in _metadata_streams(reader):
        found |= xmp_findings(packet)
    if reader.attachments:
        found.add(Finding("embedded_file", identifying=True))
    form = reader.root_object.get("/AcroForm")
    if form is not None and form.get_object().get("/Fields"):
        found.add(Finding("free_text", identifying=True))  # filled-in form fields
    for page in reader.pages:
        found |= _annotation_findings(page)
    return tuple(sorted(found, key=lambda f: (f.kind, f.identifying)))


def _copy_page(writer: PdfWriter, page: PageObject) -> None:
    # reader.pages already carries inherited attributes (resources, boxes, rotation).
    box = page.mediabox
    new = writer.add_blank_page(width=float(box.width), height=float(box.height))
    for key in _PAGE_KEYS_KEPT:
        if key in page:
            new[NameObject(key)] = page[key].clone(writer, ignore_fields=_NEVER_COPIED)
    for key in ("/Resources", "/Contents"):
        if key in page:
            value = page.raw_get(key)
            new[NameObject(key)] = value.clone(writer, ignore_fields=_NEVER_COPIED)


def _clean(reader: PdfReader) -> bytes:
    writer = PdfWriter()
    for page in reader.pages:
        _copy_page(writer, page)
    writer.metadata = None  # no information dictionary, not even pypdf's producer
    writer.generate_file_identifiers()  # fresh random /ID, nothing from the original
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def process_pdf(data: bytes, limits: MediaLimits) -> Processed:
    reader = _read(data, limits)
    try:
        findings = _findings(reader)
        cleaned = _clean(reader)
    except _BROKEN as exc:
        raise Rejected("unreadable", str(exc)) from exc
    return Processed(PDF, findings=findings, cleaned=cleaned, cleaned_media_type=PDF)
