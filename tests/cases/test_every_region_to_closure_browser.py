"""In Chromium, with the demo accounts: a citizen report in each demo regency goes from
filing to closure, every role acting through its own pages in its own region. One PPK
records a lighter sanction than recommended: the case page and the compliance page show it
as non-compliance, and the supervisor follows up before closing."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from netral.cases.deadlines import local_today
from netral.cases.models import Case, Compliance, Stage
from netral.demo.data import load_demo_data
from tests.cases.test_full_chain_browser import open_case, staff_page, stage_of
from tests.conftest import PHONE


@dataclass(frozen=True)
class Journey:
    region: str
    name: str
    position: str
    text: str
    verifier: str
    ppk: str
    nip: str = ""  # "": not on the roster, the agency is set by hand
    agency: str = ""  # the agency chosen by hand
    analyst: str = ""  # "": examined by the agency instead of Bawaslu
    lighter: str = ""  # a sanction lighter than recommended, recorded by the PPK


JOURNEYS = (
    Journey(
        "32.01",
        "Drs. Budi Santosa",
        "Camat",
        "Camat Cibinong mengunggah ajakan memilih calon bupati nomor dua di Facebook.",
        "verifikator",
        "ppk",
        nip="197803122005011003",
        analyst="bawaslu",
    ),
    Journey(
        "32.73",
        "Gunawan Wibisono",
        "Kepala Dinas Pendidikan",
        "Kepala dinas pendidikan memasang foto bersama calon wali kota di akun Instagramnya.",
        "verifikator-bandung",
        "ppk-bandung",
        nip="197512302000031002",
    ),
    Journey(
        "32.16",
        "Hendra Wijaya",
        "Kepala Dinas Pendidikan",
        "Kepala dinas di Bekasi mengunggah video kampanye calon bupati di akun TikTok.",
        "verifikator-bekasi",
        "ppk-bekasi",
        agency="Pemerintah Kabupaten Bekasi",
        analyst="bawaslu",
    ),
    Journey(
        "33.05",
        "Irfan Maulana",
        "Sekretaris Kecamatan",
        "Sekretaris kecamatan membagikan poster calon bupati di grup Facebook desa.",
        "verifikator-kebumen",
        "ppk-kebumen",
        nip="198309092009011011",
        analyst="bawaslu-jateng",
        lighter="POTONG_TUKIN_25_6_BULAN",
    ),
)


def citizen_reports(page: Any, url: str, journey: Journey) -> str:
    page.goto(f"{url}/lapor/")
    page.fill("#id_text", journey.text)
    page.fill("#id_occurred_on", "2024-10-21")
    page.select_option("#id_province", journey.region.split(".")[0])
    page.select_option("#id_region_code", journey.region)
    page.select_option("#id_election", "PILKADA")
    page.fill("#id_subject_name", journey.name)
    page.fill("#id_subject_position", journey.position)
    page.check("input[name=identity][value=anonymous]")
    page.get_by_role("button", name="Periksa sebelum mengirim").click()
    page.get_by_test_id("confirm").click()
    return str(page.get_by_test_id("receipt").inner_text().strip())


def press(page: Any, action: str, reason: str = "") -> None:
    form = page.get_by_test_id(f"action-{action}")
    if reason:
        form.locator("textarea").fill(reason)
    form.get_by_role("button").click()


def verifier_settles_the_case(page: Any, url: str, case: Case, journey: Journey) -> None:
    open_case(page, url, case)
    press(page, "start_verification")
    if journey.nip:
        page.get_by_role("button", name="Cari di data pegawai").click()
        page.get_by_test_id(f"link-{journey.nip}").click()
    else:
        page.get_by_role("button", name="Catat: tidak ditemukan di data pegawai").click()
    page.get_by_text("Ubah fakta kasus").click()
    page.check("input[name=confirmed_codes][value=MEDSOS_UNGGAH]")
    page.fill("input[name=incident_date]", "2024-10-21")
    page.select_option("select[name=candidate_status]", "CALON")
    if not journey.nip:
        page.select_option("select[name=subject_status]", "PNS")
        page.select_option("select[name=agency]", label=journey.agency)
    page.get_by_role("button", name="Simpan fakta").click()
    press(page, "send_to_bawaslu" if journey.analyst else "send_to_agency")


def supervisor_signs(page: Any, url: str, case: Case) -> None:
    open_case(page, url, case)
    page.get_by_test_id("to-recommendation").click()
    page.locator("input[name=option]").first.check()  # nothing is pre-selected
    page.get_by_role("button", name="Lanjut: periksa sebelum menandatangani").click()
    page.get_by_role("button", name="Tandatangani dan buat surat PDF").click()


def ppk_records(page: Any, url: str, case: Case, sanction: str) -> None:
    open_case(page, url, case)
    today = local_today().isoformat()
    page.fill("#id_sk_number", f"800.1.6/{case.pk}/BKPSDM/2026")
    page.fill("#id_sk_date", today)
    page.select_option("#id_sanction", sanction)
    page.fill("#id_effective_date", today)
    page.get_by_role("button", name="Catat keputusan sanksi").click()


def carry(page_at: Any, url: str, case: Case, journey: Journey) -> None:
    verifier = staff_page(page_at, url, journey.verifier, PHONE)
    verifier_settles_the_case(verifier, url, case, journey)
    if journey.analyst:
        assert stage_of(case) == Stage.BAWASLU_REVIEW
        analyst = staff_page(page_at, url, journey.analyst)
        open_case(analyst, url, case)
        assert analyst.get_by_role("link", name="bukti dan pesan").count() == 1
        press(analyst, "bawaslu_violation_found", "Unggahan dari akun pribadi terlapor.")
    else:
        assert stage_of(case) == Stage.AGENCY_EXAMINATION
        open_case(verifier, url, case)
        press(verifier, "agency_violation_found", "Pemeriksaan instansi membuktikannya.")
    assert stage_of(case) == Stage.RECOMMENDATION
    supervisor = staff_page(page_at, url, "pengawas")
    supervisor_signs(supervisor, url, case)
    assert stage_of(case) == Stage.PPK_FOLLOW_UP
    recommended = Case.objects.get(pk=case.pk).recommendation.chosen_sanction
    ppk = staff_page(page_at, url, journey.ppk)
    ppk_records(ppk, url, case, journey.lighter or recommended)
    if not journey.lighter:
        assert ppk.get_by_test_id("stage").inner_text() == "Selesai"
        return
    assert ppk.get_by_test_id("non-compliant").inner_text() == "tidak patuh"
    assert Case.objects.get(pk=case.pk).sanction.compliance == Compliance.LIGHTER
    open_case(supervisor, url, case)
    assert "tidak patuh" in supervisor.get_by_test_id("compliance").inner_text()
    assert supervisor.get_by_test_id("imposed-sanction").inner_text() != (
        supervisor.get_by_test_id("recommended-sanction").inner_text()
    )
    supervisor.get_by_role("button", name="Terbitkan teguran kepada PPK").click()
    press(supervisor, "close")
    supervisor.goto(f"{url}/kasus/kepatuhan/")
    row = supervisor.get_by_role("row", name="Pemerintah Kabupaten Kebumen")
    assert row.get_by_test_id("non-compliant-count").inner_text() == "1"


@pytest.mark.browser
@pytest.mark.slow
def test_a_report_in_each_demo_region_reaches_closure_through_each_roles_pages(
    live_server: Any, page_at: Any, settings: Any
) -> None:
    settings.NETRAL_DEMO = True
    settings.INTAKE_MIN_FILL_SECONDS = 0
    load_demo_data()
    url = live_server.url
    citizen = page_at(PHONE)
    for journey in JOURNEYS:
        receipt = citizen_reports(citizen, url, journey)
        case = Case.objects.get(links__report__receipt=receipt)
        carry(page_at, url, case, journey)
        assert stage_of(case) == Stage.CLOSED, journey.region
