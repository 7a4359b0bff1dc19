"""Small builders for people, places and roles used across the suite."""

from __future__ import annotations

from netral.accounts.models import Role, RoleAssignment, User
from netral.org.models import Agency, AgencyLevel, Employee, Region


def agency_in(region_code: str, name: str | None = None) -> Agency:
    region = Region.objects.get(code=region_code)
    return Agency.objects.create(
        name=name or f"Pemerintah {region.name}",
        level=AgencyLevel.PROVINCE if "." not in region_code else AgencyLevel.REGENCY_CITY,
        region=region,
    )


def employee_of(agency: Agency, nip: str, name: str) -> Employee:
    return Employee.objects.create(nip=nip, name=name, status="PNS", agency=agency)


def staff(
    username: str,
    role: Role,
    *,
    regions: tuple[str, ...] = (),
    agencies: tuple[Agency, ...] = (),
    national: bool = False,
) -> User:
    user = User.objects.create_user(username=username, password="a-long-test-password-1")
    assignment = RoleAssignment.objects.create(user=user, role=role, national=national)
    assignment.regions.set(Region.objects.filter(code__in=regions))
    assignment.agencies.set(agencies)
    return user
