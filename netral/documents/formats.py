"""What a file is, from its content (magic bytes and structure), never from its name.

A circular saved as "edaran.pdf" may be a phone photo, a Word file or a web page saved
from a browser; the name only tells what someone thought it was.
"""

from __future__ import annotations

import io
import re
import zipfile

from netral.documents.errors import DocumentError
from netral.security.sniff import JPEG, PDF, PNG, WEBP, sniff

TEXT, HTML, DOCX, ODT, IMAGE = "TEXT", "HTML", "DOCX", "ODT", "IMAGE"
# Kinds with their own reader; PDF is "PDF" as in netral.security.sniff's media types.
KIND_PDF = "PDF"

_IMAGE_TYPES = frozenset({JPEG, PNG, WEBP})
# TIFF, and the first bytes of JPEG and PNG: a cut-off image is a damaged image.
_IMAGE_STARTS = (b"II*\x00", b"MM\x00*", b"\xff\xd8", b"\x89PNG")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003, and any encrypted Office file
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_ODT_TYPE = b"application/vnd.oasis.opendocument.text"
_HTML_START = re.compile(
    rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title"
    rb"|article|div|p[\s>]|h1)",
    re.IGNORECASE | re.DOTALL,
)
_HTML_HEAD = 4096
_BINARY_HEAD = 8192
# Bytes that never occur in text: NUL and the C0 controls other than tab, line breaks and
# form feed (which separates pages in text exported from PDF).
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def kind_of(data: bytes) -> str:
    """TEXT, HTML, PDF, DOCX, ODT or IMAGE; DocumentError for anything else."""
    if not data:
        raise DocumentError("empty file (0 bytes)")
    media = sniff(data[:32])
    if media == PDF or (media is None and b"%PDF-" in data[:1024]):
        return KIND_PDF  # producers may put junk before the header; readers accept it
    if media in _IMAGE_TYPES or data.startswith(_IMAGE_STARTS):
        return IMAGE
    if data.startswith(_OLE):
        raise DocumentError(
            "unsupported content: a Word 97-2003 document or a password-protected Office"
            " file; save it as .docx, .odt or PDF without a password"
        )
    if data.startswith(_ZIP):
        return _zipped_kind(data)
    if media is not None:
        raise DocumentError(f"unsupported content: {media}")
    if _is_text(data[:_BINARY_HEAD]):
        return HTML if _HTML_START.match(_decoded_head(data)) else TEXT
    raise DocumentError("unsupported content: binary data that is no document or image format")


def _zipped_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                with archive.open("mimetype") as member:
                    mimetype = member.read(100).strip()
                if mimetype == _ODT_TYPE:
                    return ODT
                kind = mimetype.decode("ascii", "replace")
                raise DocumentError(
                    f"unsupported content: a {kind} package (of OpenDocument files, only"
                    " text documents, .odt, are read)"
                )
    except DocumentError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, RuntimeError) as error:
        raise DocumentError(f"damaged ZIP container (DOCX/ODT): {error}") from error
    if "word/document.xml" in names or any(n.startswith("word/") for n in names):
        return DOCX
    if "xl/workbook.xml" in names or "ppt/presentation.xml" in names:
        raise DocumentError("unsupported content: an Excel or PowerPoint file")
    raise DocumentError("unsupported content: a ZIP archive that is no DOCX or ODT")


def _is_text(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True  # UTF-16 with a byte-order mark
    return _CONTROL.search(head) is None


def _decoded_head(data: bytes) -> bytes:
    head = data[:_HTML_HEAD]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="ignore").encode("utf-8")
    return head.removeprefix(b"\xef\xbb\xbf")
