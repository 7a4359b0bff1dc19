"""Shared vocabulary of evidence inspection: findings, rejections, limits, results."""

from __future__ import annotations

from dataclasses import dataclass, field


class Rejected(ValueError):
    """An upload we refuse. `reason` is a stable machine code; apps translate it."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class Finding:
    """One kind of metadata found in an original. `identifying` ones warrant a warning."""

    kind: str  # stable code: gps, camera_serial, author, owner, device, software, xmp ...
    identifying: bool


@dataclass(frozen=True)
class MediaLimits:
    # 24 MP is a 6000x4000 photo; an RGBA bitmap of that size is still ~96 MB decoded.
    max_pixels: int = 24_000_000
    max_side: int = 20_000
    max_pdf_pages: int = 300
    # The cleaned viewing copy's longest side; larger images are reduced while decoding.
    view_max_side: int = 2560


@dataclass(frozen=True)
class Processed:
    """What inspection made of one original: its findings and, if possible, a clean copy."""

    media_type: str
    findings: tuple[Finding, ...] = ()
    cleaned: bytes | None = None  # None: no clean copy could be made (e.g. video)
    cleaned_media_type: str | None = None
    notes: tuple[str, ...] = field(default=())

    @property
    def identifying(self) -> tuple[str, ...]:
        return tuple(sorted({f.kind for f in self.findings if f.identifying}))
