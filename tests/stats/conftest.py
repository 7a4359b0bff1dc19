"""An election's worth of generated cases (the demo generator, smaller), and staff."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from netral.accounts.models import Role, User
from netral.demo.election import Staff, load_election_demo
from netral.stats.refresh import refresh_facts
from tests.accounts.factories import staff

REPORTS = 300


@dataclass
class People:
    verifier: User  # Kabupaten Bogor (32.01)
    analyst: User  # Bawaslu Jawa Barat (32)
    ppk: User  # PPK staff for Jawa Barat (32): sees cases from the PPK stage on
    supervisor: User  # national
    outsider: User  # identity custodian: no case role


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    cache.clear()  # figures are cached per refresh stamp; ids repeat between tests


def make_people() -> People:
    return People(
        verifier=staff("verif-bogor", Role.VERIFIER, regions=("32.01",)),
        analyst=staff("bawaslu-jabar", Role.BAWASLU_ANALYST, regions=("32",)),
        ppk=staff("ppk-jabar", Role.PPK_STAFF, regions=("32",)),
        supervisor=staff("bkn", Role.CENTRAL_SUPERVISOR, national=True),
        outsider=staff("kustodian", Role.IDENTITY_CUSTODIAN, national=True),
    )


def generate(people: People, reports: int = REPORTS) -> int:
    made = load_election_demo(
        Staff(people.verifier, people.analyst, people.supervisor, people.ppk), reports=reports
    )
    refresh_facts()
    return made


@pytest.fixture
def election(db: Any) -> People:
    people = make_people()
    generate(people)
    return people


def signed_in(user: User, client: Client | None = None) -> Client:
    """A client whose session passed TOTP, as a real staff session would."""
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="default", confirmed=True)
    client = client or Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client
