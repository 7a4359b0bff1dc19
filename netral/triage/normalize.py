"""``triage.normalizer.v1``: tokens of everyday Indonesian, with offsets into the original.

Each token of the original text becomes one or more normalised words: lower case,
repeated letters collapsed ("pliiis" -> "plis"), digits standing for letters read
("k4mpanye" -> "kampanye"), slang and abbreviations expanded ("paslon" -> "pasangan calon").
Every produced word keeps the start and end of the original token, so evidence always
quotes the text as written.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from netral.triage.datafiles import DataFileError, load_yaml

NAME = "triage.normalizer.v1"

# letters and digits, with inner hyphens or apostrophes ("bagi-bagi", "nge-share")
TOKEN = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_REPEAT = re.compile(r"([^\W\d_])\1{2,}")
_LEET = str.maketrans({"4": "a", "3": "e", "1": "i", "0": "o", "5": "s", "7": "t", "9": "g"})
_HAS_LETTER = re.compile(r"[^\W\d_]")
# "kampanye2" and "bagi2" are reduplication written with a 2, not a letter
_REDUPLICATED = re.compile(r"^(\w{3,}?)2$")


class Word(NamedTuple):
    """One normalised word and the span of the original token it came from."""

    norm: str
    start: int
    end: int


@lru_cache(maxsize=1)
def slang_table() -> dict[str, tuple[str, ...]]:
    raw = load_yaml("normalization/slang.yaml")
    if not isinstance(raw, dict):
        raise DataFileError("normalization/slang.yaml: expected a mapping")
    table: dict[str, tuple[str, ...]] = {}
    for key, value in raw.items():
        if not isinstance(key, str) or not isinstance(value, str) or not value.strip():
            raise DataFileError(f"normalization/slang.yaml: bad entry {key!r}: {value!r}")
        table[key] = tuple(value.split())
    return table


@lru_cache(maxsize=65536)
def normalise_token(token: str) -> tuple[str, ...]:
    """The normalised word(s) for one raw token (cached: tokens repeat a lot)."""
    word = token.lower()
    if _HAS_LETTER.search(word):
        match = _REDUPLICATED.match(word)
        if match:
            word = match.group(1)
        if any(ch.isdigit() for ch in word):
            word = word.translate(_LEET)
    word = _REPEAT.sub(r"\1", word)
    table = slang_table()
    if word in table:
        return table[word]
    if "-" in word or "’" in word or "'" in word:
        parts = [p for p in re.split(r"['’-]", word) if p]
        if len(parts) == 2 and parts[0] == parts[1]:  # "bagi-bagi" -> "bagi"
            return normalise_token(parts[0])
        joined: list[str] = []
        for part in parts:
            joined.extend(normalise_token(part))
        return tuple(joined)
    return (word,)


def words(text: str) -> list[Word]:
    """All normalised words of ``text`` in order, each with its original span."""
    out: list[Word] = []
    for match in TOKEN.finditer(text):
        start, end = match.span()
        for norm in normalise_token(match.group()):
            out.append(Word(norm, start, end))
    return out
