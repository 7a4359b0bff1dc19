"""Which instrument an article is about."""

from __future__ import annotations

from netral.documents.context import Context
from netral.documents.mentions import Mention, type_words


def choose_primary(context: Context, mentions: list[Mention]) -> int | None:
    """The index of the instrument the article is about, or None when there is none.

    Named in the headline, issued in its sentence, not cited as a basis; earliest on a tie.
    """
    if not mentions:
        return None
    head_start, head_end = context.headline()
    head_types = {word.label for word in type_words(context.text[head_start:head_end])}
    scores = [
        _score(context, mention, head_types, mentions[index - 1] if index else None)
        for index, mention in enumerate(mentions)
    ]
    return max(range(len(mentions)), key=lambda index: (scores[index], -index))


def _score(
    context: Context, mention: Mention, head_types: set[str], previous: Mention | None
) -> int:
    start, end = context.sentence(mention.start)
    score = 2 if mention.type in head_types else 0
    score += 2 if context.has_issuance_verb(start, end) else 0
    # A citation cue governs the next instrument named after it, not every one after it:
    # "Menindaklanjuti surat KASN ..., Gubernur mengeluarkan Surat Edaran ...".
    cue_from = max(start, previous.end) if previous is not None else start
    score -= 3 if context.cites_before(cue_from, mention.start) else 0
    score += 3 if mention.titled else 0  # the document is the instrument itself
    return score + (1 if mention.date or mention.number else 0)
