"""Which agencies a user records pledges for: the registry's roles (BKPSDM personnel staff,
central supervisors, administrators) within their assignment's regions or agencies."""

from __future__ import annotations

from django.db.models import QuerySet

from netral.accounts.models import User
from netral.accounts.scope import agency_filter, scope_for
from netral.org.models import Agency
from netral.registry.access import REGISTRY_ROLES


def pledge_agencies(user: User) -> QuerySet[Agency]:
    """Top-level agencies (not units) the user records pledges for."""
    scope = scope_for(user, REGISTRY_ROLES)
    if scope.empty:
        return Agency.objects.none()
    return (
        Agency.objects.filter(agency_filter(scope), parent__isnull=True)
        .select_related("region")
        .order_by("region__code", "name")
    )
