"""Where an instrument's page is, once the instrument registry exists.

The registry (its own issue) is not built yet: every look-up says "nowhere", and pages
cite the instrument by its catalogue id and title. When the registry lands, this is the
one place to point at it.
"""

from __future__ import annotations


def instrument_url(instrument_id: str) -> str | None:
    """The registry page of an instrument, or None when the registry has none."""
    return None
