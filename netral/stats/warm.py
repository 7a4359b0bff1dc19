"""Compute the most-read figures right after a rebuild, so no visitor pays for them.

Cold, a national page runs 16-33 GROUP BYs over the whole summary table (about 1.5 s at
100,000 facts on a loaded 2-core server). `refresh_facts` calls `warm_figures` once the new
facts are in: the public page (national, every language), its election filter, the date of
the rebuild, the open-data resources and the dashboards of national staff are cached under
the new refresh's keys. With a cache shared by the processes (production: the file cache,
docs/deployment.md) every web worker then reads them; with a per-process cache only the
process that ran the rebuild does.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.filebased import FileBasedCache
from django.utils import translation

from netral.accounts.models import User
from netral.accounts.scope import Scope
from netral.cases.scoping import role_scopes
from netral.stats import dashboard, datapackage, public
from netral.stats.refresh import last_refresh

log = logging.getLogger(__name__)

# Distinct national dashboards (sets of roles) warmed at most; others are computed on view.
MAX_DASHBOARDS = 10
# No entry is cached longer than an hour: files older than this are expired for sure.
SWEEP_AFTER_SECONDS = 2 * 3600


def _national_dashboards() -> list[tuple[User, dict[str, Scope]]]:
    """One active user per distinct set of national case roles (their figures are shared)."""
    seen: set[str] = set()
    found: list[tuple[User, dict[str, Scope]]] = []
    users = User.objects.filter(is_active=True, role_assignments__national=True).distinct()
    for user in users.order_by("pk")[:200]:
        scopes = role_scopes(user)
        if not scopes or not all(s.national for s in scopes.values()):
            continue
        key = dashboard.scope_key(scopes)
        if key in seen:
            continue
        seen.add(key)
        found.append((user, scopes))
        if len(found) >= MAX_DASHBOARDS:
            break
    return found


def warm_figures() -> None:
    """Cache the national figures of the current refresh (see the module's docstring)."""
    last_refresh()
    public.election_choices()
    for name in datapackage.BUILDERS:
        next(datapackage.csv_chunks(name))
        datapackage.resource_json(name)
    sweep_file_cache()
    national = _national_dashboards()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            public.public_figures(public.PublicFilters())
            for user, scopes in national:
                dashboard.dashboard(user, dashboard.DashboardFilters(), scopes)


def sweep_file_cache(now: float | None = None) -> int:
    """Delete the file cache's expired entries (figures of earlier rebuilds); their number.

    The file cache removes an expired file only when it is read, and a past refresh's keys
    are never read again: without this its directory would grow by every rebuild.
    """
    backend = caches["default"]
    if not isinstance(backend, FileBasedCache):
        return 0
    limit = (now or time.time()) - SWEEP_AFTER_SECONDS
    removed = 0
    for path in Path(settings.CACHES["default"]["LOCATION"]).glob("*.djcache"):
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
                removed += 1
        except FileNotFoundError:  # another process swept or culled it meanwhile
            continue
    return removed
