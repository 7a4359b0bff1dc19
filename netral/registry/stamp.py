"""A stamp that changes with every write to the registry: the key part of its cached
coverage pages.

Every state-changing registry service records an audit entry, which moves the head of its
audit chain in the same transaction; the stamp is those heads, read with one primary-key
query per request. A publication, edit or withdrawal is therefore seen by every process at
once, with no invalidation to forget. (The pledge pages are not cached: roster edits in
the admin write no audit entry, so a stamp could not see them.)
"""

from __future__ import annotations

from collections.abc import Iterable

from netral.audit import Chain
from netral.audit.models import ChainHead

REGISTRY_CHAINS = (Chain.REGISTRY,)
# Cached pages also expire after this long: region names and the catalogue change rarely
# and without an audit entry in these chains.
CACHE_SECONDS = 300


def change_stamp(chains: Iterable[str]) -> str:
    wanted = sorted(str(c) for c in chains)
    heads = dict(ChainHead.objects.filter(chain__in=wanted).values_list("chain", "seq"))
    return "-".join(f"{c}{heads.get(c, 0)}" for c in wanted)
