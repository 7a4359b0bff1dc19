"""A stamp that changes with every write to the registry or the pledges: the key part of
their cached pages.

Every state-changing registry and pledge service records an audit entry, which moves the
head of its audit chain in the same transaction; the stamp is those heads, read with one
primary-key query per request. A publication, edit, withdrawal, pledge event or signature
import (and a roster import, which changes the pledge pages' headcounts) is therefore seen
by every process at once, with no invalidation to forget.
"""

from __future__ import annotations

from collections.abc import Iterable

from netral.audit import Chain
from netral.audit.models import ChainHead

REGISTRY_CHAINS = (Chain.REGISTRY,)
PLEDGE_CHAINS = (Chain.PLEDGES, Chain.ROSTER)
# Cached pages also expire after this long: region names and the catalogue change rarely
# and without an audit entry in these chains.
CACHE_SECONDS = 300


def change_stamp(chains: Iterable[str]) -> str:
    wanted = sorted(str(c) for c in chains)
    heads = dict(ChainHead.objects.filter(chain__in=wanted).values_list("chain", "seq"))
    return "-".join(f"{c}{heads.get(c, 0)}" for c in wanted)
