"""Photos and scans of pages (JPEG, PNG, TIFF, WebP) through OCR, one page per frame.

Sizes are checked from the header before any pixel is decoded, and a phone photo is
turned upright from its EXIF orientation before it is read.
"""

from __future__ import annotations

import io
import warnings

from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

from netral.documents.errors import DocumentError
from netral.documents.limits import Deadline, Limits
from netral.documents.ocr import ocr_page
from netral.documents.pages import Page

_FORMATS = ["JPEG", "PNG", "TIFF", "WEBP"]
_BROKEN = (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError)
_DPI_RANGE = (70, 1200)  # a recorded resolution outside this is a producer's placeholder


def read_image(data: bytes, limits: Limits, deadline: Deadline) -> list[Page]:
    try:
        with warnings.catch_warnings():
            # Our pixel limit comes first; Pillow's bomb check is a second line behind it.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            return _pages(Image.open(io.BytesIO(data), formats=_FORMATS), limits, deadline)
    except DocumentError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise DocumentError(f"image refused: {error}") from error
    except _BROKEN as error:
        raise DocumentError(f"damaged image: {error}") from error


def _pages(image: Image.Image, limits: Limits, deadline: Deadline) -> list[Page]:
    frames = getattr(image, "n_frames", 1)
    if frames > limits.max_pages:
        raise DocumentError(
            f"image has {frames} pages, more than the limit of {limits.max_pages} (--max-pages)"
        )
    pages = []
    for number, frame in enumerate(ImageSequence.Iterator(image), 1):
        width, height = frame.size
        if width * height > limits.max_pixels:
            raise DocumentError(
                f"image page {number} has {width}x{height} pixels, more than the limit of"
                f" {limits.max_pixels:,}"
            )
        deadline.check()
        upright = ImageOps.exif_transpose(frame)
        pages.append(ocr_page(upright, number, deadline, dpi=_dpi(frame)))
    return pages


def _dpi(image: Image.Image) -> int | None:
    dpi = image.info.get("dpi")
    if not isinstance(dpi, tuple) or not dpi:
        return None
    try:
        value = round(float(dpi[0]))
    except (TypeError, ValueError):
        return None
    low, high = _DPI_RANGE
    return value if low <= value <= high else None
