"""The two ways the rules core refuses: bad input, and bad catalogue data."""

from __future__ import annotations


class RulesError(ValueError):
    """Facts or arguments the engine cannot use; the message is in English."""


class CatalogueError(ValueError):
    """A data file that breaks the catalogue schema; the message names file and key."""
