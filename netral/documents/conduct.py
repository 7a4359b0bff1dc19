"""Conduct codes a passage names, through the triage core's lexicon.

`netral.triage.match_conduct(text)` returns raw lexicon matches (`.code`, `.start`, `.end`,
`.text`) ignoring context; which passages are prohibitions is decided here, so the raw
matches are what we want. Imported on first use so that reading files and finding
instruments works without loading the triage lexicons.
"""

from __future__ import annotations

from dataclasses import dataclass

from netral.documents.model import Span


@dataclass(frozen=True)
class ConductHit:
    code: str
    start: int
    end: int
    text: str


def match_conduct(text: str, passages: list[Span]) -> list[ConductHit]:
    """Lexicon matches inside each passage of `text`, with offsets into `text`."""
    from netral.triage import match_conduct as triage_match

    hits = []
    for start, end in passages:
        for match in triage_match(text[start:end]):
            hits.append(ConductHit(match.code, start + match.start, start + match.end, match.text))
    return hits
