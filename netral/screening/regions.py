"""A post's region as exports write it ("34.04", "Kabupaten Sleman", "Sleman", "Kab.
Sleman") to a Kemendagri code, from the same region files the registry loads."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from netral.cases.names import folded
from netral.org.region_files import RegionDataMissing, read_regions

_CODE = re.compile(r"\d{2}(?:\.\d{2})?")
_ABBREVIATIONS = {"kab": "kabupaten", "prov": "provinsi", "kota": "kota"}


@dataclass(frozen=True)
class RegionLookup:
    codes: frozenset[str] = frozenset()
    names: dict[str, str] = field(default_factory=dict)  # folded name -> code

    def resolve(self, text: str) -> str:
        """The code, or "" when the text names no region (or is ambiguous across
        provinces: a name shared within one province resolves to the province)."""
        text = text.strip()
        if _CODE.fullmatch(text):
            return text if not self.codes or text in self.codes else ""
        words = folded(text).split()
        if words and words[0] in _ABBREVIATIONS:
            words[0] = _ABBREVIATIONS[words[0]]
        return self.names.get(" ".join(words), "")


def load_lookup() -> RegionLookup:
    """From the region files; with none installed, codes pass as written and names do not
    resolve (a worker without the files still screens)."""
    try:
        rows = list(read_regions())
    except RegionDataMissing:
        return RegionLookup()
    names: dict[str, str] = {}
    ambiguous: dict[str, set[str]] = {}
    for row in rows:
        for name in {folded(row.name), folded(row.short_name)}:
            ambiguous.setdefault(name, set()).add(row.code)
    for name, codes in ambiguous.items():
        if len(codes) == 1:
            names[name] = next(iter(codes))
            continue
        provinces = {code.split(".")[0] for code in codes}
        if len(provinces) == 1:
            names[name] = provinces.pop()
    return RegionLookup(frozenset(row.code for row in rows), names)
