"""Taking in one uploaded file: limits, content check, metadata report, storage."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from typing import Any

from cryptography.fernet import InvalidToken
from django.utils.translation import gettext_lazy as _

from netral.intake import conf
from netral.intake.storage import StagingArea, evidence_store, staging_area
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
    "free_text": _("teks keterangan, komentar atau judul yang bisa memuat nama"),
    "location": _("nama tempat atau alamat"),
    "embedded_file": _("berkas lain yang disisipkan di dalamnya"),
    "annotations": _("anotasi atau komentar"),
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
    # Set while the file waits in the staging area for the preview to be confirmed.
    staged_original: str = ""
    staged_cleaned: str = ""

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


@dataclass(frozen=True)
class Staging:
    """Where a preview's files wait: a directory id and the key they are encrypted with."""

    id: str
    key: str

    @classmethod
    def new(cls) -> Staging:
        return cls(id=StagingArea.new_id(), key=StagingArea.new_key())


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def ingest(data: bytes, *, name: str = "", staging: Staging | None = None) -> IngestedFile:
    """Check, inspect and store one file (original and cleaned copy); before any DB write.

    With `staging`, the files go to the encrypted staging area (a preview); otherwise
    straight to the permanent store.
    """
    if len(data) > conf.get("INTAKE_MAX_FILE_BYTES"):
        raise EvidenceRejected("too_large", name)
    try:
        processed = process_upload(data, limits=conf.media_limits())
    except Rejected as exc:
        raise EvidenceRejected(exc.reason, name) from exc
    cleaned = processed.cleaned
    item = IngestedFile(
        sha256=_sha256(data),
        size=len(data),
        media_type=processed.media_type,
        cleaned_sha256=_sha256(cleaned) if cleaned else "",
        cleaned_media_type=processed.cleaned_media_type or "",
        cleaned_size=len(cleaned) if cleaned else None,
        findings=tuple({"kind": f.kind, "identifying": f.identifying} for f in processed.findings),
        notes=processed.notes,
        name=name[:120],
    )
    if staging is not None:
        area = staging_area()
        return replace(
            item,
            staged_original=area.put(staging.id, staging.key, data),
            staged_cleaned=area.put(staging.id, staging.key, cleaned) if cleaned else "",
        )
    store = evidence_store()
    store.put(data, "original")
    if cleaned:
        store.put(cleaned, "cleaned")
    return item


def ingest_uploads(uploads: list[Any], *, staging: Staging | None = None) -> list[IngestedFile]:
    """Django `UploadedFile`s: refuse by count and size before reading, then ingest each."""
    check_totals([int(upload.size or 0) for upload in uploads])
    return [
        ingest(upload.read(), name=str(upload.name or ""), staging=staging) for upload in uploads
    ]


class StagedFileMissing(Exception):
    """A previewed file is gone or does not match (expired, cleaned up, tampered with)."""


def commit_staged(files: list[IngestedFile], staging: Staging) -> list[IngestedFile]:
    """Move a confirmed preview's files to the permanent store; checks every digest."""
    area, store = staging_area(), evidence_store()
    committed = []
    for item in files:
        try:
            original = area.read(staging.id, staging.key, item.staged_original)
            cleaned = (
                area.read(staging.id, staging.key, item.staged_cleaned)
                if item.staged_cleaned
                else b""
            )
        except (OSError, ValueError, InvalidToken) as exc:
            raise StagedFileMissing(item.name) from exc
        if _sha256(original) != item.sha256 or (
            cleaned and _sha256(cleaned) != item.cleaned_sha256
        ):
            raise StagedFileMissing(item.name)
        store.put(original, "original")
        if cleaned:
            store.put(cleaned, "cleaned")
        committed.append(replace(item, staged_original="", staged_cleaned=""))
    return committed
