"""Provinces, regencies and cities with their Kemendagri codes.

Read from the CSV files of the idn-area-data npm package, installed at set-up under
`<repo>/node_modules`; the environment variable NETRAL_NODE_MODULES names another
node_modules directory. Press abbreviations ("Kaltara", "Jabar") come from our own
`data/region_abbreviations.yaml`.
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from netral.documents.errors import DocumentError
from netral.documents.loader import DataFileError, load_data
from netral.documents.model import Region

REPO_ROOT = Path(__file__).resolve().parents[2]
_LEVEL_PREFIXES = (("Kabupaten ", "REGENCY"), ("Kota ", "CITY"))


def data_dir() -> Path:
    node_modules = os.environ.get("NETRAL_NODE_MODULES") or str(REPO_ROOT / "node_modules")
    return Path(node_modules) / "idn-area-data" / "data"


@dataclass(frozen=True)
class Gazetteer:
    # (level, casefolded short name) -> region; short names drop "Kabupaten "/"Kota ".
    by_name: dict[tuple[str, str], Region]
    by_code: dict[str, Region]
    abbreviations: dict[str, Region]  # casefolded abbreviation -> region
    abbreviation_spellings: tuple[str, ...]  # as written in the data file

    def find(self, level: str, name: str) -> Region | None:
        return self.by_name.get((level, " ".join(name.split()).casefold()))


def _read_csv(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))
    except OSError as error:
        raise DocumentError(
            f"region gazetteer not found at {path} (install the npm packages or set "
            "NETRAL_NODE_MODULES)"
        ) from error


def _region_of_regency(row: dict[str, str]) -> tuple[str, Region]:
    name = row["name"].strip()
    for prefix, level in _LEVEL_PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix) :], Region(row["code"], name, level)
    return name, Region(row["code"], name, "REGENCY")


@cache
def load_gazetteer(directory: Path | None = None) -> Gazetteer:
    folder = directory or data_dir()
    by_name: dict[tuple[str, str], Region] = {}
    by_code: dict[str, Region] = {}
    for row in _read_csv(folder / "provinces.csv"):
        region = Region(row["code"], f"Provinsi {row['name'].strip()}", "PROVINCE")
        by_name["PROVINCE", row["name"].strip().casefold()] = region
        by_code[region.code or ""] = region
    for row in _read_csv(folder / "regencies.csv"):
        short, region = _region_of_regency(row)
        by_name[region.level, short.casefold()] = region
        by_code[region.code or ""] = region
    listed: dict[str, str] = load_data("region_abbreviations.yaml")["abbreviations"]
    unknown = {name: code for name, code in listed.items() if str(code) not in by_code}
    if unknown:
        raise DataFileError(f"region_abbreviations.yaml: codes not in the gazetteer: {unknown}")
    abbreviations = {name.casefold(): by_code[str(code)] for name, code in listed.items()}
    return Gazetteer(by_name, by_code, abbreviations, tuple(listed))
