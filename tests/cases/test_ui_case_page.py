"""The case page: stage, deadline in the office's zone, buttons by role, forms that post
to the services, refusals shown as messages, the PDF letter and the PPK follow-up."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from netral.accounts.models import Role, User
from netral.cases.deadlines import local_today
from netral.cases.models import Case, Stage
from tests.accounts.factories import staff
from tests.cases.conftest import (
    World,
    act,
    at_recommendation,
    fresh,
    new_case,
    signed,
    verified_for_review,
)


def signed_in(user: User) -> Client:
    """A client whose session passed TOTP, as a real staff session would."""
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="default", confirmed=True)
    client = Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def page(client: Client, case: Case) -> str:
    response = client.get(f"/kasus/{case.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def post(client: Client, case: Case, path: str, **data: Any) -> Any:
    return client.post(f"/kasus/{case.pk}/{path}", data, follow=True)


def test_a_verifier_sees_only_the_buttons_of_her_role(world: World) -> None:
    case = new_case()
    html = page(signed_in(world.verifier), case)
    assert 'data-testid="action-start_verification"' in html
    assert 'data-testid="action-mark_not_actionable"' in html
    assert "bawaslu_violation_found" not in html


def test_a_case_outside_the_scope_does_not_exist_for_the_officer(world: World) -> None:
    case = new_case()
    client = signed_in(world.verifier_kebumen)
    assert client.get(f"/kasus/{case.pk}/").status_code == 404
    assert (
        post(client, case, "tindakan/", action="start_verification", version=1).status_code == 404
    )
    assert fresh(case).stage == Stage.RECEIVED


def test_a_hidden_action_is_still_refused_when_posted_by_hand(world: World) -> None:
    case = verified_for_review(world, new_case())
    case = act(case, "send_to_bawaslu", world.verifier)
    response = post(
        signed_in(world.verifier),
        case,
        "tindakan/",
        action="bawaslu_violation_found",
        version=case.version,
        reason="Saya yang memutuskan.",
    )
    assert "Anda tidak berwenang melakukan ini." in response.content.decode()
    assert fresh(case).stage == Stage.BAWASLU_REVIEW


def test_a_stale_page_gets_a_clear_conflict_and_nothing_changes(world: World) -> None:
    case = new_case()
    client = signed_in(world.verifier)
    stale = case.version
    act(case, "start_verification", world.verifier)
    response = post(
        client, case, "tindakan/", action="mark_not_actionable", version=stale, reason="Ganda."
    )
    assert "baru saja diubah oleh orang lain" in response.content.decode()
    assert fresh(case).stage == Stage.VERIFICATION


def test_a_missing_condition_is_explained_beside_a_disabled_button(world: World) -> None:
    case = act(new_case(), "start_verification", world.verifier)
    html = page(signed_in(world.verifier), case)
    assert "Terlapor belum dicocokkan" in html
    assert 'disabled aria-describedby="why-send_to_bawaslu"' in html


def test_the_due_date_is_shown_in_the_time_zone_of_the_case_province(world: World) -> None:
    case = new_case("32.01")
    html = page(signed_in(world.supervisor), case)
    assert "WIB" in html
    makassar = new_case("73.71", subject_name="Andi Mappaseng")
    assert "WITA" in page(signed_in(world.supervisor), makassar)


def test_evidence_spans_are_marked_and_the_report_text_stays_escaped(world: World) -> None:
    text = "Camat <script>alert(1)</script> mengunggah ajakan memilih di Facebook."
    case = new_case(text=text)
    report = case.links.get().report
    quote = "mengunggah ajakan"
    start = text.index(quote)
    end = start + len(quote)
    report.triage = {
        "evidence": [{"code": "MEDSOS_UNGGAH", "start": start, "end": end, "text": quote}]
    }
    report.save(update_fields=["triage"])
    html = page(signed_in(world.verifier), case)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'data-codes="MEDSOS_UNGGAH" title="MEDSOS_UNGGAH">mengunggah ajakan</mark>' in html


def test_the_verifier_confirms_facts_through_the_form(world: World) -> None:
    case = act(new_case(), "start_verification", world.verifier)
    post(
        signed_in(world.verifier),
        case,
        "fakta/",
        version=case.version,
        confirmed_codes=["MEDSOS_UNGGAH"],
        incident_date="2024-10-14",
        election="PILKADA",
        subject_status="PNS",
        candidate_status="CALON",
    )
    case = fresh(case)
    assert case.confirmed_codes == ["MEDSOS_UNGGAH"]
    assert case.incident_date == datetime.date(2024, 10, 14)


def test_a_supervisor_signs_the_prefilled_recommendation_and_downloads_the_letter(
    world: World,
) -> None:
    case = at_recommendation(world, new_case())
    client = signed_in(world.supervisor)
    prefill = client.get(f"/kasus/{case.pk}/rekomendasi/").content.decode()
    assert "MEDSOS_UNGGAH" in prefill
    assert "PP-94-2021" in prefill
    assert 'name="option"' in prefill
    option = prefill.split('name="option" value="', 1)[1].split('"', 1)[0]
    post(client, case, "rekomendasi/tandatangani/", version=case.version, option=option, note="")
    assert fresh(case).stage == Stage.RECOMMENDATION  # the first click only asks to confirm
    post(
        client,
        case,
        "rekomendasi/tandatangani/",
        version=case.version,
        option=option,
        note="",
        confirmed="1",
    )
    case = fresh(case)
    assert case.stage == Stage.PPK_FOLLOW_UP
    letter = client.get(f"/kasus/{case.pk}/rekomendasi/surat.pdf")
    assert letter.status_code == 200
    assert b"".join(letter.streaming_content).startswith(b"%PDF")


def test_a_verifier_cannot_sign_even_by_posting_the_form(world: World) -> None:
    case = at_recommendation(world, new_case())
    post(
        signed_in(world.verifier),
        case,
        "rekomendasi/tandatangani/",
        version=case.version,
        option="DISIPLIN:PDHTAPS",
    )
    assert fresh(case).stage == Stage.RECOMMENDATION


def test_ppk_staff_record_the_sanction_and_the_case_closes_once_it_takes_effect(
    world: World,
) -> None:
    case = signed(world, new_case())
    client = signed_in(world.ppk)
    html = page(client, case)
    assert 'data-testid="sanction-form"' in html
    sanction = case.recommendation.chosen_sanction
    today = local_today()
    post(
        client,
        case,
        "sanksi/",
        version=case.version,
        sk_number="800/12/BKPSDM/2024",
        sk_date=today.isoformat(),
        sanction=sanction,
        effective_date=today.isoformat(),
    )
    case = fresh(case)
    assert case.stage == Stage.CLOSED
    assert "tepat waktu" in page(client, case)


def test_ppk_staff_never_see_a_case_before_the_recommendation(world: World) -> None:
    case = at_recommendation(world, new_case())
    assert signed_in(world.ppk).get(f"/kasus/{case.pk}/").status_code == 404


def test_the_supervisor_cannot_warn_the_ppk_before_the_deadline(world: World) -> None:
    case = signed(world, new_case())
    response = post(signed_in(world.supervisor), case, "teguran/", note="Segera.")
    assert "Batas waktu PPK belum lewat" in response.content.decode()
    assert not case.follow_ups.exists()


def test_the_work_lock_tells_a_colleague_who_is_working(world: World) -> None:
    case = new_case()
    post(signed_in(world.verifier), case, "kunci/")
    colleague = staff("rekan-bogor", Role.VERIFIER, regions=("32.01",))
    client = signed_in(colleague)
    assert f"Sedang dikerjakan oleh {world.verifier.username}" in page(client, case)
    assert (
        f"Sedang dikerjakan oleh {world.verifier.username}"
        in client.get("/kasus/").content.decode()
    )
    response = post(client, case, "kunci/")
    assert "sedang dikerjakan oleh" in response.content.decode()
    assert fresh(case).locked_by == world.verifier


@pytest.mark.parametrize("path", ["", "rekomendasi/", "duplikat/", "terlapor/"])
def test_every_case_page_refuses_an_anonymous_visitor(world: World, path: str) -> None:
    case = new_case()
    response = Client().get(f"/kasus/{case.pk}/{path}")
    assert response.status_code == 302
    assert "/akun/" in response["Location"]


def test_case_pages_carry_no_inline_script_or_style(world: World) -> None:
    case = at_recommendation(world, new_case())
    client = signed_in(world.supervisor)
    for path in ("/kasus/", f"/kasus/{case.pk}/", f"/kasus/{case.pk}/rekomendasi/"):
        html = client.get(path).content.decode()
        assert " style=" not in html
        assert re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html) is None
