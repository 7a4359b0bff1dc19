"""Neutrality instruments (circulars, instructions, decrees) from documents.

A pure-Python core: it never imports Django.

    >>> from netral.documents import extract_text
    >>> extract_text("Bupati Sleman menerbitkan SE Nomor 800/12/2024.").instruments[0].number
    '800/12/2024'
"""

from __future__ import annotations

from netral.documents.errors import DocumentError
from netral.documents.extractor import extract, extract_text
from netral.documents.model import ExtractionResult, Instrument, Reference, Region

__all__ = [
    "DocumentError",
    "ExtractionResult",
    "Instrument",
    "Reference",
    "Region",
    "extract",
    "extract_text",
]
