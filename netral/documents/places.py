"""Where a text names a province, regency or city."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from netral.documents.gazetteer import Gazetteer, load_gazetteer
from netral.documents.model import Region
from netral.documents.phrases import PhraseMatcher

_EXPLICIT = re.compile(r"(?i:provinsi|prov\.|kabupaten|kab\.|kota)\s+")
_EXPLICIT_LEVEL = {
    "provinsi": "PROVINCE",
    "prov.": "PROVINCE",
    "kabupaten": "REGENCY",
    "kab.": "REGENCY",
    "kota": "CITY",
}
# Up to four words of a place name ("Tangerang Selatan", "Kepulauan Bangka Belitung").
_WORDS = re.compile(r"[A-Za-z'\-]+(?: [A-Za-z'\-]+){0,3}")
_LEAD_IN = re.compile(r"\s*(?:\([^()\n]{1,20}\)\s*)?(?:di\s+)?")
_ANY_LEVEL = ("PROVINCE", "REGENCY", "CITY")


@dataclass(frozen=True)
class Place:
    region: Region
    start: int
    end: int


def _lookup(gazetteer: Gazetteer, words: str, levels: tuple[str, ...]) -> tuple[Region, int] | None:
    """The longest leading run of `words` that names a region, and its length."""
    parts = words.split(" ")
    for count in range(len(parts), 0, -1):
        name = " ".join(parts[:count])
        for level in levels:
            region = gazetteer.find(level, name)
            if region is not None:
                return region, len(name)
        region = gazetteer.abbreviations.get(name.casefold())
        if region is not None and region.level in levels:
            return region, len(name)
    return None


def place_at(text: str, position: int, level: str | None) -> Place | None:
    """The place named at `position` (after an office title), if any.

    An explicit "Kabupaten"/"Kota"/"Provinsi" decides the level; a bare name is read at
    the level the office implies, and must be capitalised.
    """
    gazetteer = load_gazetteer()
    lead = _LEAD_IN.match(text, position)
    start = lead.end() if lead else position
    explicit = _EXPLICIT.match(text, start)
    if explicit:
        levels: tuple[str, ...] = (_EXPLICIT_LEVEL[explicit.group().strip().casefold()],)
        words_at = explicit.end()
    else:
        if start >= len(text) or not text[start].isupper():
            return None
        levels = (level,) if level in _ANY_LEVEL else _ANY_LEVEL
        words_at = start
    words = _WORDS.match(text, words_at)
    found = _lookup(gazetteer, words.group(), levels) if words else None
    if found is None:
        return None
    return Place(found[0], start, words_at + found[1])


@cache
def _bare_matcher() -> PhraseMatcher:
    gazetteer = load_gazetteer()
    exact = {
        region.code or "": [region.name.removeprefix("Provinsi ")]
        for region in gazetteer.by_code.values()
        if region.level == "PROVINCE"
    }
    exact |= {f"abbr:{name}": [name] for name in gazetteer.abbreviation_spellings}
    return PhraseMatcher({}, exact)


def find_places(text: str) -> list[Place]:
    """Places named with an explicit level word, and provinces named on their own."""
    gazetteer = load_gazetteer()
    places = []
    for explicit in _EXPLICIT.finditer(text):
        place = place_at(text, explicit.start(), None)
        if place is not None:
            places.append(place)
    for bare in _bare_matcher().finditer(text):
        key = bare.label
        region = (
            gazetteer.abbreviations[key[5:].casefold()]
            if key.startswith("abbr:")
            else gazetteer.by_code[key]
        )
        places.append(Place(region, bare.start, bare.end))
    return sorted(places, key=lambda place: place.start)
