"""Provinces, regencies and cities with their Kemendagri codes.

Read from the CSV files of the idn-area-data npm package, installed at set-up under
`<repo>/node_modules`; the environment variable NETRAL_NODE_MODULES names another
node_modules directory. Press abbreviations ("Kaltara", "Jabar") come from our own
`data/region_abbreviations.yaml`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from netral.documents.errors import DocumentError
from netral.documents.loader import DataFileError, load_data
from netral.documents.model import Region
from netral.org.region_files import RegionDataMissing, data_dir, read_regions

__all__ = ["Gazetteer", "data_dir", "load_gazetteer"]


@dataclass(frozen=True)
class Gazetteer:
    # (level, casefolded short name) -> region; short names drop "Kabupaten "/"Kota ".
    by_name: dict[tuple[str, str], Region]
    by_code: dict[str, Region]
    abbreviations: dict[str, Region]  # casefolded abbreviation -> region
    abbreviation_spellings: tuple[str, ...]  # as written in the data file

    def find(self, level: str, name: str) -> Region | None:
        return self.by_name.get((level, " ".join(name.split()).casefold()))


@cache
def load_gazetteer(directory: Path | None = None) -> Gazetteer:
    by_name: dict[tuple[str, str], Region] = {}
    by_code: dict[str, Region] = {}
    try:
        for row in read_regions(directory):
            region = Region(row.code, row.name, row.level)
            by_name[row.level, row.short_name.casefold()] = region
            by_code[row.code] = region
    except RegionDataMissing as error:
        raise DocumentError(f"{error} (or set NETRAL_NODE_MODULES)") from None
    listed: dict[str, str] = load_data("region_abbreviations.yaml")["abbreviations"]
    unknown = {name: code for name, code in listed.items() if str(code) not in by_code}
    if unknown:
        raise DataFileError(f"region_abbreviations.yaml: codes not in the gazetteer: {unknown}")
    abbreviations = {name.casefold(): by_code[str(code)] for name, code in listed.items()}
    return Gazetteer(by_name, by_code, abbreviations, tuple(listed))
