"""Names as reporters write them: titles stripped, case and punctuation folded.

Pure Python (no Django), shared by identity search and duplicate suggestions.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from netral.datafiles import read_strict_yaml

TITLES_FILE = Path(__file__).resolve().parent / "data" / "name_titles.yaml"
_TOKEN = re.compile(r"\S+")
_NOT_LETTER = re.compile(r"[^a-z]")


@cache
def _titles() -> tuple[frozenset[str], frozenset[str]]:
    data = read_strict_yaml(TITLES_FILE)
    return frozenset(data["prefixes"]), frozenset(data["suffixes"])


def _key(token: str) -> str:
    return _NOT_LETTER.sub("", token.lower())


def bare_name(name: str) -> str:
    """`"Drs. H. Budi Santoso, S.Pd., M.Si."` → `"budi santoso"`.

    Degrees follow a comma by convention, so everything after the first comma goes; titles
    before the name go while they lead; degree-looking tokens at the end go too (reporters
    often drop the comma).
    """
    prefixes, suffixes = _titles()
    tokens = [_key(t) for t in _TOKEN.findall(name.split(",", 1)[0])]
    tokens = [t for t in tokens if t]
    while len(tokens) > 1 and tokens[0] in prefixes:
        tokens.pop(0)
    while len(tokens) > 1 and tokens[-1] in suffixes:
        tokens.pop()
    return " ".join(tokens)


def folded(text: str) -> str:
    """Lower case, letters and digits only, single spaces (for position and agency)."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))
