"""The parts of a document that list prohibitions.

A sentence with a prohibition cue ("dilarang", "larangan") is one; a line that introduces
a list ("... dilarang ..., dengan cara:") takes in the list items after it, until a line
that is not an item or that starts a list of duties ("mewajibkan").
"""

from __future__ import annotations

import re

from netral.documents.context import Context
from netral.documents.keywords import keywords
from netral.documents.model import Span

_LIST_ITEM = re.compile(
    r"\s*(?:[-–—•*·]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s*\S|\s*(?:Me|Ber|Ter|Di|Ikut|Per)[a-z]{2,}\b"
)
_MAX_ITEMS = 25


def prohibition_passages(context: Context) -> list[Span]:
    spans: list[Span] = []
    lines = context.layout.lines
    index = 0
    while index < len(lines):
        start, end = lines[index]
        if not _has(context, "prohibition", start, end):
            index += 1
            continue
        spans += _cue_sentences(context, start, end)
        index += 1
        if context.text[start:end].rstrip().endswith(":"):
            taken = 0
            while index < len(lines) and taken < _MAX_ITEMS and _is_item(context, *lines[index]):
                spans.append(lines[index])
                index += 1
                taken += 1
    return spans


def _has(context: Context, cue: str, start: int, end: int) -> bool:
    matcher = keywords().prohibition if cue == "prohibition" else keywords().duty
    return next(matcher.finditer(context.text, start, end), None) is not None


def _cue_sentences(context: Context, start: int, end: int) -> list[Span]:
    found = []
    for sentence_start, sentence_end in context.layout.sentences:
        inside = start <= sentence_start < end
        if inside and _has(context, "prohibition", sentence_start, sentence_end):
            found.append((sentence_start, sentence_end))
    return found


def _is_item(context: Context, start: int, end: int) -> bool:
    if _has(context, "duty", start, end) and not _has(context, "prohibition", start, end):
        return False
    return _LIST_ITEM.match(context.text, start, end) is not None
