"""The whole chain in Chromium with the demo roles: a citizen files from a phone, the
verifier links the civil servant and verifies, Bawaslu reviews, the supervisor signs the
recommendation (PDF), PPK staff record the sanction, the citizen sees the case closed."""

from __future__ import annotations

from typing import Any

import pytest

from netral.cases.deadlines import local_today
from netral.cases.models import Case, Stage
from netral.demo.data import DEMO_PASSWORD, load_demo_data
from tests.conftest import DESKTOP, PHONE

CAMAT_NIP = "197803122005011003"  # Budi Santoso, Camat Cibinong, in the demo roster


def _fits_the_screen(page: Any) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


def citizen_files(page: Any, url: str) -> tuple[str, str]:
    page.goto(f"{url}/lapor/")
    page.fill(
        "#id_text",
        "Pak camat Cibinong membuat status di Facebook yang mengajak warga memilih calon "
        "bupati nomor urut dua, lengkap dengan foto dirinya berseragam dinas.",
    )
    page.fill("#id_occurred_on", "2024-10-14")
    page.select_option("#id_province", "32")
    page.select_option("#id_region_code", "32.01")
    page.select_option("#id_election", "PILKADA")
    page.fill("#id_subject_name", "Drs. Budi Santosa")
    page.fill("#id_subject_position", "Camat")
    page.check("input[name=identity][value=anonymous]")
    page.get_by_role("button", name="Periksa sebelum mengirim").click()
    page.get_by_test_id("confirm").click()
    receipt = page.get_by_test_id("receipt").inner_text().strip()
    secret = page.get_by_test_id("secret").inner_text().strip()
    return receipt, secret


def staff_page(page_at: Any, url: str, username: str, viewport: dict[str, int] = DESKTOP) -> Any:
    page = page_at(viewport)
    page.goto(f"{url}/akun/masuk/?next=/kasus/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.get_by_role("button", name="Masuk", exact=True).click()
    page.wait_for_url("**/kasus/")
    return page


def open_case(page: Any, url: str, case: Case) -> None:
    page.goto(f"{url}/kasus/{case.pk}/")


def stage_of(case: Case) -> str:
    return Case.objects.get(pk=case.pk).stage


def verifier_works_the_case(page: Any, url: str, case: Case) -> None:
    assert page.locator(f"[data-case='{case.pk}']").count() == 1  # in her queue
    assert _fits_the_screen(page)
    open_case(page, url, case)
    assert _fits_the_screen(page)
    page.get_by_role("button", name="Kerjakan kasus ini").click()
    page.get_by_test_id("action-start_verification").get_by_role("button").click()
    page.get_by_role("button", name="Cari di data pegawai").click()  # HTMX fills #candidates
    page.get_by_test_id(f"link-{CAMAT_NIP}").click()
    assert "Budi Santoso" in page.get_by_test_id("subject").inner_text()
    page.get_by_text("Ubah fakta kasus").click()
    page.check("input[name=confirmed_codes][value=MEDSOS_UNGGAH]")
    page.fill("input[name=incident_date]", "2024-10-14")
    page.select_option("select[name=candidate_status]", "CALON")
    page.get_by_role("button", name="Simpan fakta").click()
    page.get_by_test_id("action-send_to_bawaslu").get_by_role("button").click()


@pytest.mark.browser
@pytest.mark.slow
def test_the_whole_chain_from_report_to_closed_case_with_the_demo_roles(
    live_server: Any, page_at: Any, settings: Any
) -> None:
    settings.NETRAL_DEMO = True
    settings.INTAKE_MIN_FILL_SECONDS = 0
    load_demo_data()
    url = live_server.url

    citizen = page_at(PHONE)
    receipt, secret = citizen_files(citizen, url)
    case = Case.objects.get(links__report__receipt=receipt)
    assert case.stage == Stage.RECEIVED

    verifier = staff_page(page_at, url, "verifikator", PHONE)
    verifier_works_the_case(verifier, url, case)
    assert stage_of(case) == Stage.BAWASLU_REVIEW

    analyst = staff_page(page_at, url, "bawaslu")
    open_case(analyst, url, case)
    found = analyst.get_by_test_id("action-bawaslu_violation_found")
    found.locator("textarea").fill("Unggahan dibuat dari akun pribadi terlapor dan masih tayang.")
    found.get_by_role("button").click()
    assert stage_of(case) == Stage.RECOMMENDATION

    supervisor = staff_page(page_at, url, "pengawas")
    open_case(supervisor, url, case)
    supervisor.get_by_test_id("to-recommendation").click()
    supervisor.locator("input[name=option]").first.check()  # nothing is pre-selected
    supervisor.get_by_role("button", name="Lanjut: periksa sebelum menandatangani").click()
    supervisor.get_by_role("button", name="Tandatangani dan buat surat PDF").click()
    assert stage_of(case) == Stage.PPK_FOLLOW_UP
    supervisor.goto(f"{url}/kasus/{case.pk}/rekomendasi/")
    with supervisor.expect_download() as download:
        supervisor.get_by_test_id("letter").click()
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

    ppk = staff_page(page_at, url, "ppk")
    open_case(ppk, url, case)
    today = local_today().isoformat()
    ppk.fill("#id_sk_number", "800.1.6/123/BKPSDM/2024")
    ppk.fill("#id_sk_date", today)
    ppk.select_option("#id_sanction", Case.objects.get(pk=case.pk).recommendation.chosen_sanction)
    ppk.fill("#id_effective_date", today)
    ppk.get_by_role("button", name="Catat keputusan sanksi").click()
    assert ppk.get_by_test_id("stage").inner_text() == "Selesai"
    assert stage_of(case) == Stage.CLOSED

    citizen.goto(f"{url}/lapor/status/masuk/")
    citizen.fill("#id_receipt", receipt)
    citizen.fill("#id_secret", secret)
    citizen.get_by_role("button", name="Buka", exact=True).click()
    assert citizen.get_by_test_id("status").inner_text() == "Selesai"
    assert _fits_the_screen(citizen)
