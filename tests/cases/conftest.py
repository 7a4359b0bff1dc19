"""Builders for cases: places, people with roles, reports and cases moved along the chain."""

from __future__ import annotations

import datetime
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.cache import cache

from netral.accounts.models import Role, User
from netral.cases import services
from netral.cases.models import Case
from netral.intake.models import Report
from netral.intake.services import report_event_append
from netral.org.models import Agency, Employee, Region
from tests.accounts.factories import agency_in, staff


@dataclass
class World:
    bogor: Agency
    bandung: Agency
    kebumen: Agency
    camat: Employee  # in Bogor (32.01)
    guru: Employee  # in Bandung (32.73)
    verifier: User  # 32.01
    verifier_kebumen: User  # 33.05
    analyst: User  # Bawaslu, province 32
    ppk: User  # agency Bogor
    supervisor: User  # national
    custodian: User  # national, but no case role


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    """The queue keeps choice lists per user id; ids are reused between tests on SQLite."""
    cache.clear()


@pytest.fixture
def world(db: Any) -> World:
    bogor = agency_in("32.01", "Pemerintah Kabupaten Bogor")
    bandung = agency_in("32.73", "Pemerintah Kota Bandung")
    kebumen = agency_in("33.05", "Pemerintah Kabupaten Kebumen")
    camat = Employee.objects.create(
        nip="197803122005011003",
        name="Budi Santoso",
        status="PNS",
        position="Camat Cibinong",
        agency=bogor,
    )
    guru = Employee.objects.create(
        nip="198511042010012014", name="Dewi Lestari", status="PNS", position="Guru", agency=bandung
    )
    return World(
        bogor=bogor,
        bandung=bandung,
        kebumen=kebumen,
        camat=camat,
        guru=guru,
        verifier=staff("verif-bogor", Role.VERIFIER, regions=("32.01",)),
        verifier_kebumen=staff("verif-kebumen", Role.VERIFIER, regions=("33.05",)),
        analyst=staff("bawaslu-jabar", Role.BAWASLU_ANALYST, regions=("32",)),
        ppk=staff("ppk-bogor", Role.PPK_STAFF, agencies=(bogor,)),
        supervisor=staff("bkn", Role.CENTRAL_SUPERVISOR, national=True),
        custodian=staff("kustodian", Role.IDENTITY_CUSTODIAN, national=True),
    )


def make_report(
    region_code: str = "32.01",
    *,
    text: str = "Camat mengunggah ajakan memilih pasangan calon di akun Facebook pribadinya.",
    election: str = "PILKADA",
    occurred_on: datetime.date | None = datetime.date(2024, 10, 14),
    subject_name: str = "Budi Santoso",
    created_at: datetime.datetime | None = None,
) -> Report:
    extra = {"created_at": created_at} if created_at else {}
    report = Report.objects.create(
        receipt=f"{secrets.randbelow(10**16):016d}",
        secret_digest="0" * 64,
        text=text,
        occurred_on=occurred_on,
        region=Region.objects.get(code=region_code),
        election=election,
        subject_name=subject_name,
        subject_position="Camat",
        subject_agency="Pemkab Bogor",
        identity_mode="anonymous",
        suggested_codes=["MEDSOS_UNGGAH"],
        **extra,
    )
    # As report_submit does: every report's timeline starts with its receipt.
    report_event_append(report=report, kind="RECEIVED", status="RECEIVED")
    return report


def new_case(region_code: str = "32.01", **kwargs: Any) -> Case:
    return services.case_open_for_report(report=make_report(region_code, **kwargs))


@pytest.fixture
def case_factory(world: World) -> Callable[..., Case]:
    return new_case


def fresh(case: Case) -> Case:
    return Case.objects.get(pk=case.pk)


def act(case: Case, action: str, actor: User, reason: str = "", **payload: Any) -> Case:
    case = fresh(case)
    return services.case_transition(
        case=case,
        action=action,
        actor=actor,
        reason=reason,
        expected_version=case.version,
        payload=payload or None,
    )


def verified_for_review(world: World, case: Case) -> Case:
    """RECEIVED → VERIFICATION with the subject linked and facts confirmed."""
    case = act(case, "start_verification", world.verifier)
    case = services.case_subject_link(
        case=case, actor=world.verifier, employee=world.camat, expected_version=case.version
    )
    return services.case_facts_update(
        case=case,
        actor=world.verifier,
        expected_version=case.version,
        confirmed_codes=["MEDSOS_UNGGAH"],
        incident_date=datetime.date(2024, 10, 14),
        candidate_status="CALON",
    )


def at_recommendation(world: World, case: Case) -> Case:
    case = verified_for_review(world, case)
    case = act(case, "send_to_bawaslu", world.verifier)
    return act(case, "bawaslu_violation_found", world.analyst, "Unggahan terbukti dibuat sendiri.")


def signed(world: World, case: Case) -> Case:
    case = at_recommendation(world, case)
    prefill = services.recommendation_prefill(case=case)
    option = prefill.options[0]
    services.recommendation_sign(
        case=case,
        actor=world.supervisor,
        chosen_track=option["track"],
        chosen_sanction=option["sanctions"][0],
        note="",
        expected_version=case.version,
    )
    return fresh(case)
