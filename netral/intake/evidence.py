"""Taking in one uploaded file: limits, content check, metadata report, storage."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from netral.intake import conf
from netral.intake.storage import evidence_store
from netral.security.media import Rejected
from netral.security.uploads import process_upload

REJECTION_MESSAGES = {
    "empty": _("Berkas kosong."),
    "too_large": _("Berkas terlalu besar."),
    "type_not_allowed": _(
        "Jenis berkas tidak diizinkan. Kirim foto (JPEG, PNG, WebP), PDF atau video MP4. "
        "Jenis diperiksa dari isi berkas, bukan dari namanya."
    ),
    "too_many_pixels": _("Ukuran gambar (jumlah piksel) terlalu besar untuk diproses."),
    "unreadable": _("Berkas rusak atau tidak dapat dibaca."),
    "encrypted": _("PDF terkunci kata sandi. Kirim PDF yang tidak terkunci."),
    "too_many_pages": _("PDF terlalu banyak halaman."),
    "too_many_files": _("Terlalu banyak berkas dalam satu laporan."),
    "report_too_large": _("Ukuran seluruh berkas melebihi batas satu laporan."),
}

FINDING_LABELS = {
    "gps": _("lokasi GPS"),
    "camera_serial": _("nomor seri kamera"),
    "author": _("nama pembuat atau pemilik"),
    "owner": _("nama pemilik kamera"),
    "unique_id": _("kode unik gambar"),
    "device": _("merek dan model perangkat"),
    "software": _("perangkat lunak pembuat"),
    "title": _("judul atau kata kunci dokumen"),
    "xmp": _("metadata XMP"),
    "maker_note": _("catatan pabrikan kamera"),
}


class EvidenceRejected(Exception):
    def __init__(self, reason: str, name: str = "") -> None:
        self.reason = reason
        self.name = name
        super().__init__(reason)

    @property
    def message(self) -> str:
        text = str(REJECTION_MESSAGES.get(self.reason, REJECTION_MESSAGES["unreadable"]))
        return f"{self.name}: {text}" if self.name else text


@dataclass(frozen=True)
class IngestedFile:
    """A stored original and its cleaned copy; `name` is for messages only, never stored."""

    sha256: str
    size: int
    media_type: str
    cleaned_sha256: str
    cleaned_media_type: str
    cleaned_size: int | None
    findings: tuple[dict[str, Any], ...]
    notes: tuple[str, ...]
    name: str = ""

    @property
    def identifying(self) -> list[str]:
        return sorted({f["kind"] for f in self.findings if f["identifying"]})

    def identifying_labels(self) -> list[str]:
        return [str(FINDING_LABELS.get(kind, kind)) for kind in self.identifying]

    def to_payload(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "name"} | {"name": self.name}

    @classmethod
    def from_payload(cls, payload: dict[str, Any]) -> IngestedFile:
        return cls(
            **payload | {"findings": tuple(payload["findings"]), "notes": tuple(payload["notes"])}
        )


def check_totals(sizes: list[int]) -> None:
    if len(sizes) > conf.get("INTAKE_MAX_FILES"):
        raise EvidenceRejected("too_many_files")
    if sum(sizes) > conf.get("INTAKE_MAX_REPORT_BYTES"):
        raise EvidenceRejected("report_too_large")
    for size in sizes:
        if size > conf.get("INTAKE_MAX_FILE_BYTES"):
            raise EvidenceRejected("too_large")


def ingest(data: bytes, *, name: str = "") -> IngestedFile:
    """Check, inspect and store one file (original and cleaned copy); before any DB write."""
    if len(data) > conf.get("INTAKE_MAX_FILE_BYTES"):
        raise EvidenceRejected("too_large", name)
    try:
        processed = process_upload(data, limits=conf.media_limits())
    except Rejected as exc:
        raise EvidenceRejected(exc.reason, name) from exc
    store = evidence_store()
    sha256 = store.put(data, "original")
    cleaned_sha256 = store.put(processed.cleaned, "cleaned") if processed.cleaned else ""
    return IngestedFile(
        sha256=sha256,
        size=len(data),
        media_type=processed.media_type,
        cleaned_sha256=cleaned_sha256,
        cleaned_media_type=processed.cleaned_media_type or "",
        cleaned_size=len(processed.cleaned) if processed.cleaned else None,
        findings=tuple({"kind": f.kind, "identifying": f.identifying} for f in processed.findings),
        notes=processed.notes,
        name=name[:120],
    )


def ingest_uploads(uploads: list[Any]) -> list[IngestedFile]:
    """Django `UploadedFile`s: refuse by count and size before reading, then ingest each."""
    check_totals([int(upload.size or 0) for upload in uploads])
    return [ingest(upload.read(), name=str(upload.name or "")) for upload in uploads]
