"""The recommendation letter an office would sign, read back from the PDF as text."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from pypdf import PdfReader

from netral.accounts.models import User
from netral.cases import services
from netral.cases.letters import recipient_lines
from netral.cases.models import Case, Stage
from tests.cases.conftest import World, at_recommendation, fresh, new_case, signed

pytestmark = pytest.mark.django_db

HEADS = {
    "BKN": {
        "institution": "Badan Kepegawaian Negara",
        "office": "Kantor Regional III",
        "address": "Jalan Surapati Nomor 1",
        "city": "Bandung",
        "code": "KR3",
        "signer_title": "Kepala Kantor Regional III",
    }
}


@pytest.fixture(autouse=True)
def _letterhead(settings: Any) -> None:
    settings.NETRAL_LETTERHEADS = {**HEADS, "KASN": HEADS["BKN"]}


def letter_text(case: Case) -> str:
    with case.recommendation.letter.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_letter_has_the_letterhead_a_number_and_the_decision(world: World) -> None:
    case = signed(world, new_case())
    text = letter_text(case)
    flat = " ".join(text.split())
    assert "BADAN KEPEGAWAIAN NEGARA" in flat
    assert "KANTOR REGIONAL III" in flat
    assert "Jalan Surapati Nomor 1" in flat
    year = case.recommendation.signed_at.year
    assert re.search(rf"Nomor\s*:\s*001/KR3/REK/[IVX]+/{year}", flat)
    assert case.recommendation.letter_number in flat
    assert "Budi Santoso" in flat
    assert "Kepala Kantor Regional III" in flat
    assert "Bandung," in flat


def test_the_letter_carries_nothing_internal_and_no_english(world: World) -> None:
    case = signed(world, new_case())
    flat = " ".join(letter_text(case).split())
    assert case.reference not in flat  # Netral's case number is not the office's
    for internal in ("MEDSOS_UNGGAH", ".yaml", ".py", "netral/", "katalog", "UU-20-2023"):
        assert internal not in flat
    for english in (" the ", " and ", " of ", "Page ", "recommend"):
        assert english not in f" {flat} "
    assert "Undang-Undang" in flat or "Peraturan" in flat  # instruments by their titles


def test_numbers_follow_one_sequence_per_office_and_year(world: World) -> None:
    first = signed(world, new_case())
    second = signed(world, new_case(subject_name="Budi Santoso"))
    numbers = [first.recommendation.letter_number, second.recommendation.letter_number]
    assert [n.split("/")[0] for n in numbers] == ["001", "002"]


def test_the_ppk_is_named_once() -> None:
    class Agency:
        name = "Pemerintah Kabupaten Bogor"
        ppk_title = ""

    assert recipient_lines(Agency()) == ["Pejabat Pembina Kepegawaian Pemerintah Kabupaten Bogor"]
    Agency.ppk_title = "Bupati Bogor"
    assert recipient_lines(Agency()) == [
        "Bupati Bogor",
        "selaku Pejabat Pembina Kepegawaian Pemerintah Kabupaten Bogor",
    ]
    Agency.ppk_title = "Pejabat Pembina Kepegawaian"
    lines = recipient_lines(Agency())
    assert " ".join(lines).count("Pejabat Pembina Kepegawaian") == 1


def test_the_letter_for_an_agency_without_a_ppk_title_names_the_ppk_once(world: World) -> None:
    world.bogor.ppk_title = ""
    world.bogor.save()
    flat = " ".join(letter_text(signed(world, new_case())).split())
    assert flat.count("Pejabat Pembina Kepegawaian") <= 2  # the address, and the closing ask
    assert "Kepegawaian selaku Pejabat Pembina Kepegawaian" not in flat


def signed_in(user: User) -> Client:
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="default", confirmed=True)
    client = Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def test_signing_takes_a_choice_and_a_confirmation(world: World) -> None:
    case = at_recommendation(world, new_case())
    client = signed_in(world.supervisor)
    page = client.get(reverse("cases:recommendation", args=[case.pk])).content.decode()
    assert 'type="radio"' in page
    assert "checked" not in page.split('data-testid="sign-form"', 1)[1]  # nothing pre-selected

    option = services.recommendation_prefill(case=case).options[0]
    value = f"{option['track']}:{option['sanctions'][0]}"
    url = reverse("cases:sign", args=[case.pk])
    first = client.post(url, {"version": case.version, "option": value, "note": ""})
    assert first.status_code == 200
    assert 'data-testid="confirm-sign"' in first.content.decode()
    assert fresh(case).stage == Stage.RECOMMENDATION  # nothing signed yet

    client.post(url, {"version": case.version, "option": value, "note": "", "confirmed": "1"})
    assert fresh(case).stage == Stage.PPK_FOLLOW_UP
    assert fresh(case).recommendation.letter_number.startswith("001/")


def test_signing_without_a_choice_signs_nothing(world: World) -> None:
    case = at_recommendation(world, new_case())
    client = signed_in(world.supervisor)
    url = reverse("cases:sign", args=[case.pk])
    client.post(url, {"version": case.version, "confirmed": "1"})
    assert fresh(case).stage == Stage.RECOMMENDATION
