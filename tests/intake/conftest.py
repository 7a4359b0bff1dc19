"""Fixtures for intake: regions, staff with verified second factor, report helpers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from netral.accounts.models import RoleAssignment, User
from netral.org.models import Region, RegionLevel
from tests.security.media_samples import photo_with_gps

API = "/api/v1/reports"


@pytest.fixture
def regions(db: None) -> dict[str, Region]:
    """A province with one regency, and another province (present or not from migrations)."""

    def region(code: str, name: str, level: str, parent: Region | None = None) -> Region:
        found, _ = Region.objects.get_or_create(
            code=code, defaults={"name": name, "level": level, "parent": parent}
        )
        return found

    west_java = region("32", "JAWA BARAT", RegionLevel.PROVINCE)
    bandung = region("32.04", "KABUPATEN BANDUNG", RegionLevel.REGENCY, west_java)
    east_java = region("35", "JAWA TIMUR", RegionLevel.PROVINCE)
    return {"32": west_java, "32.04": bandung, "35": east_java}


def staff_client(
    username: str, role: str, *, regions: list[Region] = (), national: bool = False
) -> tuple[Client, User]:
    """A logged-in client whose session has passed TOTP, as a real staff session would."""
    user = User.objects.create_user(username=username, password="kata-sandi-panjang-sekali")
    assignment = RoleAssignment.objects.create(user=user, role=role, national=national)
    assignment.regions.set(regions)
    device = TOTPDevice.objects.create(user=user, name="default", confirmed=True)
    client = Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client, user


@pytest.fixture
def make_staff(db: None) -> Callable[..., tuple[Client, User]]:
    return staff_client


def report_fields(**overrides: Any) -> dict[str, Any]:
    fields = {
        "text": (
            "Camat Sukamaju berfoto bersama calon bupati nomor urut 2 sambil mengacungkan "
            "dua jari, lalu fotonya diunggah ke akun Facebook pribadinya."
        ),
        "occurred_on": "2024-11-10",
        "region_code": "32.04",
        "election": "PILKADA",
        "subject_name": "Drs. Asep Hidayat",
        "subject_position": "Camat Sukamaju",
        "subject_agency": "Pemerintah Kabupaten Bandung",
        "identity": "confidential",
        "reporter_name": "Rina Wulandari",
        "reporter_contact": "0812-1111-2222",
    }
    fields.update(overrides)
    return {key: value for key, value in fields.items() if value is not None}


def upload(name: str, data: bytes, content_type: str = "image/jpeg") -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type=content_type)


@pytest.fixture
def submit(client: Client, regions: dict[str, Region]) -> Callable[..., Any]:
    """POST /api/v1/reports with sensible fields; keyword overrides, `files=[...]`."""

    def post(files: list[Any] | None = None, **overrides: Any) -> Any:
        data = report_fields(**overrides)
        if files is not None:
            data["files"] = files
        return client.post(API, data=data)

    return post


@pytest.fixture
def gps_photo() -> bytes:
    return photo_with_gps()
