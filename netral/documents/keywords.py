"""The word lists of data/keywords.yaml as matchers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from netral.documents.loader import load_data
from netral.documents.phrases import PhraseMatcher

_YEAR_AFTER = re.compile(
    r"\s*(?:(?i:serentak|nasional)\s+)?(?:(?i:tahun)\s+)?((?:19|20)\d{2})(?!\d)"
)


@dataclass(frozen=True)
class Keywords:
    scope: PhraseMatcher
    election: PhraseMatcher
    prohibition: PhraseMatcher
    duty: PhraseMatcher
    issuance: PhraseMatcher
    date_cue: PhraseMatcher
    citation: PhraseMatcher
    event: PhraseMatcher
    vote_day: PhraseMatcher


@cache
def keywords() -> Keywords:
    data = load_data("keywords.yaml")
    return Keywords(
        scope=PhraseMatcher(data["scope"]),
        election=PhraseMatcher(data["election"]),
        prohibition=PhraseMatcher({"cue": data["prohibition_cues"]}),
        duty=PhraseMatcher({"cue": data["duty_cues"]}),
        issuance=PhraseMatcher({"cue": data["issuance_verbs"]}),
        date_cue=PhraseMatcher({"cue": data["date_cues"] + data["issuance_verbs"]}),
        citation=PhraseMatcher({"cue": data["citation_cues"]}),
        event=PhraseMatcher({"cue": data["event_cues"]}),
        vote_day=PhraseMatcher({"cue": data["vote_day_cues"]}),
    )


def elections_in(text: str, start: int, end: int) -> list[tuple[str, int | None, int]]:
    """(kind, year written right after it, offset) for each election named in text[start:end]."""
    found = []
    for match in keywords().election.finditer(text, start, end):
        year = _YEAR_AFTER.match(text, match.end)
        found.append((match.label, int(year.group(1)) if year else None, match.start))
    return found
