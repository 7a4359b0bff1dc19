"""Who can move a case on from its stage: no stage may wait for a role nobody holds.

A stage's owners are the roles of the transitions that carry a case forward from it (the
machine's `owner` transitions: referral and merging are side exits, not the stage's work).
A user can act when one of those role assignments covers the case: its region, its agency,
or the whole country, under the same stage limits as `scoping` (Bawaslu only on election
cases, PPK staff only from the PPK's stage on). Answered per (stage, region, agency,
election) so the sweep checks every open case with a handful of queries.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from netral.accounts.models import Role, RoleAssignment
from netral.cases import machine
from netral.cases.models import Case
from netral.cases.scoping import PPK_STAGES
from netral.org.models import Agency, Region


def stage_owners(stage: str) -> frozenset[str]:
    """The roles that do a stage's work (empty for a final stage)."""
    return frozenset(role for t in machine.transitions_from(stage) if t.owner for role in t.roles)


@dataclass(frozen=True)
class Place:
    """What scoping looks at: the stage, region code, agency (and its parent), election."""

    stage: str
    region_code: str | None
    agency_id: int | None
    agency_parent_id: int | None
    election: str

    @classmethod
    def of(cls, case: Case) -> Place:
        agency = case.agency
        return cls(
            case.stage,
            case.region.code if case.region else None,
            case.agency_id,
            agency.parent_id if agency else None,
            case.election,
        )


def _region_covers(codes: Iterable[str], region_code: str | None) -> bool:
    if region_code is None:
        return False
    return any(region_code == c or region_code.startswith(f"{c}.") for c in codes)


def _role_allows(role: str, place: Place) -> bool:
    if role == Role.BAWASLU_ANALYST:
        return bool(place.election)
    if role == Role.PPK_STAFF:
        return place.stage in PPK_STAGES
    return True


@dataclass(frozen=True)
class Holder:
    """One active role assignment, flattened for matching."""

    user_id: int
    role: str
    national: bool
    region_codes: frozenset[str]
    agency_ids: frozenset[int]

    def covers(self, place: Place) -> bool:
        if not _role_allows(self.role, place):
            return False
        if self.national or _region_covers(self.region_codes, place.region_code):
            return True
        return bool({place.agency_id, place.agency_parent_id} & self.agency_ids - {None})


def holders(roles: Iterable[str] | None = None) -> list[Holder]:
    """Every active user's case-role assignments (a few hundred rows in a deployment)."""
    rows = RoleAssignment.objects.filter(user__is_active=True).prefetch_related(
        "regions", "agencies"
    )
    if roles is not None:
        rows = rows.filter(role__in=list(roles))
    return [
        Holder(
            a.user_id,
            a.role,
            a.national,
            frozenset(r.code for r in a.regions.all()),
            frozenset(ag.pk for ag in a.agencies.all()),
        )
        for a in rows
    ]


def actors_for(place: Place, known: list[Holder] | None = None) -> set[int]:
    """Ids of the users who can do the work of `place.stage` for a case at `place`."""
    owners = stage_owners(place.stage)
    found = known if known is not None else holders(owners)
    return {h.user_id for h in found if h.role in owners and h.covers(place)}


def has_actor(case: Case, known: list[Holder] | None = None) -> bool:
    """Whether anyone can act on the case at its stage (final stages: nothing to do)."""
    if not stage_owners(case.stage):
        return True
    return bool(actors_for(Place.of(case), known))


def place_for(stage: str, region: Region | None, agency: Agency | None, election: str) -> Place:
    """A place from parts, for checking a case that is not in the database (the walk test)."""
    return Place(
        stage,
        region.code if region else None,
        agency.pk if agency else None,
        agency.parent_id if agency else None,
        election,
    )
