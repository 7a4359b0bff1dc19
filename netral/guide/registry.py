"""Where an instrument's page is in the instrument registry (netral.registry).

The rules pages cite instruments by their catalogue id (`SKB-2022`); when a published
registry instrument carries that id, its public page is the link. The id → page map is
one query, cached briefly and dropped whenever an instrument is published or changed.
"""

from __future__ import annotations

from django.core.cache import cache
from django.urls import reverse

CACHE_SECONDS = 300


def instrument_url(instrument_id: str) -> str | None:
    """The registry page of a catalogued instrument, or None when the registry has none."""
    from netral.registry.selectors import catalogue_links
    from netral.registry.services import CATALOGUE_LINKS_KEY

    links = cache.get(CATALOGUE_LINKS_KEY)
    if links is None:
        links = catalogue_links()
        cache.set(CATALOGUE_LINKS_KEY, links, CACHE_SECONDS)
    pk = links.get(instrument_id)
    return reverse("registry:instrument", args=[pk]) if pk else None
