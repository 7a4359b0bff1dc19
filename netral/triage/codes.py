"""The seventeen conduct codes (``shared/domain/conduct.md``): labels that never change."""

from __future__ import annotations

CONDUCT_CODES: tuple[str, ...] = (
    "MEDSOS_UNGGAH",
    "MEDSOS_INTERAKSI",
    "FOTO_SIMBOL",
    "KAMPANYE_IKUT",
    "KAMPANYE_ATRIBUT",
    "KAMPANYE_MENGERAHKAN",
    "FASILITAS_NEGARA",
    "KEPUTUSAN_MENGUNTUNGKAN",
    "KEGIATAN_KEBERPIHAKAN",
    "SURAT_DUKUNGAN",
    "DEKLARASI_HADIR",
    "APK_PASANG",
    "PENDEKATAN_PARPOL",
    "TIM_PEMENANGAN",
    "ANGGOTA_PARPOL",
    "KAMPANYE_PASANGAN",
    "MENCALONKAN_DIRI",
)

CODE_SET: frozenset[str] = frozenset(CONDUCT_CODES)

NEGATIVE_KINDS: tuple[str, ...] = (
    "rule_explained",
    "appeal",
    "statistic",
    "pledge",
    "cleared",
    "non_bound_actor",
    "circular_issued",
    "neutral_event",
    "passive",
)
