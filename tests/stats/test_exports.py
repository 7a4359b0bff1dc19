"""Staff exports: the queue with its filters, a case's file, compliance; CSV and XLSX."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from html import unescape

import pytest
from django.test import Client

from netral.cases.models import Case, Stage
from netral.cases.selectors import QueueFilters, case_queue_count, cases_visible_to
from netral.exports.formats import Sheet, csv_chunks, xlsx_chunks
from netral.exports.models import ExportLog
from netral.org.models import Agency
from tests.stats.conftest import People, signed_in

pytestmark = pytest.mark.django_db


def _body(response: object) -> bytes:
    return b"".join(response.streaming_content)  # type: ignore[attr-defined]


def _csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def _xlsx_rows(data: bytes) -> dict[str, int]:
    """Rows per sheet of a workbook, read with the standard library."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        workbook = archive.read("xl/workbook.xml").decode()
        names = re.findall(r'<sheet name="([^"]+)"', workbook)
        return {
            name: archive.read(f"xl/worksheets/sheet{i}.xml").decode().count("<row>")
            for i, name in enumerate(names, start=1)
        }


def test_the_queue_export_has_every_case_of_the_filtered_queue(election: People) -> None:
    client = signed_in(election.supervisor)
    rows = _csv_rows(_body(client.get("/ekspor/antrean.csv?stage=PPK_FOLLOW_UP")))
    expected = case_queue_count(
        actor=election.supervisor, filters=QueueFilters(stage=Stage.PPK_FOLLOW_UP)
    )
    assert len(rows) - 1 == expected > 0
    assert {r[1] for r in rows[1:]} == {"Tindak lanjut PPK"}
    sheets = _xlsx_rows(_body(client.get("/ekspor/antrean.xlsx?stage=PPK_FOLLOW_UP")))
    assert sheets == {"Antrean kasus": expected + 1}
    logged = ExportLog.objects.filter(user=election.supervisor, kind="queue")
    assert sorted(logged.values_list("format", flat=True)) == ["csv", "xlsx"]
    assert logged.first().params == {"stage": "PPK_FOLLOW_UP"}  # type: ignore[union-attr]


def test_a_regional_officer_exports_only_his_scope(election: People) -> None:
    rows = _csv_rows(_body(signed_in(election.verifier).get("/ekspor/antrean.csv")))
    assert rows[1:]
    assert {r[2] for r in rows[1:]} == {"32.01"}


def test_a_case_file_has_its_facts_events_and_letters(election: People) -> None:
    case = Case.objects.filter(stage=Stage.CLOSED).first()
    assert case is not None
    client = signed_in(election.supervisor)
    sheets = _xlsx_rows(_body(client.get(f"/ekspor/kasus/{case.pk}.xlsx")))
    assert list(sheets) == ["Fakta", "Peristiwa", "Surat"]
    assert sheets["Peristiwa"] == case.events.count() + 1
    text = _body(client.get(f"/ekspor/kasus/{case.pk}.csv")).decode("utf-8-sig")
    assert case.reference in text
    assert "SK sanksi" in text


def test_a_case_outside_the_scope_is_not_found(election: People) -> None:
    elsewhere = Case.objects.exclude(region__code__startswith="32.01").first()
    assert elsewhere is not None
    response = signed_in(election.verifier).get(f"/ekspor/kasus/{elsewhere.pk}.csv")
    assert response.status_code == 404
    assert not ExportLog.objects.exists()
    assert Client().get("/ekspor/antrean.csv").status_code == 302


def test_compliance_table_export(election: People) -> None:
    client = signed_in(election.supervisor)
    rows = _csv_rows(_body(client.get("/ekspor/kepatuhan.csv")))
    assert rows[0][:2] == ["Instansi", "Rekomendasi"]
    assert (
        sum(int(r[1]) for r in rows[1:])
        == Case.objects.filter(recommendation__isnull=False).count()
    )
    assert client.get("/ekspor/kepatuhan.pdf").status_code == 404


