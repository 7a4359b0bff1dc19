"""Triage suggestions for the reporter: which rules a report may concern, and what would help.

Triage may fail on odd text or a broken model file; that must never block a report, so
every failure becomes "no suggestions".
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_lazy as _

from netral.web.labels import conduct_label

logger = logging.getLogger(__name__)


# What detail helps an officer act on each kind of conduct.
_HINTS_BY_CODE = {
    "MEDSOS_UNGGAH": _("Tautan ke unggahan atau akun media sosialnya, dan tangkapan layar."),
    "MEDSOS_INTERAKSI": _("Tautan ke akun dan konten yang disukai, dikomentari atau dibagikan."),
    "FOTO_SIMBOL": _("Foto atau tangkapan layar yang memperlihatkan gestur atau atributnya."),
    "KAMPANYE_IKUT": _("Nama kegiatan kampanye, tempat dan tanggalnya."),
    "KAMPANYE_ATRIBUT": _("Foto yang memperlihatkan atribut yang dipakai."),
    "KAMPANYE_MENGERAHKAN": _("Bukti perintah atau undangan kepada pegawai, misalnya pesan."),
    "FASILITAS_NEGARA": _("Nomor polisi kendaraan dinas atau nama gedung yang dipakai."),
    "KEPUTUSAN_MENGUNTUNGKAN": _("Nomor atau tanggal keputusan, program atau bantuan."),
    "KEGIATAN_KEBERPIHAKAN": _("Undangan, tempat dan tanggal pertemuan atau pembagian barang."),
    "SURAT_DUKUNGAN": _("Salinan surat dukungan atau keterangan siapa yang mengumpulkan KTP."),
    "DEKLARASI_HADIR": _("Tempat dan tanggal deklarasi, serta foto kehadirannya."),
    "APK_PASANG": _("Foto spanduk atau baliho dan lokasinya."),
    "PENDEKATAN_PARPOL": _("Nama partai dan bukti pendaftaran atau pertemuan."),
    "TIM_PEMENANGAN": _("Surat keputusan atau daftar tim yang memuat namanya."),
    "ANGGOTA_PARPOL": _("Kartu tanda anggota atau daftar pengurus partai."),
    "KAMPANYE_PASANGAN": _("Nama pasangan yang menjadi calon dan kegiatan yang dihadiri."),
    "MENCALONKAN_DIRI": _("Bukti pendaftaran sebagai calon dan jabatannya saat ini."),
}


@dataclass(frozen=True)
class Suggestion:
    code: str
    label: str
    hint: str


@dataclass(frozen=True)
class TriageOutcome:
    codes: tuple[str, ...] = ()
    result: dict[str, Any] = field(default_factory=dict)
    failed: bool = False

    def suggestions(self) -> list[Suggestion]:
        return [
            Suggestion(code, conduct_label(code), str(_HINTS_BY_CODE.get(code, "")))
            for code in self.codes
        ]


def run_triage(text: str) -> TriageOutcome:
    try:
        from netral.triage import triage  # type: ignore[attr-defined,unused-ignore]

        result = triage(text).to_dict()
        codes = tuple(str(code) for code in result.get("codes", []))
    except Exception:  # any failure of the optional component must not block a report
        logger.exception("triage failed; the report goes on without suggestions")
        return TriageOutcome(failed=True)
    return TriageOutcome(codes=codes, result=result)


def detail_hints(
    *, occurred_on: object, region: object, links: list[str], file_count: int, subject: str
) -> list[str]:
    """Generic gaps worth filling before sending, whatever the conduct."""
    hints = []
    if not occurred_on:
        hints.append(str(_("Tanggal kejadian, walau hanya perkiraan.")))
    if not region:
        hints.append(str(_("Wilayah (provinsi atau kabupaten/kota) tempat kejadian.")))
    if not subject:
        hints.append(str(_("Nama, jabatan atau instansi orang yang dilaporkan.")))
    if not links and not file_count:
        hints.append(str(_("Bukti: foto, tangkapan layar, dokumen atau tautan.")))
    return hints
