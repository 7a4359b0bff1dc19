"""Offices that issue instruments ("Pj Gubernur Banten", "Pemkot Bekasi", "Mendagri")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from netral.documents.loader import check_fields, load_data
from netral.documents.model import NATIONAL, Region
from netral.documents.phrases import PhraseMatch, PhraseMatcher
from netral.documents.places import place_at

_BARE_PREFIXES = ("Pj", "Pjs", "Plt", "Plh")
# An office named right after these words is someone's candidacy or a past holder, not
# the issuer: "calon Bupati", "pemilihan Gubernur", "wakil presiden".
_NOT_ISSUER_BEFORE = re.compile(
    r"(?i:calon|bacalon|paslon|pasangan|mantan|kandidat|wakil|pemilihan|pilkada)\s*/?\s*$"
)
# The level word a gazetteer name starts with; "Daerah Istimewa Yogyakarta" has none.
_LEVEL_WORD = re.compile(r"^(?:Provinsi|Kabupaten|Kota) ")
_ON_BEHALF = re.compile(
    r"\s*,?\s*(?:\([^()\n]{1,40}\)\s*|[A-Z][\w.'\-]*\s+){0,4}(?i:atas\s+nama|a\.\s?n\.?)\s*"
)
_SHORT_NAMED = frozenset(
    {
        "Gubernur",
        "Bupati",
        "Wali Kota",
        "Pemerintah Provinsi",
        "Pemerintah Kabupaten",
        "Pemerintah Kota",
    }
)


@dataclass(frozen=True)
class Office:
    canonical: str | None  # None: a bare acting title ("Pjs menerbitkan ...")
    level: str | None
    prefix: str | None
    region: Region | None
    start: int
    end: int

    def issuer(self) -> str:
        words = [self.prefix or "", self.canonical or ""]
        if self.region is not None and self.region.level != "NATIONAL":
            name = self.region.name
            if self.canonical in _SHORT_NAMED:  # "Gubernur Banten", not "Gubernur Provinsi Banten"
                name = _LEVEL_WORD.sub("", name)
            words.append(name)
        return " ".join(word for word in words if word)


@dataclass(frozen=True)
class _Lexicon:
    titles: PhraseMatcher
    prefixes: PhraseMatcher
    levels: dict[str, str | None]


@cache
def _lexicon() -> _Lexicon:
    data = load_data("issuers.yaml")
    levels: dict[str, str | None] = {}
    phrases: dict[str, list[str]] = {}
    for index, entry in enumerate(data["offices"]):
        check_fields(f"issuers.yaml offices[{index}]", entry, ("canonical", "level", "phrases"))
        levels[entry["canonical"]] = entry["level"]
        phrases[entry["canonical"]] = entry["phrases"]
    prefixes = PhraseMatcher(data["acting_prefixes"], {p: [p] for p in _BARE_PREFIXES})
    return _Lexicon(PhraseMatcher(phrases), prefixes, levels)


def find_offices(text: str) -> list[Office]:
    """Every office named in `text`, with its acting prefix and place when given; a bare
    acting title ("Pjs menerbitkan") is an office with no name."""
    lexicon = _lexicon()
    prefixes = {match.end: match for match in lexicon.prefixes.finditer(text)}
    offices = [
        _office(text, title, prefixes, lexicon.levels[title.label])
        for title in lexicon.titles.finditer(text)
        if not _inside_code(text, title.start, title.end)
        and not _NOT_ISSUER_BEFORE.search(text, max(0, title.start - 15), title.start)
    ]
    used = {office.start for office in offices}
    offices += [
        Office(None, None, prefix.label, None, prefix.start, prefix.end)
        for prefix in prefixes.values()
        if prefix.start not in used
    ]
    return _principals(text, _outermost(sorted(offices, key=lambda office: office.start)))


def _principals(text: str, offices: list[Office]) -> list[Office]:
    """Drop an office that signs on behalf of the next one: in "Sekda atas nama Bupati
    Garut" the regent issues."""
    return [
        office
        for index, office in enumerate(offices)
        if index + 1 == len(offices)
        or offices[index + 1].canonical is None
        or not _ON_BEHALF.fullmatch(text, office.end, offices[index + 1].start)
    ]


def _office(
    text: str, title: PhraseMatch, prefixes: dict[int, PhraseMatch], level: str | None
) -> Office:
    prefix = _prefix_before(text, title.start, prefixes)
    start = prefix.start if prefix else title.start
    label = prefix.label if prefix else None
    if level == "NATIONAL":
        return Office(title.label, level, label, NATIONAL, start, title.end)
    place = place_at(text, title.end, level)
    region, end = (place.region, place.end) if place else (None, title.end)
    return Office(title.label, level, label, region, start, end)


def _outermost(offices: list[Office]) -> list[Office]:
    """Drop an office written inside another: "(Pemda)" in "Pemerintah Daerah (Pemda) ..."."""
    kept: list[Office] = []
    for office in offices:
        if not any(k.start <= office.start and office.end <= k.end for k in kept):
            kept.append(office)
    return kept


def _prefix_before(text: str, start: int, prefixes: dict[int, PhraseMatch]) -> PhraseMatch | None:
    position = start
    while position > 0 and text[position - 1] == " ":
        position -= 1
    return prefixes.get(position)


def _inside_code(text: str, start: int, end: int) -> bool:
    """True for a unit's initials inside a number ("4063-BKD/2023")."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return before in "/-." or after in "/-"
