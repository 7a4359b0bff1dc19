"""What extraction returns."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

EXTRACTOR = "documents.extract.v1"

Span = tuple[int, int]


@dataclass(frozen=True)
class Region:
    code: str | None
    name: str
    level: str  # PROVINCE, REGENCY, CITY or NATIONAL

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "level": self.level}


NATIONAL = Region(code=None, name="Indonesia", level="NATIONAL")


@dataclass(frozen=True)
class Reference:
    """An article of a law or rule an instrument builds on (ids of domain/law.md)."""

    instrument: str
    pasal: str | None = None
    ayat: str | None = None
    huruf: str | None = None
    angka: str | None = None

    def to_dict(self) -> dict[str, str]:
        parts = {"pasal": self.pasal, "ayat": self.ayat, "huruf": self.huruf, "angka": self.angka}
        return {"instrument": self.instrument} | {k: v for k, v in parts.items() if v}


@dataclass
class Instrument:
    type: str
    number: str | None
    number_parts: list[str] = field(default_factory=list)  # a joint decree's several numbers
    date: dt.date | None = None
    issuer: str | None = None
    region: Region | None = None
    scope: list[str] = field(default_factory=list)
    election: list[str] = field(default_factory=list)
    election_year: int | None = None
    references: list[Reference] = field(default_factory=list)
    prohibited_conduct: list[str] = field(default_factory=list)
    evidence: dict[str, Span] = field(default_factory=dict)
    # The domain/law.md id when the instrument is itself a known national rule.
    known_id: str | None = None
    # Extraction quality: the number's comparison key (numbers.number_key) and the word
    # the text names the type with ("Surat Edaran", "SE", "Kepbup", "ikrar").
    number_key: str | None = None
    type_as_written: str | None = None
    # Where the evidence is in the file (filled by `extract`, which knows the pages):
    # 1-based page numbers, whether any of it was read by OCR, and then the mean
    # Tesseract confidence of its words (0..1).
    pages: list[int] = field(default_factory=list)
    ocr: bool = False
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "number": self.number,
            "number_parts": list(self.number_parts),
            "date": self.date.isoformat() if self.date else None,
            "issuer": self.issuer,
            "region": self.region.to_dict() if self.region else None,
            "scope": list(self.scope),
            "election": list(self.election),
            "election_year": self.election_year,
            "references": [reference.to_dict() for reference in self.references],
            "prohibited_conduct": list(self.prohibited_conduct),
            "evidence": {name: [start, end] for name, (start, end) in self.evidence.items()},
            "id": self.known_id,
            "number_key": self.number_key,
            "type_as_written": self.type_as_written,
            "pages": list(self.pages),
            "ocr": self.ocr,
            "confidence": self.confidence,
        }


@dataclass
class ExtractionResult:
    source: str
    text: str  # the normalised text that evidence offsets point into
    instruments: list[Instrument]
    primary: int | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.source,
            "instruments": [instrument.to_dict() for instrument in self.instruments],
            "primary": self.primary,
            "extractor": EXTRACTOR,
        }
