"""How much one file may cost to read: size, pages, pixels, unpacked bytes and time.

A file over a limit is refused with a DocumentError naming the limit and the option that
raises it, so one hostile or enormous file never stalls a batch.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from netral.documents.errors import DocumentError

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 50 * MB  # the file as given
    max_pages: int = 100  # PDF pages, TIFF frames
    seconds: float = 120.0  # reading one file, OCR included
    # A page image handed to OCR: an A4 page at 300 DPI is 8.7 million pixels, a 600 DPI
    # scan 35 million. PDF pages are rendered smaller rather than refused.
    max_pixels: int = 60_000_000
    # What DOCX and ODT parts may unpack to, all together: a 300-page report's XML is a few
    # megabytes, a zip bomb's is gigabytes.
    max_unpacked_bytes: int = 100 * MB
    max_zip_members: int = 5_000


DEFAULT_LIMITS = Limits()


class Deadline:
    """The time left for one file; `check` refuses the file once it has run out."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._end = time.monotonic() + seconds

    def remaining(self) -> float:
        return max(0.0, self._end - time.monotonic())

    def check(self) -> None:
        if self.remaining() <= 0:
            raise self.exceeded()

    def exceeded(self) -> DocumentError:
        return DocumentError(
            f"reading took longer than the {self.seconds:g} s limit per file (--timeout)"
        )
