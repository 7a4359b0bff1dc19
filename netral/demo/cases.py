"""Demo reports and cases, filed and moved along the chain through the real services.

Everything here is fictional. The incidents are dated in the Pilkada 2024 campaign so the
rules engine has a timetable for them; deadlines run from today on the working-day
calendar, like any new case.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction

from netral.accounts.models import User
from netral.cases import services
from netral.cases.models import Case, CaseReport
from netral.demo.evidence import banner_photo
from netral.intake.evidence import IngestedFile, ingest
from netral.intake.models import IdentityMode, Report
from netral.intake.services import ReportInput, report_submit
from netral.org.models import Employee, Region


@dataclass(frozen=True)
class DemoReport:
    text: str
    region: str
    occurred_on: datetime.date
    subject_name: str
    subject_position: str
    subject_agency: str
    identity: str = IdentityMode.ANONYMOUS
    reporter_name: str = ""
    reporter_contact: str = ""


REPORTS = (
    DemoReport(
        "Pak camat upload foto bareng paslon nomor urut 2 di Instagram, tangannya acung dua "
        "jari, captionnya 'lanjutkan!'. Sudah banyak yang share.",
        "32.01",
        datetime.date(2024, 10, 14),
        "Budi Santoso",
        "Camat Cibinong",
        "Pemerintah Kabupaten Bogor",
    ),
    DemoReport(
        "Seorang guru SD negeri menyuruh murid-muridnya membawa pulang kalender bergambar "
        "calon bupati dan meminta orang tua memilihnya saat rapat komite sekolah.",
        "32.01",
        datetime.date(2024, 10, 21),
        "Dewi Lestari",
        "Guru SD Negeri 3",
        "Pemerintah Kabupaten Bogor",
        IdentityMode.CONFIDENTIAL,
        "Wali murid kelas 4",
        "08123456789",
    ),
    DemoReport(
        "Lurah Pakansari memakai mobil dinas berpelat merah untuk mengantar tim kampanye "
        "salah satu pasangan calon ke lapangan desa pada hari Sabtu.",
        "32.01",
        datetime.date(2024, 11, 2),
        "Eko Prasetyo",
        "Lurah Pakansari",
        "Pemerintah Kabupaten Bogor",
        IdentityMode.IDENTIFIED,
        "Siti Aminah",
        "siti.aminah@example.org",
    ),
    DemoReport(
        "Perawat puskesmas ikut berorasi di panggung kampanye cabup, pakai kaos bergambar "
        "paslon. Videonya ada di grup WA warga.",
        "32.01",
        datetime.date(2024, 11, 9),
        "Fitri Handayani",
        "Perawat Puskesmas",
        "Pemerintah Kabupaten Bogor",
    ),
    DemoReport(
        "Kepala dinas pendidikan mengumpulkan kepala sekolah dan meminta mereka mengarahkan "
        "guru agar hadir di kampanye akbar calon wali kota hari Minggu.",
        "32.73",
        datetime.date(2024, 11, 3),
        "Gunawan Wibisono",
        "Kepala Dinas Pendidikan",
        "Pemerintah Kota Bandung",
    ),
    DemoReport(
        "Sekretaris kecamatan menyebarkan stiker dan spanduk calon bupati ke kantor-kantor "
        "desa, katanya perintah atasan.",
        "33.05",
        datetime.date(2024, 10, 28),
        "Irfan Maulana",
        "Sekretaris Kecamatan",
        "Pemerintah Kabupaten Kebumen",
    ),
    DemoReport(
        "Ada ASN yang like dan komentar 'gas terus' di postingan akun resmi tim pemenangan, "
        "namanya kurang tahu, kerjanya di kantor kecamatan.",
        "32.01",
        datetime.date(2024, 11, 12),
        "",
        "Staf kantor kecamatan",
        "",
    ),
)


@dataclass(frozen=True)
class Cast:
    verifier: User
    analyst: User
    supervisor: User
    ppk: User


def _latest(case: Case) -> Case:
    return Case.objects.get(pk=case.pk)


def _act(case: Case, action: str, actor: User, reason: str) -> Case:
    case = _latest(case)
    return services.case_transition(
        case=case, action=action, actor=actor, reason=reason, expected_version=case.version
    )


def _verified(case: Case, cast: Cast, employee: Employee, codes: list[str]) -> Case:
    case = _act(case, "start_verification", cast.verifier, "Mulai verifikasi.")
    case = services.case_subject_link(
        case=case, actor=cast.verifier, employee=employee, expected_version=case.version
    )
    return services.case_facts_update(
        case=case,
        actor=cast.verifier,
        expected_version=case.version,
        confirmed_codes=codes,
        election="PILKADA",
        candidate_status="CALON",
    )


def _at_recommendation(case: Case, cast: Cast, employee: Employee, codes: list[str]) -> Case:
    case = _verified(case, cast, employee, codes)
    case = _act(case, "send_to_bawaslu", cast.verifier, "Terkait Pilkada 2024.")
    return _act(case, "bawaslu_violation_found", cast.analyst, "Bukti unggahan dan saksi cukup.")


def _signed(case: Case, cast: Cast, employee: Employee, codes: list[str]) -> Case:
    case = _at_recommendation(case, cast, employee, codes)
    option = services.recommendation_prefill(case=case).options[0]
    services.recommendation_sign(
        case=case,
        actor=cast.supervisor,
        chosen_track=option["track"],
        chosen_sanction=option["sanctions"][0],
        note="Direkomendasikan sesuai penilaian aturan.",
        expected_version=case.version,
    )
    return _latest(case)


# What happens to each demo report's case, by index in REPORTS.
Step = Callable[[Case, Cast], object]
STORYLINE: dict[int, Step] = {
    0: lambda case, cast: _signed(
        case, cast, Employee.objects.get(nip="197803122005011003"), ["FOTO_SIMBOL", "MEDSOS_UNGGAH"]
    ),
    1: lambda case, cast: _verified(
        case, cast, Employee.objects.get(nip="198511042010012014"), ["KEGIATAN_KEBERPIHAKAN"]
    ),
    2: lambda case, cast: _at_recommendation(
        case, cast, Employee.objects.get(nip="199002202019031007"), ["FASILITAS_NEGARA"]
    ),
    3: lambda case, cast: _act(case, "start_verification", cast.verifier, "Mulai verifikasi."),
}


def load_demo_cases(cast: Cast) -> int:
    """File the demo reports (once) and move some of their cases along. Returns reports filed."""
    if Report.objects.exists():
        return 0
    regions = {r.code: r for r in Region.objects.filter(code__in={d.region for d in REPORTS})}
    files = _evidence()
    with transaction.atomic():
        reports = [
            report_submit(data=_input(demo, regions[demo.region]), files=files.get(i, [])).report
            for i, demo in enumerate(REPORTS)
        ]
    for report in reports:  # the signal opened them after commit; make sure, idempotently
        services.case_open_for_report(report=report)
    for index, step in STORYLINE.items():
        step(CaseReport.objects.get(report=reports[index]).case, cast)
    return len(reports)


def _evidence() -> dict[int, list[IngestedFile]]:
    """Files by index in REPORTS, stored before the reports are filed (as the intake does)."""
    return {0: [ingest(banner_photo(), name="unggahan-instagram.jpg")]}


def _input(demo: DemoReport, region: Region) -> ReportInput:
    return ReportInput(
        text=demo.text,
        identity=demo.identity,
        occurred_on=demo.occurred_on,
        region=region,
        election="PILKADA",
        subject_name=demo.subject_name,
        subject_position=demo.subject_position,
        subject_agency=demo.subject_agency,
        reporter_name=demo.reporter_name,
        reporter_contact=demo.reporter_contact,
    )
