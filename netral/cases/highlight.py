"""Triage evidence spans as text segments, for server-side highlighting.

The template prints each segment with autoescaping on and wraps marked ones in `<mark>`:
no HTML is ever built from the reporter's text. Pure Python, no Django.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Segment:
    text: str
    codes: tuple[str, ...] = ()  # empty: plain text


def _valid_spans(text: str, evidence: Iterable[Mapping[str, Any]]) -> list[tuple[int, int, str]]:
    """Spans whose offsets fit the text (and match their quote, when one is given)."""
    spans = []
    for item in evidence:
        start, end, code = item.get("start"), item.get("end"), str(item.get("code", ""))
        if not isinstance(start, int) or not isinstance(end, int):
            continue
        if not 0 <= start < end <= len(text):
            continue
        quote = item.get("text")
        if isinstance(quote, str) and quote and text[start:end] != quote:
            continue  # stale offsets (the text changed): better no mark than a wrong one
        spans.append((start, end, code))
    return spans


def segments(text: str, evidence: Iterable[Mapping[str, Any]] | None) -> list[Segment]:
    """Cut `text` at every span boundary; overlapping spans carry all their codes."""
    spans = _valid_spans(text, evidence or ())
    if not spans:
        return [Segment(text)] if text else []
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out: list[Segment] = []
    for left, right in itertools.pairwise(cuts):
        codes = tuple(sorted({c for s, e, c in spans if s <= left and right <= e}))
        piece = text[left:right]
        if out and out[-1].codes == codes:
            out[-1] = Segment(out[-1].text + piece, codes)
        else:
            out.append(Segment(piece, codes))
    return out


def excerpt(
    text: str, evidence: Iterable[Mapping[str, Any]] | None, width: int = 320
) -> list[Segment]:
    """A window of about `width` characters around the first evidence span, highlighted."""
    spans = _valid_spans(text, evidence or ())
    if len(text) <= width:
        return segments(text, spans_as_evidence(spans))
    first = min((s for s, _, _ in spans), default=0)
    start = max(0, min(first - width // 4, len(text) - width))
    end = start + width
    inside = [
        (max(s, start) - start, min(e, end) - start, c)
        for s, e, c in spans
        if s < end and e > start
    ]
    out = segments(text[start:end], spans_as_evidence(inside))
    if start > 0:
        out.insert(0, Segment("…"))
    if end < len(text):
        out.append(Segment("…"))
    return out


def spans_as_evidence(spans: Iterable[tuple[int, int, str]]) -> list[dict[str, Any]]:
    return [{"start": s, "end": e, "code": c} for s, e, c in spans]
