"""Who may see what: selectors filter by the actor's jurisdiction inside the query.

An object outside a user's scope is simply not found; nothing checks visibility after the
fact.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from netral.accounts.models import Role, User
from netral.org.models import Agency, Employee


@dataclass(frozen=True)
class Scope:
    national: bool = False
    region_codes: frozenset[str] = field(default_factory=frozenset)
    agency_ids: frozenset[int] = field(default_factory=frozenset)

    @property
    def empty(self) -> bool:
        return not (self.national or self.region_codes or self.agency_ids)


def scopes_by_role(user: User, roles: Iterable[str] | None = None) -> dict[str, Scope]:
    """Each role the user holds (optionally only `roles`), with its scope."""
    if not user.is_authenticated or not user.is_active:
        return {}
    assignments = user.role_assignments.prefetch_related("regions", "agencies")
    if roles is not None:
        assignments = assignments.filter(role__in=list(roles))
    return {
        a.role: Scope(
            a.national,
            frozenset(r.code for r in a.regions.all()),
            frozenset(ag.pk for ag in a.agencies.all()),
        )
        for a in assignments
    }


def scope_for(user: User, roles: tuple[Role, ...] | None = None) -> Scope:
    """The union of the scopes of the user's role assignments (optionally only `roles`)."""
    return union(scopes_by_role(user, roles).values())


def union(scopes: Iterable[Scope]) -> Scope:
    """One scope covering each of `scopes`."""
    scopes = list(scopes)
    return Scope(
        any(s.national for s in scopes),
        frozenset(code for s in scopes for code in s.region_codes),
        frozenset(pk for s in scopes for pk in s.agency_ids),
    )


def region_filter(field_path: str, codes: frozenset[str]) -> Q:
    """Regions given by code, and everything below them (`32` covers `32.01`).

    `field_path` leads from the queried model to a Region ("" when querying Region itself).
    """
    prefix = f"{field_path}__" if field_path else ""
    condition = Q(pk__in=[])
    for code in codes:
        condition |= Q(**{f"{prefix}code": code})
        condition |= Q(**{f"{prefix}code__startswith": f"{code}."})
    return condition


def agency_filter(scope: Scope, agency_path: str = "") -> Q:
    prefix = f"{agency_path}__" if agency_path else ""
    if scope.national:
        return Q()
    condition = Q(pk__in=[])
    if scope.agency_ids:
        condition |= Q(**{f"{prefix}pk__in": scope.agency_ids})
        condition |= Q(**{f"{prefix}parent_id__in": scope.agency_ids})
    if scope.region_codes:
        condition |= region_filter(f"{prefix}region", scope.region_codes)
    return condition


def agencies_visible_to(user: User) -> QuerySet[Agency]:
    scope = scope_for(user)
    if scope.empty:
        return Agency.objects.none()
    return Agency.objects.filter(agency_filter(scope)).distinct()


def employees_visible_to(user: User) -> QuerySet[Employee]:
    scope = scope_for(user)
    if scope.empty:
        return Employee.objects.none()
    return Employee.objects.filter(agency_filter(scope, "agency")).select_related("agency")
