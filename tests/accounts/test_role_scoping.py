"""Roles see only their jurisdiction; a role without a scope sees nothing."""

from __future__ import annotations

import pytest

from netral.accounts.models import Role
from netral.accounts.scope import agencies_visible_to, employees_visible_to, region_filter
from netral.org.models import Agency
from tests.accounts.factories import agency_in, employee_of, staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_regencies() -> dict[str, object]:
    bogor = agency_in("32.01")
    bandung = agency_in("32.73")
    kebumen = agency_in("33.05")
    return {
        "bogor": employee_of(bogor, "197803122005011003", "Camat Bogor"),
        "bandung": employee_of(bandung, "198511042010012014", "Guru Bandung"),
        "kebumen": employee_of(kebumen, "199002202019031007", "Lurah Kebumen"),
    }


def test_verifier_cannot_see_another_regencys_employees(two_regencies: dict) -> None:
    verifier = staff("v-bogor", Role.VERIFIER, regions=("32.01",))
    visible = set(employees_visible_to(verifier))
    assert visible == {two_regencies["bogor"]}


def test_a_province_scope_covers_its_regencies_and_cities_only(two_regencies: dict) -> None:
    analyst = staff("bawaslu-jabar", Role.BAWASLU_ANALYST, regions=("32",))
    visible = set(employees_visible_to(analyst))
    assert visible == {two_regencies["bogor"], two_regencies["bandung"]}


def test_region_scopes_match_whole_code_segments_not_string_prefixes(two_regencies: dict) -> None:
    bandung = two_regencies["bandung"].agency  # region 32.73
    assert Agency.objects.filter(region_filter("region", frozenset({"32.7"}))).count() == 0
    assert list(Agency.objects.filter(region_filter("region", frozenset({"32.73"})))) == [bandung]


def test_an_agency_scope_covers_that_agency_and_its_units(two_regencies: dict) -> None:
    parent = two_regencies["bogor"].agency
    unit = agency_in("32.01", name="Dinas Pendidikan Kabupaten Bogor")
    unit.parent = parent
    unit.save()
    teacher = employee_of(unit, "199204112020122009", "Guru Dinas")
    ppk_staff = staff("ppk-bogor", Role.PPK_STAFF, agencies=(parent,))
    assert set(employees_visible_to(ppk_staff)) == {two_regencies["bogor"], teacher}
    assert set(agencies_visible_to(ppk_staff)) == {parent, unit}


def test_a_role_with_no_scope_sees_nothing_by_default(two_regencies: dict) -> None:
    unscoped = staff("lost", Role.VERIFIER)
    assert not employees_visible_to(unscoped).exists()
    assert not agencies_visible_to(unscoped).exists()


def test_national_scope_must_be_explicit_and_then_sees_everything(two_regencies: dict) -> None:
    supervisor = staff("bkn", Role.CENTRAL_SUPERVISOR, national=True)
    assert set(employees_visible_to(supervisor)) == set(two_regencies.values())


def test_a_deactivated_account_loses_its_scope(two_regencies: dict) -> None:
    verifier = staff("gone", Role.VERIFIER, regions=("32.01",))
    verifier.is_active = False
    verifier.save()
    assert not employees_visible_to(verifier).exists()
