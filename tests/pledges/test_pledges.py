"""Pledge events, signature lists matched to the roster by NIP (CSV and XLSX, with the
rows that do not match reported), coverage per agency and echelon, the agencies without
a pledge and the reminder before the campaign."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from openpyxl import Workbook

from netral.accounts.models import Role, User
from netral.audit import Chain
from netral.errors import Forbidden
from netral.org.models import Agency, Employee
from netral.pledges.models import PledgeReminder, PledgeSignature
from netral.pledges.reminders import send_pledge_reminders
from netral.pledges.schedule import ReminderRule, reminder_day, reminder_rule
from netral.pledges.selectors import agencies_without_pledge, coverage_of
from netral.pledges.services import pledge_event_record, signatures_import
from netral.registry import trail
from netral.registry.cycles import cycle_by_id
from netral.registry.errors import Invalid, Unreadable
from tests.accounts.factories import agency_in, staff
from tests.web.test_staff_homes import signed_in

pytestmark = pytest.mark.django_db
DAY = datetime.date(2024, 9, 10)
NIPS = {
    "197803122005011003": "ADMINISTRATOR",
    "198511042010012014": "FUNGSIONAL",
    "199002202019031007": "PENGAWAS",
    "198807152022012001": "FUNGSIONAL",
}
ELSEWHERE = "197512302000031002"  # on the roster of Bandung
NOWHERE = "199901012024011999"


@pytest.fixture
def place(db: Any) -> dict[str, Any]:
    bogor = agency_in("32.01", "Pemerintah Kabupaten Bogor")
    bandung = agency_in("32.73", "Pemerintah Kota Bandung")
    unit = Agency.objects.create(
        name="Dinas Pendidikan Kabupaten Bogor",
        level=bogor.level,
        region=bogor.region,
        parent=bogor,
    )
    for n, (nip, category) in enumerate(NIPS.items()):
        Employee.objects.create(
            nip=nip,
            name=f"Pegawai {n}",
            status="PNS",
            position_category=category,
            agency=unit if n == 3 else bogor,
        )
    Employee.objects.create(nip=ELSEWHERE, name="Pegawai Bandung", status="PNS", agency=bandung)
    bkpsdm = staff("bkpsdm-bogor", Role.PPK_STAFF, regions=("32.01",))
    bkpsdm.email = "bkpsdm@bogorkab.example"
    bkpsdm.save()
    return {"bogor": bogor, "bandung": bandung, "bkpsdm": bkpsdm}


def _event(place: dict[str, Any]) -> Any:
    return pledge_event_record(
        actor=place["bkpsdm"],
        agency=place["bogor"],
        cycle="PILKADA-2024",
        held_on=DAY,
        echelons=["JPT", "ADMINISTRATOR", "PENGAWAS", "FUNGSIONAL"],
    )


def _csv(tmp_path: Path, rows: list[list[str]]) -> Path:
    path = tmp_path / "ttd.csv"
    path.write_text("\n".join(";".join(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_a_signature_list_is_matched_by_nip_and_unmatched_rows_are_reported(
    place: dict[str, Any], tmp_path: Path
) -> None:
    event = _event(place)
    nips = list(NIPS)
    path = _csv(
        tmp_path,
        [
            ["No", "Nama", "NIP", "Tanggal"],
            ["1", "A", nips[0], "10/09/2024"],
            ["2", "B", f"{nips[1][:8]} {nips[1][8:14]} {nips[1][14]} {nips[1][15:]}", ""],
            ["3", "C", nips[3], "2024-09-11"],  # works in a unit of the agency
            ["4", "D", ELSEWHERE, ""],
            ["5", "E", NOWHERE, ""],
            ["6", "F", "12345", ""],
            ["7", "G", nips[0], ""],
        ],
    )
    report = signatures_import(actor=place["bkpsdm"], event=event, path=path, name="ttd.csv")
    assert (report.rows, report.added, report.already) == (7, 3, 0)
    assert [(u.row, u.reason) for u in report.unmatched] == [
        (5, "other_agency"),
        (6, "not_in_roster"),
        (7, "invalid_nip"),
        (8, "duplicate_row"),
    ]
    signed = dict(
        PledgeSignature.objects.filter(event=event).values_list("employee__nip", "signed_on")
    )
    assert signed == {
        nips[0]: datetime.date(2024, 9, 10),
        nips[1]: DAY,
        nips[3]: datetime.date(2024, 9, 11),
    }
    again = signatures_import(actor=place["bkpsdm"], event=event, path=path, name="ttd.csv")
    assert (again.added, again.already) == (0, 3)
    actions = [e.action for e in trail.events_of(event, Chain.PLEDGES)]
    assert actions == ["pledge_record", "pledge_signatures_import", "pledge_signatures_import"]


def test_an_xlsx_list_imports_and_a_list_without_a_nip_column_is_refused(
    place: dict[str, Any], tmp_path: Path
) -> None:
    event = _event(place)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Nama", "NIP Baru"])
    sheet.append(["A", list(NIPS)[2]])
    path = tmp_path / "ttd.xlsx"
    book.save(path)
    report = signatures_import(actor=place["bkpsdm"], event=event, path=path, name="ttd.xlsx")
    assert report.added == 1
    headless = _csv(tmp_path, [["Nama", "Jabatan"], ["A", "Camat"]])
    with pytest.raises(Unreadable):
        signatures_import(actor=place["bkpsdm"], event=event, path=headless, name="x.csv")
    image = tmp_path / "foto.csv"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    with pytest.raises(Unreadable):
        signatures_import(actor=place["bkpsdm"], event=event, path=image, name="foto.csv")
    assert PledgeSignature.objects.count() == 1


def test_coverage_counts_signatures_per_echelon_against_the_roster(
    place: dict[str, Any], tmp_path: Path
) -> None:
    event = _event(place)
    nips = list(NIPS)
    path = _csv(tmp_path, [["NIP"], [nips[0]], [nips[1]]])
    signatures_import(actor=place["bkpsdm"], event=event, path=path, name="ttd.csv")
    coverage = {
        c.agency.pk: c for c in coverage_of([place["bogor"], place["bandung"]], "PILKADA-2024")
    }
    bogor = coverage[place["bogor"].pk]
    assert (bogor.events, bogor.signed, bogor.employees) == (1, 2, 4)
    assert (bogor.echelons["FUNGSIONAL"].signed, bogor.echelons["FUNGSIONAL"].employees) == (1, 2)
    assert bogor.echelons["FUNGSIONAL"].percent == 50
    assert bogor.echelons["JPT"].percent is None  # nobody at that echelon
    assert coverage[place["bandung"].pk].events == 0
    other_cycle = coverage_of([place["bogor"]], "PEMILU-2024")[0]
    assert (other_cycle.events, other_cycle.signed) == (0, 0)


def test_only_staff_of_the_agencys_region_record_its_pledge(place: dict[str, Any]) -> None:
    kebumen = staff("bkpsdm-kebumen", Role.PPK_STAFF, regions=("33.05",))
    with pytest.raises(Forbidden):
        pledge_event_record(
            actor=kebumen,
            agency=place["bogor"],
            cycle="PILKADA-2024",
            held_on=DAY,
            echelons=["JPT"],
        )
    with pytest.raises(Invalid):
        pledge_event_record(
            actor=place["bkpsdm"], agency=place["bogor"], cycle="PILKADA-2024", held_on=DAY,
            echelons=[],
        )  # fmt: skip


def test_the_reminder_day_counts_working_days_back_from_the_campaign() -> None:
    cycle = cycle_by_id("PILKADA-2024")
    assert cycle is not None
    assert cycle.campaign.start == datetime.date(2024, 9, 25)  # a Wednesday
    assert reminder_day(cycle, ReminderRule(1, False, "")) == datetime.date(2024, 9, 24)
    assert reminder_day(cycle, ReminderRule(3, False, "")) == datetime.date(2024, 9, 20)
    # Seven working days back skip the weekend and 16 September 2024 (Maulid Nabi).
    assert reminder_day(cycle, ReminderRule(6, False, "")) == datetime.date(2024, 9, 17)
    assert reminder_day(cycle, ReminderRule(7, False, "")) == datetime.date(2024, 9, 13)
    assert reminder_rule().working_days_before_campaign > 0


def test_agencies_without_a_pledge_are_listed_and_their_bkpsdm_reminded_once(
    place: dict[str, Any], settings: Any
) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    cycle = cycle_by_id("PILKADA-2024")
    assert cycle is not None
    due = reminder_day(cycle)
    agencies = Agency.objects.filter(parent__isnull=True)
    assert set(agencies_without_pledge(agencies, cycle.id)) == {place["bogor"], place["bandung"]}
    before = (due - datetime.timedelta(days=1)).isoformat()
    assert send_pledge_reminders(before) == {"regions": 0, "recipients": 0}
    _event(place)  # Bogor holds its pledge; Bandung does not
    bandung_staff = staff("bkpsdm-jabar", Role.PPK_STAFF, regions=("32",))
    bandung_staff.email = "bkd@jabarprov.example"
    bandung_staff.save()
    result = send_pledge_reminders(due.isoformat())
    assert result == {"regions": 1, "recipients": 1}
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["bkd@jabarprov.example"]
    assert "Pemerintah Kota Bandung" in mail.outbox[0].body
    assert "Kabupaten Bogor" not in mail.outbox[0].body
    assert send_pledge_reminders(due.isoformat()) == {"regions": 0, "recipients": 0}
    assert PledgeReminder.objects.get().region.code == "32.73"
    after = (cycle.campaign.start + datetime.timedelta(days=1)).isoformat()
    assert send_pledge_reminders(after) == {"regions": 0, "recipients": 0}


def test_the_pledge_page_shows_coverage_missing_agencies_and_import_report(
    place: dict[str, Any], tmp_path: Path
) -> None:
    client = signed_in(place["bkpsdm"])
    page = client.get("/ikrar/", {"siklus": "PILKADA-2024"}).content.decode()
    assert "Pemerintah Kabupaten Bogor" in page.split('data-testid="missing"')[1]
    created = client.post(
        "/ikrar/baru/?siklus=PILKADA-2024",
        {"agency": place["bogor"].pk, "held_on": "2024-09-10", "echelons": ["JPT", "FUNGSIONAL"]},
    )
    event_url = created["Location"]
    with _csv(tmp_path, [["NIP"], [list(NIPS)[1]], [NOWHERE]]).open("rb") as handle:
        report = client.post(event_url, {"signatures": handle}).content.decode()
    assert 'data-testid="import-report"' in report
    assert report.count('data-testid="unmatched"') == 1
    page = client.get("/ikrar/", {"siklus": "PILKADA-2024"}).content.decode()
    assert 'data-testid="missing"><' in page.replace("\n", "").replace("</ul>", "<")
    assert "1 / 2" in page.split('data-testid="pledge-coverage"')[1]  # FUNGSIONAL


def test_staff_of_another_region_do_not_see_the_event(place: dict[str, Any]) -> None:
    event = _event(place)
    other: User = staff("bkpsdm-kebumen", Role.PPK_STAFF, regions=("33.05",))
    agency_in("33.05", "Pemerintah Kabupaten Kebumen")
    assert signed_in(other).get(f"/ikrar/{event.pk}/").status_code == 404
