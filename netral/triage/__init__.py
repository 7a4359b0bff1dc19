"""Triage: Indonesian text to prohibited-conduct codes, evidence spans and entities.

Pure Python: nothing here imports Django. Public API (stable):

- ``match_conduct(text)``: raw lexicon matches, ignoring context;
"""

from netral.triage.lexicon import ConductMatch, match_conduct

__all__ = ["ConductMatch", "match_conduct"]
