"""The region CSV files of the `idn-area-data` npm package (no Django: the documents core
reads them too). Provinces and regencies/cities, with Kemendagri codes as written there."""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PACKAGE = "idn-area-data"
_REGENCY_PREFIXES = (("Kabupaten ", "REGENCY"), ("Kota ", "CITY"))


class RegionDataMissing(RuntimeError):
    pass


@dataclass(frozen=True)
class RegionRow:
    code: str
    name: str  # as the registry shows it: "Provinsi Banten", "Kabupaten Bogor", "Kota Jambi"
    level: str  # PROVINCE, REGENCY or CITY
    parent_code: str | None
    short_name: str  # without "Provinsi"/"Kabupaten"/"Kota": how the press often writes it


def data_dir() -> Path:
    root = Path(__file__).resolve().parents[2]
    node_modules = Path(os.environ.get("NETRAL_NODE_MODULES") or root / "node_modules")
    return node_modules / PACKAGE / "data"


def read_regions(directory: Path | None = None) -> Iterator[RegionRow]:
    directory = directory or data_dir()
    provinces, regencies = directory / "provinces.csv", directory / "regencies.csv"
    if not provinces.is_file() or not regencies.is_file():
        raise RegionDataMissing(
            f"region data not found in {directory}: run `npm ci` (make install) first"
        )
    with provinces.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            name = row["name"].strip()
            yield RegionRow(row["code"], _province_title(name), "PROVINCE", None, name)
    with regencies.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            yield _regency(row["code"], row["name"].strip(), row["province_code"])


def _province_title(name: str) -> str:
    return name if name.startswith(("Provinsi", "Daerah")) else f"Provinsi {name}"


def _regency(code: str, name: str, province_code: str) -> RegionRow:
    for prefix, level in _REGENCY_PREFIXES:
        if name.startswith(prefix):
            return RegionRow(code, name, level, province_code, name[len(prefix) :])
    return RegionRow(code, name, "REGENCY", province_code, name)
