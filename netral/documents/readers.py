"""Read the text of a document: plain text, HTML main text, PDF text layer, DOCX."""

from __future__ import annotations

import io
import logging
from collections.abc import Callable
from pathlib import Path

from bs4 import BeautifulSoup
from bs4.element import Tag

from netral.documents.errors import DocumentError

# Page furniture that is never part of an article's main text.
_BOILERPLATE_TAGS = (
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "iframe",
    "svg",
    "button",
    "template",
)
_BLOCK_TAGS = (
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "blockquote",
    "section",
    "article",
    "td",
    "th",
    "pre",
)


def read_txt(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Older Indonesian sites and Windows editors save as cp1252.
        return data.decode("cp1252", errors="replace")


def read_html(data: bytes) -> str:
    soup = BeautifulSoup(data, "html.parser")
    for tag in soup.find_all(_BOILERPLATE_TAGS):
        tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    title = soup.find("h1")
    parts = []
    if isinstance(title, Tag) and isinstance(root, Tag) and title not in root.descendants:
        parts.append(title.get_text(" ", strip=True))
    if isinstance(root, Tag):
        for block in root.find_all(_BLOCK_TAGS):
            block.insert_before("\n")
            block.insert_after("\n")
        parts.append(root.get_text())
    return "\n".join(parts)


def read_pdf(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    # pypdf logs recoverable damage as warnings; a damaged file is reported by our error.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        return "\n\n".join(page.extract_text() or "" for page in reader.pages)
    except (PyPdfError, ValueError, KeyError, TypeError) as error:
        raise DocumentError(f"damaged PDF: {error}") from error


def read_docx(data: bytes) -> str:
    from zipfile import BadZipFile

    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except (BadZipFile, KeyError, ValueError) as error:
        raise DocumentError(f"damaged DOCX: {error}") from error
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(lines)


READERS: dict[str, Callable[[bytes], str]] = {
    ".txt": read_txt,
    ".text": read_txt,
    ".html": read_html,
    ".htm": read_html,
    ".pdf": read_pdf,
    ".docx": read_docx,
}


def read_document(path: Path) -> str:
    """The raw text of the document at `path`; DocumentError when it cannot be read."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise DocumentError(f"unsupported file type {path.suffix or '(none)'!r}: {path.name}")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DocumentError(f"cannot read {path}: {error.strerror or error}") from error
    text = reader(data)
    if not text.strip():
        raise DocumentError(f"no text in {path.name} (a scanned PDF needs OCR first)")
    return text
