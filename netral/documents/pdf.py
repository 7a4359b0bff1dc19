"""PDF pages through PDFium (pypdfium2): the text layer, or OCR of the rendered page.

A page is OCRed when its text layer is missing or too thin to be the page's text while a
picture covers most of the page: a scan, perhaps with a stamped line of text such as an
electronic-signature footer. Everything else is read from the text layer.
"""

from __future__ import annotations

import math

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from netral.documents.errors import DocumentError
from netral.documents.limits import Deadline, Limits
from netral.documents.ocr import ocr_page
from netral.documents.pages import Page

RENDER_DPI = 300  # what Tesseract is trained for; fewer dots lose small print
_POINTS_PER_INCH = 72
_TEXT_PAGE_CHARACTERS = 200  # letters and digits: below this a scanned page may be hiding
_ANY_TEXT_CHARACTERS = 40  # below this the text layer is not the page's text
_SCAN_COVERAGE = 0.5  # share of the page an image must cover to be a scan
# PDFium marks a hyphen it removed at a line end; restore it so the normaliser decides.
_HYPHEN_MARKS = str.maketrans({"\x02": "-\n", "\ufffe": "-\n"})


def read_pdf(data: bytes, limits: Limits, deadline: Deadline) -> list[Page]:
    document = _open(data)
    try:
        count = len(document)
        if count > limits.max_pages:
            raise DocumentError(
                f"PDF has {count} pages, more than the limit of {limits.max_pages} (--max-pages)"
            )
        pages = []
        for index in range(count):
            deadline.check()
            pages.append(_read_page(document, index, limits, deadline))
        return pages
    finally:
        document.close()


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise DocumentError(
                "encrypted PDF: it needs a password to open and is not read"
            ) from error
        raise DocumentError(f"damaged PDF: {error}") from error


def _read_page(
    document: pdfium.PdfDocument, index: int, limits: Limits, deadline: Deadline
) -> Page:
    try:
        page = document[index]
    except pdfium.PdfiumError as error:
        raise DocumentError(f"damaged PDF: page {index + 1}: {error}") from error
    try:
        text = _text_layer(page)
        if not _is_scan(page, text):
            return Page(index + 1, text)
        scale = _render_scale(page, limits)
        bitmap = page.render(scale=scale, grayscale=True, draw_annots=True)
        try:
            image = bitmap.to_pil()
        finally:
            bitmap.close()
        return ocr_page(image, index + 1, deadline, dpi=round(scale * _POINTS_PER_INCH))
    except pdfium.PdfiumError as error:
        raise DocumentError(f"damaged PDF: page {index + 1}: {error}") from error
    finally:
        page.close()


def _text_layer(page: pdfium.PdfPage) -> str:
    textpage = page.get_textpage()
    try:
        text: str = textpage.get_text_range()
        return text.translate(_HYPHEN_MARKS)
    finally:
        textpage.close()


def _is_scan(page: pdfium.PdfPage, text: str) -> bool:
    characters = sum(1 for c in text if c.isalnum())
    if characters < _ANY_TEXT_CHARACTERS:
        return True
    if characters >= _TEXT_PAGE_CHARACTERS:
        return False
    return _image_coverage(page) >= _SCAN_COVERAGE


def _image_coverage(page: pdfium.PdfPage) -> float:
    width, height = page.get_size()
    if width <= 0 or height <= 0:
        return 0.0
    largest = 0.0
    for item in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]):
        left, bottom, right, top = item.get_pos()
        largest = max(largest, max(0.0, right - left) * max(0.0, top - bottom))
    return float(largest / (width * height))


def _render_scale(page: pdfium.PdfPage, limits: Limits) -> float:
    """300 DPI, or less for a page so large it would pass the pixel limit."""
    width, height = page.get_size()
    scale = RENDER_DPI / _POINTS_PER_INCH
    area = max(width * height, 1.0)
    if area * scale * scale > limits.max_pixels:
        scale = math.sqrt(limits.max_pixels / area)
    return scale
