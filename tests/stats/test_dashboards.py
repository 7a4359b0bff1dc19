"""Staff dashboards: each role sees its own figures, counted only over cases it may open."""

from __future__ import annotations

import csv
import io
import re

import pytest
from django.test import Client

from netral.cases.models import Case
from netral.cases.selectors import cases_visible_to
from netral.exports.models import ExportLog
from netral.stats.models import CaseFact
from netral.stats.refresh import refresh_facts
from tests.stats.conftest import People, signed_in

pytestmark = pytest.mark.django_db


def _headings(html: str) -> list[str]:
    return re.findall(r'<h2 id="judul-([a-z_]+)"', html)


def _funnel_reported(html: str) -> int:
    table = html.split('id="tabel-alur"', 1)[1]
    return int(re.findall(r'data-value="(\d+)"', table)[0])


def test_each_role_gets_its_sections(election: People) -> None:
    supervisor = signed_in(election.supervisor).get("/statistik/dasbor/").content.decode()
    verifier = signed_in(election.verifier).get("/statistik/dasbor/").content.decode()
    ppk = signed_in(election.ppk).get("/statistik/dasbor/").content.decode()
    assert set(_headings(supervisor)) >= {"alur", "backlog", "deadlines", "kepatuhan", "sanksi"}
    assert "backlog" in _headings(verifier)
    assert "kepatuhan" not in _headings(verifier)
    assert "kepatuhan" in _headings(ppk)
    assert "backlog" not in _headings(ppk)


def test_a_regional_verifier_counts_only_the_cases_of_his_region(election: People) -> None:
    html = signed_in(election.verifier).get("/statistik/dasbor/").content.decode()
    visible = cases_visible_to(actor=election.verifier).exclude(stage="MERGED").count()
    assert _funnel_reported(html) == visible
    national = signed_in(election.supervisor).get("/statistik/dasbor/").content.decode()
    assert _funnel_reported(national) == CaseFact.objects.exclude(outcome="MERGED").count()
    assert visible < _funnel_reported(national)


def test_filters_narrow_the_figures(election: People) -> None:
    client = signed_in(election.supervisor)
    whole = _funnel_reported(client.get("/statistik/dasbor/").content.decode())
    jabar = _funnel_reported(client.get("/statistik/dasbor/?wilayah=32").content.decode())
    expected = CaseFact.objects.filter(province_code="32").exclude(outcome="MERGED").count()
    assert jabar == expected < whole


def test_a_user_without_a_case_role_sees_no_figures(election: People) -> None:
    html = signed_in(election.outsider).get("/statistik/dasbor/").content.decode()
    assert _headings(html) == []
    assert Client().get("/statistik/dasbor/").status_code == 302  # login first


def test_each_chart_has_a_csv_of_exactly_its_table_and_the_download_is_logged(
    election: People,
) -> None:
    client = signed_in(election.supervisor)
    html = client.get("/statistik/dasbor/").content.decode()
    table = html.split('id="tabel-outcomes"', 1)[1].split("</table>", 1)[0]
    shown = [int(v) for v in re.findall(r'data-value="(\d+)"', table)]
    response = client.get("/statistik/dasbor/?unduh=outcomes")
    body = b"".join(response.streaming_content).decode()  # type: ignore[attr-defined]
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0] == ["hasil", "kasus"]
    assert [int(r[1]) for r in rows[1:]] == shown
    assert ExportLog.objects.filter(user=election.supervisor, kind="dashboard:outcomes").exists()


def test_the_rendered_tables_follow_each_refresh_of_the_facts(election: People) -> None:
    """The pages cache their rendered tables per refresh: a rebuild shows the new counts."""
    client = signed_in(election.supervisor)
    before = _funnel_reported(client.get("/statistik/dasbor/").content.decode())
    public_before = Client().get("/statistik/").content.decode()
    # Five new cases as they come in (written directly: the figures read only the facts).
    Case.objects.bulk_create([Case(subject_name=f"Baru {i}") for i in range(5)])
    assert _funnel_reported(client.get("/statistik/dasbor/").content.decode()) == before
    refresh_facts()
    after = _funnel_reported(client.get("/statistik/dasbor/").content.decode())
    assert after == before + 5 == CaseFact.objects.exclude(outcome="MERGED").count()
    assert _funnel_reported(Client().get("/statistik/").content.decode()) == after
    assert _funnel_reported(public_before) == before