def test_a_citizens_text_never_becomes_a_spreadsheet_formula() -> None:
    sheet = Sheet("x", ["teks"], [['=HYPERLINK("http://x")'], ["+62 812"], ["biasa"]])
    rows = _csv_rows(b"".join(csv_chunks(sheet)))
    assert [r[0] for r in rows[1:]] == ['\'=HYPERLINK("http://x")', "'+62 812", "biasa"]


def test_a_sheet_longer_than_excel_allows_continues_on_the_next(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from netral.exports import formats

    monkeypatch.setattr(formats, "MAX_SHEET_ROWS", 10)
    data = b"".join(xlsx_chunks([Sheet("Antrean", ["n"], ([i] for i in range(25)))]))
    assert _xlsx_rows(data) == {"Antrean": 11, "Antrean (2)": 11, "Antrean (3)": 6}


def test_a_bad_filter_is_refused_not_ignored(election: People) -> None:
    response = signed_in(election.supervisor).get("/ekspor/antrean.csv?region=xx")
    assert response.status_code == 400
    assert "Filter antrean tidak valid" in response.content.decode()
    assert not ExportLog.objects.exists()


def _export_links(html: str, testid: str) -> list[str]:
    part = html.split(f'data-testid="{testid}"', 1)[1].split("</p>", 1)[0]
    return [unescape(href) for href in re.findall(r'href="([^"]+)"', part)]


def test_the_queue_page_links_the_export_of_its_own_filter(election: People) -> None:
    verifier = election.verifier
    stage = cases_visible_to(actor=verifier).values_list("stage", flat=True).first()
    assert stage is not None
    client = signed_in(verifier)
    html = client.get(f"/kasus/?stage={stage}&page=1").content.decode()
    csv_url, xlsx_url = _export_links(html, "queue-export")
    assert csv_url == f"/ekspor/antrean.csv?stage={stage}"  # the filter, not the page
    assert xlsx_url == f"/ekspor/antrean.xlsx?stage={stage}"
    rows = _csv_rows(_body(client.get(csv_url)))
    expected = case_queue_count(actor=verifier, filters=QueueFilters(stage=stage))
    assert len(rows) - 1 == expected > 0
    assert {r[2] for r in rows[1:]} == {"32.01"}  # only his regency
    assert _xlsx_rows(_body(client.get(xlsx_url))) == {"Antrean kasus": expected + 1}
    national = case_queue_count(actor=election.supervisor, filters=QueueFilters(stage=stage))
    assert expected < national
    # A filter changed in place (HTMX swaps the results) carries its own links.
    swapped = client.get("/kasus/?overdue=on", headers={"HX-Request": "true"}).content.decode()
    assert _export_links(swapped, "queue-export")[0] == "/ekspor/antrean.csv?overdue=on"


def test_the_compliance_page_links_its_export_with_only_the_agencies_in_scope(
    election: People,
) -> None:
    client = signed_in(election.ppk)
    html = client.get("/kasus/kepatuhan/").content.decode()
    csv_url, xlsx_url = _export_links(html, "compliance-export")
    assert (csv_url, xlsx_url) == ("/ekspor/kepatuhan.csv", "/ekspor/kepatuhan.xlsx")
    table = html.split('data-testid="compliance-table"', 1)[1]
    shown = [unescape(n) for n in re.findall(r"<tr><td>([^<]*)</td>", table)]
    rows = _csv_rows(_body(client.get(csv_url)))
    assert sorted(r[0] for r in rows[1:]) == sorted(shown)
    assert shown
    in_scope = set(
        Agency.objects.filter(region__code__startswith="32").values_list("name", flat=True)
    )
    assert {r[0] for r in rows[1:]} <= in_scope  # Jawa Barat's agencies only
    national = _csv_rows(_body(signed_in(election.supervisor).get(csv_url)))
    assert len(rows) < len(national)
    assert _xlsx_rows(_body(client.get(xlsx_url))) == {"Kepatuhan PPK": len(rows)}
