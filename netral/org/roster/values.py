"""Spellings found in agencies' exports, mapped to the roster's status and category codes."""

from __future__ import annotations

# Keys are upper-cased with spaces, dashes, dots and underscores removed.
_STATUS_SPELLINGS = {
    "PNS": "PNS",
    "CPNS": "CPNS",
    "PPPK": "PPPK",
    "P3K": "PPPK",
    "PPPKPARUHWAKTU": "PPPK",
    "NONASN": "NON_ASN",
    "HONORER": "NON_ASN",
    "TENAGAHONORER": "NON_ASN",
    "PPNPN": "NON_ASN",
    "THL": "NON_ASN",
    "KONTRAK": "NON_ASN",
}
_CATEGORY_SPELLINGS = {
    "JPT": "JPT",
    "PIMPINANTINGGI": "JPT",
    "JABATANPIMPINANTINGGI": "JPT",
    "ESELONI": "JPT",
    "ESELONII": "JPT",
    "ADMINISTRATOR": "ADMINISTRATOR",
    "JABATANADMINISTRATOR": "ADMINISTRATOR",
    "ESELONIII": "ADMINISTRATOR",
    "PENGAWAS": "PENGAWAS",
    "JABATANPENGAWAS": "PENGAWAS",
    "ESELONIV": "PENGAWAS",
    "FUNGSIONAL": "FUNGSIONAL",
    "JF": "FUNGSIONAL",
    "JFT": "FUNGSIONAL",
    "JABATANFUNGSIONAL": "FUNGSIONAL",
    "PELAKSANA": "PELAKSANA",
    "JFU": "PELAKSANA",
    "JABATANPELAKSANA": "PELAKSANA",
    "LAINNYA": "LAINNYA",
    "LAIN": "LAINNYA",
    "": "LAINNYA",
}


def _key(raw: str) -> str:
    return "".join(ch for ch in raw.upper() if ch.isalnum())


def status_code(raw: str) -> str | None:
    """PNS, CPNS, PPPK or NON_ASN for a spelling such as "p3k" or "Honorer"; None if unknown."""
    return _STATUS_SPELLINGS.get(_key(raw))


def category_code(raw: str) -> str | None:
    """A position category code; an empty cell means LAINNYA; None if unknown."""
    return _CATEGORY_SPELLINGS.get(_key(raw))
