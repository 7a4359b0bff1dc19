"""Read a file as pages of text, with the reader its content calls for (never its name).

TEXT and HTML are read whole; PDF page by page (text layer, or OCR for scanned pages);
DOCX and ODT from their XML (tables and letterhead included); images through OCR. Every
file is bounded by `Limits` (size, pages, pixels, unpacked bytes, time).
"""

from __future__ import annotations

from pathlib import Path

from netral.documents import formats
from netral.documents.errors import DocumentError
from netral.documents.images import read_image
from netral.documents.limits import DEFAULT_LIMITS, MB, Deadline, Limits
from netral.documents.office import read_docx, read_odt
from netral.documents.pages import Document, Page
from netral.documents.pdf import read_pdf
from netral.documents.webpage import read_html

PAGE_SEPARATOR = "\f"  # form feed: how text exported from PDF (pdftotext) marks pages


def read_txt(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Older Indonesian sites and Windows editors save as cp1252.
        return data.decode("cp1252", errors="replace")


def read_bytes(data: bytes, limits: Limits = DEFAULT_LIMITS) -> Document:
    """The document in `data`; DocumentError when it cannot or may not be read."""
    if len(data) > limits.max_bytes:
        raise _too_large(limits)
    kind = formats.kind_of(data)
    deadline = Deadline(limits.seconds)
    try:
        pages = _pages(kind, data, limits, deadline)
    except RecursionError as error:  # XML or HTML nested thousands deep
        raise DocumentError(f"damaged {kind}: nested too deeply") from error
    document = Document.of(kind, pages)
    if not document.text:
        hint = " (OCR found no words)" if kind in (formats.IMAGE, formats.KIND_PDF) else ""
        raise DocumentError(f"no text in this {kind} file{hint}")
    return document


def _pages(kind: str, data: bytes, limits: Limits, deadline: Deadline) -> list[Page]:
    if kind == formats.KIND_PDF:
        return read_pdf(data, limits, deadline)
    if kind == formats.IMAGE:
        return read_image(data, limits, deadline)
    if kind == formats.DOCX:
        return read_docx(data, limits)
    if kind == formats.ODT:
        return read_odt(data, limits)
    if kind == formats.HTML:
        return [Page(1, read_html(data))]
    text = read_txt(data)
    return [Page(n, t) for n, t in enumerate(text.split(PAGE_SEPARATOR), 1)]


def _too_large(limits: Limits) -> DocumentError:
    return DocumentError(f"file is larger than the {limits.max_bytes / MB:.3g} MB limit (--max-mb)")


def read_document(path: Path, limits: Limits = DEFAULT_LIMITS) -> Document:
    """The document at `path`; DocumentError when it cannot or may not be read."""
    try:
        if path.stat().st_size > limits.max_bytes:  # before reading 4 GB into memory
            raise _too_large(limits)
        data = path.read_bytes()
    except OSError as error:
        raise DocumentError(f"cannot read {path}: {error.strerror or error}") from error
    return read_bytes(data, limits)
