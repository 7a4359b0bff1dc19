"""The extracted text cut at the evidence spans, for highlighting in the review form.

Templates print each piece autoescaped and wrap marked ones in `<mark>`; no HTML is built
from the document's text. Pure Python.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Piece:
    text: str
    fields: tuple[str, ...] = ()  # evidence names ("number", "conduct:APK_PASANG"); () plain


def pieces(text: str, evidence: Mapping[str, Sequence[int]]) -> list[Piece]:
    spans = [
        (int(span[0]), int(span[1]), name)
        for name, span in evidence.items()
        if len(span) == 2 and 0 <= int(span[0]) < int(span[1]) <= len(text)
    ]
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    result = []
    for start, end in itertools.pairwise(cuts):
        names = tuple(sorted(n for s, e, n in spans if s <= start and end <= e))
        result.append(Piece(text[start:end], names))
    return result


def quotes(text: str, evidence: Mapping[str, Sequence[int]]) -> dict[str, str]:
    """Each field's evidence as the text writes it."""
    return {
        name: text[int(span[0]) : int(span[1])]
        for name, span in evidence.items()
        if len(span) == 2 and 0 <= int(span[0]) < int(span[1]) <= len(text)
    }
