"""Who may write to the registry, and for which regions.

A region's personnel staff (BKPSDM; role PPK_STAFF) publish for the regions their
assignment covers (a province covers its regencies and cities; an assignment by agency
covers the agency's region); central supervisors and administrators with a national
assignment publish for every region and for national instruments. Deny by default.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from netral.accounts.models import Role, User
from netral.accounts.scope import Scope, region_filter, scope_for
from netral.org.models import Agency, Region

REGISTRY_ROLES = (Role.PPK_STAFF, Role.CENTRAL_SUPERVISOR, Role.ADMINISTRATOR)


@dataclass(frozen=True)
class PublishScope:
    national: bool
    region_codes: frozenset[str]

    @property
    def empty(self) -> bool:
        return not (self.national or self.region_codes)

    def covers(self, region: Region | None) -> bool:
        """Whether instruments of `region` (None: national) may be written."""
        if self.national:
            return True
        if region is None:
            return False
        return any(region.code == c or region.code.startswith(f"{c}.") for c in self.region_codes)

    def region_condition(self, field_path: str = "region") -> Q:
        if self.national:
            return Q()
        return region_filter(field_path, self.region_codes)


def publish_scope(user: User) -> PublishScope:
    scope: Scope = scope_for(user, REGISTRY_ROLES)
    codes = set(scope.region_codes)
    if scope.agency_ids:
        codes |= set(
            Agency.objects.filter(pk__in=scope.agency_ids, region__isnull=False).values_list(
                "region__code", flat=True
            )
        )
    return PublishScope(scope.national, frozenset(codes))


def regions_for(scope: PublishScope) -> QuerySet[Region]:
    if scope.empty:
        return Region.objects.none()
    return Region.objects.filter(scope.region_condition(""))
