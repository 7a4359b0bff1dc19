"""Conduct codes named in a text: the triage core's lexicon when installed.

`netral.triage.match_conduct(text)` returns raw lexicon matches (with `.code`, `.start`,
`.end`, `.text`). When the triage core is absent, a small lexicon of our own
(`data/conduct_fallback.yaml`), written for how circulars word their prohibitions, is used.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from netral.documents.loader import load_data


@dataclass(frozen=True)
class ConductHit:
    code: str
    start: int
    end: int
    text: str


def _fallback_lexicon() -> list[tuple[str, re.Pattern[str]]]:
    conduct: dict[str, list[str]] = load_data("conduct_fallback.yaml")["conduct"]
    return [(code, re.compile(p, re.IGNORECASE)) for code, ps in conduct.items() for p in ps]


def match_fallback(text: str) -> list[ConductHit]:
    hits = [
        ConductHit(code, m.start(), m.end(), m.group())
        for code, regex in _fallback_lexicon_cached()
        for m in regex.finditer(text)
    ]
    return sorted(hits, key=lambda hit: hit.start)


@cache
def _fallback_lexicon_cached() -> list[tuple[str, re.Pattern[str]]]:
    return _fallback_lexicon()


@cache
def _triage_matcher() -> Callable[[str], Sequence[Any]] | None:
    try:
        triage = importlib.import_module("netral.triage")
    except ImportError:
        return None
    matcher = getattr(triage, "match_conduct", None)
    return matcher if callable(matcher) else None


def matcher_name() -> str:
    return "netral.triage.match_conduct" if _triage_matcher() else "documents.conduct_fallback.v1"


def match_conduct(text: str) -> list[ConductHit]:
    """Every conduct-lexicon match in `text`, ignoring context."""
    triage = _triage_matcher()
    if triage is None:
        return match_fallback(text)
    return [ConductHit(str(m.code), int(m.start), int(m.end), str(m.text)) for m in triage(text)]
