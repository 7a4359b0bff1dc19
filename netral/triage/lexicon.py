"""The conduct lexicons (``data/lexicon/<code>.yaml``) compiled into one pattern set."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from netral.triage.analysis import Analysis, analyse
from netral.triage.codes import CODE_SET, CONDUCT_CODES
from netral.triage.datafiles import DATA_DIR, DataFileError, check_fields, load_yaml
from netral.triage.patterns import Hit, Pattern, PatternSet, parse, word_keys

LEXICON_DIR = "lexicon"
_FILE_FIELDS = ("code", "description", "gap", "patterns")
_PATTERN_FIELDS = ("match", "weight")
_PATTERN_OPTIONAL = ("requires", "block_before", "block_after", "block_window")


@dataclass(frozen=True, slots=True)
class ConductMatch:
    """A raw lexicon match: a code and the span of the original text that showed it."""

    code: str
    start: int
    end: int
    text: str
    weight: float
    pattern: str


@lru_cache(maxsize=1)
def word_lists() -> dict[str, frozenset[str]]:
    raw = load_yaml(f"{LEXICON_DIR}/_lists.yaml")
    lists: dict[str, frozenset[str]] = {}
    for name, entry in raw.items():
        check_fields(f"_lists.yaml:{name}", entry, ("description", "words"))
        lists[name] = word_keys(str(w) for w in entry["words"])
    return lists


def _compile(path_name: str, index: int, entry: dict[str, Any], code: str, gap: int) -> Pattern:
    where = f"{path_name}: pattern {index + 1}"
    check_fields(where, entry, _PATTERN_FIELDS, _PATTERN_OPTIONAL)
    weight = float(entry["weight"])
    if not 0 < weight <= 1:
        raise DataFileError(f"{where}: weight must be in (0, 1]")
    lists = word_lists()
    unknown = [name for name in entry.get("requires", []) if name not in lists]
    if unknown:
        raise DataFileError(f"{where}: unknown word list(s) {unknown}")
    try:
        slots, gaps = parse(str(entry["match"]), gap)
    except ValueError as error:
        raise DataFileError(f"{where}: {error}") from None
    return Pattern(
        label=code,
        source=str(entry["match"]),
        slots=slots,
        gaps=gaps,
        weight=weight,
        requires=tuple(tuple(lists[name]) for name in entry.get("requires", [])),
        block_before=word_keys(str(w) for w in entry.get("block_before", [])),
        block_after=word_keys(str(w) for w in entry.get("block_after", [])),
        block_window=int(entry.get("block_window", 3)),
    )


def load_file(code: str) -> list[Pattern]:
    name = f"{code.lower()}.yaml"
    raw = load_yaml(f"{LEXICON_DIR}/{name}")
    check_fields(name, raw, _FILE_FIELDS)
    if raw["code"] != code:
        raise DataFileError(f"{name}: code {raw['code']!r} does not match the file name")
    return [
        _compile(name, index, entry, code, int(raw["gap"]))
        for index, entry in enumerate(raw["patterns"])
    ]


@lru_cache(maxsize=1)
def conduct_patterns() -> PatternSet:
    """Every conduct pattern; a lexicon file for a code that does not exist is an error."""
    files = {p.stem for p in (DATA_DIR / LEXICON_DIR).glob("*.yaml") if not p.stem.startswith("_")}
    stray = {f.upper() for f in files} - CODE_SET
    if stray:
        raise DataFileError(f"lexicon files for unknown codes: {sorted(stray)}")
    patterns: list[Pattern] = []
    for code in CONDUCT_CODES:
        if code.lower() in files:
            patterns.extend(load_file(code))
    return PatternSet(patterns)


def conduct_hits(analysis: Analysis) -> list[Hit]:
    return conduct_patterns().hits(analysis)


def to_match(analysis: Analysis, hit: Hit) -> ConductMatch:
    start = analysis.tokens[hit.first].start
    end = analysis.tokens[hit.last].end
    return ConductMatch(
        code=hit.pattern.label,
        start=start,
        end=end,
        text=analysis.text[start:end],
        weight=hit.pattern.weight,
        pattern=hit.pattern.source,
    )


def match_conduct(text: str) -> list[ConductMatch]:
    """Raw lexicon and pattern matches in ``text``, ignoring context.

    A circular that says "ASN dilarang memasang spanduk" yields ``APK_PASANG`` here,
    which is what a reader listing the conduct a document prohibits wants; ``triage``
    is the function that decides whether a text describes conduct.
    """
    analysis = analyse(text)
    matches = [to_match(analysis, hit) for hit in conduct_hits(analysis)]
    matches.sort(key=lambda m: (m.start, m.end, m.code))
    return matches
