"""Triage: Indonesian text to prohibited-conduct codes, evidence spans and entities.

Pure Python: nothing here imports Django. Public API (stable):

- ``triage(text) -> TriageResult``: the decision (``codes``), scores, evidence spans,
  entities and context; ``TriageResult.to_dict()`` is the CLI output without ``id``;
- ``match_conduct(text) -> list[ConductMatch]``: raw lexicon matches, ignoring context
  (a circular that prohibits putting up banners yields ``APK_PASANG`` here).
"""

from netral.triage.codes import CONDUCT_CODES
from netral.triage.engine import Evidence, TriageResult, triage
from netral.triage.lexicon import ConductMatch, match_conduct

__all__ = ["CONDUCT_CODES", "ConductMatch", "Evidence", "TriageResult", "match_conduct", "triage"]
