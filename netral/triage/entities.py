"""``triage.entities.v1``: who and what a text mentions, with offsets.

Subject and position words, agencies and regions, NIP (validated) and NIK, candidate
references, parties, platforms, Indonesian dates and URLs. Gazetteers live in
``data/entities/``; validation of identity numbers in ``idnumbers.py``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from netral.triage.analysis import Analysis
from netral.triage.anchored import Anchored, first_characters, word_starts
from netral.triage.datafiles import load_yaml
from netral.triage.idnumbers import nik_fields, nip_fields
from netral.triage.normalize import normalise_token

NAME = "triage.entities.v1"

Entity = dict[str, Any]

_MONTHS = (
    r"januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober|"
    r"november|nopember|desember|jan|feb|mar|apr|jun|jul|agu|agt|agst|sep|sept|okt|nov|des"
)
_DAYS = r"senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad"
_DATE = re.compile(
    rf"\b(?:(?:{_DAYS}),?\s*\(?\s*)?(?:\d{{1,2}}\s+(?:{_MONTHS})\.?\s+\d{{4}}|"
    rf"\d{{1,2}}\s+(?:{_MONTHS})\b|\d{{1,2}}[/-]\d{{1,2}}[/-]\d{{2,4}})\)?"
    rf"|\b(?:{_DAYS})\b(?:\s+(?:lalu|kemarin|ini|depan|pagi|siang|sore|malam))?",
    re.IGNORECASE,
)
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"']+[^\s<>\"'.,;:!?)\]]", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_DIGITS = re.compile(r"(?<![\d])(?:\d[ .]?){15,17}\d(?![\d])")
_CANDIDATE = re.compile(
    r"\b(?:(?:bakal\s+)?(?:pasangan\s+calon|paslon|bapaslon|calon\s+(?:presiden|wakil\s+presiden"
    r"|gubernur|wakil\s+gubernur|bupati|wakil\s+bupati|wali\s?kota|wakil\s+wali\s?kota|"
    r"kepala\s+daerah|legislatif|anggota\s+(?:dprd?|dpd)(?:\s+(?:provinsi|kabupaten|kota))?)|"
    r"capres|cawapres|cagub|cawagub|cabup|cawabup|cawalkot|cawako|caleg|bacaleg|bacalon|"
    r"kandidat)(?:\s+(?:nomor|no\.?)(?:\s+urut)?\s*\d{1,2}|\s+0?\d\b)?"
    r"(?:\s+(?:dari\s+)?(?-i:(?:[Pp]artai\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?|[A-Z]{2,6}\b)))?)",
    re.IGNORECASE,
)
_REGION_WORD = (
    r"Kabupaten|Kab\.|Kota|Provinsi|Prov\.|Kecamatan|Kec\.|Desa|Kelurahan|Kel\.|Nagari|"
    r"Gampong|Kampung"
)
_REGION = re.compile(
    rf"\b(?:{_REGION_WORD})\s+(?:[A-Z][\w'-]*)(?:\s+(?!(?:{_REGION_WORD})\b)[A-Z][\w'-]*){{0,2}}"
)
_AGENCY_WORD = (
    r"Dinas|Badan|Kantor|Sekretariat|Inspektorat|Satuan|Bagian|Puskesmas|RSUD|SMPN|SMAN|"
    r"SDN|SMKN|UPTD|BKPSDM|BKD|BPBD|Bappeda|Bapenda|Disdik|Dinkes|Dishub|Kemenag|Kementerian|"
    r"Pemkab|Pemkot|Pemprov|Pemda|Pemerintah\s+(?:Kabupaten|Kota|Provinsi|Daerah)"
)
_AGENCY = re.compile(rf"\b(?:{_AGENCY_WORD})(?:\s+(?:[A-Z][\w'-]*|\d+|dan|&))*")

# where each expression can begin (anchored.py): a day or a digit, a candidate word...
_FAST_DATE = Anchored(_DATE, "0123456789" + first_characters(_DAYS))
_FAST_CANDIDATE = Anchored(_CANDIDATE, "bpck")  # bakal, pasangan, paslon, calon, kandidat...
_FAST_REGION = Anchored(_REGION, first_characters(_REGION_WORD))
_FAST_AGENCY = Anchored(_AGENCY, first_characters(_AGENCY_WORD))


def _alternation(words: list[str]) -> re.Pattern[str]:
    ordered = sorted(words, key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _positions() -> tuple[re.Pattern[str], dict[str, str]]:
    table = {
        str(k).lower(): str(v) for k, v in load_yaml("entities/positions.yaml")["positions"].items()
    }
    return _alternation(list(table)), table


@lru_cache(maxsize=1)
def _parties() -> Anchored:
    names = [str(n) for n in load_yaml("entities/parties.yaml")["parties"]]
    ordered = sorted(names, key=len, reverse=True)
    body = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in ordered)
    # short forms are only parties in capitals ("PAN", not "pan"); "Partai X" always
    pattern = re.compile(rf"(?<![\w-])(?:{body}|Partai\s+[A-Z][\w-]*)(?![\w-])")
    return Anchored(pattern, "".join(name[0] for name in names) + "P")


@lru_cache(maxsize=1)
def _platforms() -> tuple[Anchored, dict[str, str]]:
    table = {
        str(k).lower(): str(v) for k, v in load_yaml("entities/platforms.yaml")["platforms"].items()
    }
    return Anchored(_alternation(list(table)), "".join(name[0] for name in table)), table


@lru_cache(maxsize=1)
def subject_types() -> dict[tuple[str, ...], str]:
    """Position words as normalised word sequences, with their subject type."""
    out: dict[tuple[str, ...], str] = {}
    for word, kind in _positions()[1].items():
        seq: list[str] = []
        for part in word.split():
            seq.extend(normalise_token(part))
        out.setdefault(tuple(seq), kind)
    return out


def subject_sequences() -> tuple[tuple[str, ...], ...]:
    return tuple(sorted(subject_types(), key=len, reverse=True))


@lru_cache(maxsize=1)
def _subject_index() -> dict[str, list[tuple[str, ...]]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for seq in subject_sequences():
        index.setdefault(seq[0], []).append(seq)
    return index


@lru_cache(maxsize=1)
def _subject_heads() -> frozenset[str]:
    return frozenset(_subject_index())


def subject_mentions(analysis: Analysis) -> list[tuple[int, int]]:
    """Token spans (first, last) of words naming a bound subject."""
    found: list[tuple[int, int]] = []
    if _subject_heads().isdisjoint(analysis.keys):
        return found
    tokens = analysis.tokens
    index = _subject_index()
    for i, token in enumerate(tokens):
        for seq in index.get(token.norm, ()):
            # the first word is the index key: compare the rest, if any
            if len(seq) == 1 or all(
                i + k < len(tokens) and tokens[i + k].norm == word
                for k, word in enumerate(seq[1:], 1)
            ):
                found.append((i, i + len(seq) - 1))
                break
    return found


def _span(match: re.Match[str], **extra: Any) -> Entity:
    return {"start": match.start(), "end": match.end(), "text": match.group(), **extra}


def _numbers(text: str) -> tuple[list[Entity], list[Entity]]:
    nips: list[Entity] = []
    niks: list[Entity] = []
    for match in _DIGITS.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if len(digits) == 18:
            fields = nip_fields(digits)
            nips.append(_span(match, value=digits, valid=fields is not None, **(fields or {})))
        elif len(digits) == 16:
            nik = nik_fields(digits)
            niks.append(_span(match, value=digits, valid=nik is not None))
    return nips, niks


def _subjects(
    text: str, doc: Analysis | None, mentions: list[tuple[int, int]] | None
) -> list[Entity]:
    if doc is None:
        positions, position_types = _positions()
        return [
            _span(m, subject_type=position_types[" ".join(m.group().lower().split())])
            for m in positions.finditer(text)
        ]
    types = subject_types()
    found: list[Entity] = []
    for first, last in subject_mentions(doc) if mentions is None else mentions:
        start, end = doc.tokens[first].start, doc.tokens[last].end
        seq = tuple(t.norm for t in doc.tokens[first : last + 1])
        if found and found[-1]["start"] == start and found[-1]["end"] == end:
            continue  # one written word expanded to several ("kades")
        found.append({"start": start, "end": end, "text": text[start:end],
                      "subject_type": types[seq]})  # fmt: skip
    return found


# cheap tests that let most texts skip the slower expressions
_CANDIDATE_WORDS = frozenset({"calon", "kandidat", "bacaleg"})
_DATE_WORDS = frozenset(_MONTHS.split("|")) | frozenset(_DAYS.replace("'", "").split("|"))


def _words_present(doc: Analysis | None, words: frozenset[str], text: str) -> bool:
    if doc is None:
        return True
    return not words.isdisjoint(doc.keys) or (words is _DATE_WORDS and "/" in text)


def extract(
    text: str, doc: Analysis | None = None, mentions: list[tuple[int, int]] | None = None
) -> dict[str, list[Entity]]:
    """Entities of ``text``; pass its analysis when there is one, and the
    ``subject_mentions`` of that analysis if known, to skip work."""
    platforms, platform_names = _platforms()
    # a number needs sixteen digits; \d, like the expression, counts any script's digits
    nips, niks = _numbers(text) if len(_DIGIT.findall(text)) >= 16 else ([], [])
    starts = word_starts(text)
    return {
        "subjects": _subjects(text, doc, mentions),
        "agencies": [_span(m) for m in _FAST_AGENCY.finditer(text, starts)],
        "regions": [_span(m) for m in _FAST_REGION.finditer(text, starts)],
        "nip": nips,
        "nik": niks,
        "candidates": [_span(m) for m in _FAST_CANDIDATE.finditer(text, starts)]
        if _words_present(doc, _CANDIDATE_WORDS, text)
        else [],
        "parties": [_span(m) for m in _parties().finditer(text, starts)],
        "platforms": [
            _span(m, platform=platform_names[" ".join(m.group().lower().split())])
            for m in platforms.finditer(text, starts)
        ],
        "dates": [_span(m) for m in _FAST_DATE.finditer(text, starts)]
        if _words_present(doc, _DATE_WORDS, text)
        else [],
        "urls": [_span(m) for m in _URL.finditer(text)] if "://" in text or "www." in text else [],
    }
