"""Features the learned component sees: stems, stem pairs, and what context found."""

from __future__ import annotations

from netral.triage.analysis import Analysis
from netral.triage.context import Context

NAME = "triage.features.v1"

# function words that carry no conduct signal and only add noise to a small corpus
_SKIP = frozenset(
    {"yang", "di", "ke", "dan", "itu", "ini", "dengan", "untuk", "pada", "dari", "dalam", "ada"}
)


def features(analysis: Analysis, context: Context) -> set[str]:
    out: set[str] = set()
    previous = ""
    previous_sentence = -1
    for token in analysis.tokens:
        if token.stem in _SKIP or token.norm.isdigit():
            previous = ""
            continue
        out.add(f"w:{token.stem}")
        if previous and token.sentence == previous_sentence:
            out.add(f"b:{previous}_{token.stem}")
        previous, previous_sentence = token.stem, token.sentence
    for kind in context.kinds:
        out.add(f"ctx:{kind}")
    if context.incident:
        out.add("ctx:incident")
    out.add(f"subject:{context.subject}")
    return out
