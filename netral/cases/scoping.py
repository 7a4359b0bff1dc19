"""Which cases a user's roles cover, as a `Q` used inside every case query.

Deny by default: only the roles listed in `ROLE_STAGE_LIMITS` see cases, each within its
assignment's regions/agencies (or nationally when set explicitly), and some only at
certain stages. Everything is one SQL condition with subqueries, so a caller never loads
a case first and checks it afterwards.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q

from netral.accounts.models import Role, User
from netral.accounts.scope import Scope, region_filter, scopes_by_role
from netral.cases.models import Case, Stage
from netral.org.models import Agency, Region

PPK_STAGES = (Stage.PPK_FOLLOW_UP, Stage.SANCTION_EXECUTED, Stage.CLOSED)
CASE_ROLES = (Role.VERIFIER, Role.BAWASLU_ANALYST, Role.PPK_STAFF, Role.CENTRAL_SUPERVISOR)


def role_scopes(user: User) -> dict[str, Scope]:
    """Each case role the user holds, with its scope."""
    return scopes_by_role(user, CASE_ROLES)


def scope_condition(scope: Scope) -> Q:
    """Cases whose region or agency the scope covers."""
    if scope.national:
        return Q()
    condition = Q(pk__in=[])
    if scope.region_codes:
        regions = Region.objects.filter(region_filter("", scope.region_codes)).values("pk")
        condition |= Q(region_id__in=regions)
    if scope.agency_ids:
        agencies = Agency.objects.filter(
            Q(pk__in=scope.agency_ids) | Q(parent_id__in=scope.agency_ids)
        ).values("pk")
        condition |= Q(agency_id__in=agencies)
    return condition


def _role_limit(role: str) -> Q:
    if role == Role.BAWASLU_ANALYST:
        return ~Q(election="")
    if role == Role.PPK_STAFF:
        return Q(stage__in=PPK_STAGES)
    return Q()


# Roles that decide on a case (find it proven, sign, impose the sanction): they read its
# reports, evidence and messages too. The reporter's identity stays under the custodian's
# rules (netral.intake.selectors.identity_visibility), whoever reads the report.
DECIDER_ROLES = (Role.BAWASLU_ANALYST, Role.CENTRAL_SUPERVISOR, Role.PPK_STAFF)


def reports_of_decided_cases(user: User) -> Q | None:
    """A condition on intake reports: those of cases the user decides on, if any."""
    condition = cases_condition(role_scopes(user), DECIDER_ROLES)
    if condition is None:
        return None
    return Q(case_link__case__in=Case.objects.filter(condition).values("pk"))


def cases_condition(scopes: dict[str, Scope], roles: Iterable[str] | None = None) -> Q | None:
    """The OR of the given roles' conditions; None when no role applies (see nothing)."""
    wanted = set(scopes) if roles is None else set(scopes) & set(roles)
    condition: Q | None = None
    for role in sorted(wanted):
        scope = scopes[role]
        if scope.empty:
            continue
        part = scope_condition(scope) & _role_limit(role)
        condition = part if condition is None else condition | part
    return condition
