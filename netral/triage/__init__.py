"""Triage: Indonesian text to prohibited-conduct codes, evidence spans and entities.

Pure Python: nothing here imports Django. Public API (stable):

- ``triage(text) -> TriageResult``: the decision (``codes``), scores, evidence spans,
  entities and context; ``TriageResult.to_dict()`` is the CLI output without ``id``;
- ``match_conduct(text) -> list[ConductMatch]``: raw lexicon matches, ignoring context
  (a circular that prohibits putting up banners yields ``APK_PASANG`` here);
- ``use_model(model)``: score with this ``LinearModel`` (None: rules alone) in this
  process instead of the one cached for this corpus and code (``model_key()``).
"""

from netral.triage.codes import CONDUCT_CODES
from netral.triage.engine import Evidence, TriageResult, triage
from netral.triage.lexicon import ConductMatch, match_conduct
from netral.triage.model import LinearModel, model_key, use_model

__all__ = [
    "CONDUCT_CODES",
    "ConductMatch",
    "Evidence",
    "LinearModel",
    "TriageResult",
    "match_conduct",
    "model_key",
    "triage",
    "use_model",
]
