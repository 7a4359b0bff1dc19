"""The public rules pages: no login, Indonesian first, every legal statement from the data."""

from __future__ import annotations

import datetime
import re
from html import escape
from pathlib import Path
from typing import Any

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.utils import translation

from netral.guide.core.guidance import Guidance
from netral.guide.pages import conduct_context
from netral.rules import Catalogue, load_catalogue

pytestmark = pytest.mark.django_db
ON = datetime.date(2024, 6, 15)
CITE = re.compile(r'<span class="cite">([^<]+)</span>')


def test_the_index_lists_every_conduct_by_group_without_login(
    client: Client, guidance: Guidance
) -> None:
    response = client.get("/aturan/")
    assert response.status_code == 200
    html = response.content.decode()
    for group in guidance.groups:
        assert group.title.id in html
    for guide in guidance.conduct.values():
        assert f'href="/aturan/{guide.slug}/"' in html


def test_the_home_page_leads_to_the_rules_and_the_self_check(client: Client) -> None:
    html = client.get("/").content.decode()
    assert 'href="/aturan/cek/"' in html
    assert 'href="/aturan/"' in html


def test_a_conduct_page_cites_only_what_the_catalogue_holds(
    client: Client, catalogue: Catalogue
) -> None:
    html = client.get("/aturan/suka-komentar-bagikan/?tanggal=2024-06-15").content.decode()
    cited = set(CITE.findall(html))
    known = {
        ref.cite()
        for provision in catalogue.provisions
        for ref in (*provision.basis, *catalogue.sanction_sets[provision.sanctions].basis)
    } | {ref.cite() for bridge in catalogue.bridges for ref in bridge.add_basis}
    assert cited, "the page cites no article"
    assert cited <= known
    assert "PP-42-2004 Pasal 11 huruf c" in cited  # ethics toward a prospective candidate
    assert "PP-94-2021 Pasal 14 huruf i" in cited  # heavy discipline toward a candidate


def test_changing_a_citation_in_the_data_changes_the_page(
    rules_copy: Path, guidance: Guidance, rf: Any
) -> None:
    provisions = rules_copy / "provisions" / "asn_pp94.yaml"
    text = provisions.read_text(encoding="utf-8")
    before_cite = '{instrument: PP-94-2021, pasal: "14", huruf: i}'
    assert before_cite in text
    provisions.write_text(
        text.replace(before_cite, '{instrument: PP-94-2021, pasal: "99", huruf: z}'),
        encoding="utf-8",
    )
    edited = load_catalogue(rules_copy)
    request = rf.get("/aturan/suka-komentar-bagikan/")
    with translation.override("id"):
        html = render_to_string(
            "guide/conduct.html",
            conduct_context(edited, guidance, "MEDSOS_INTERAKSI", ON),
            request=request,
        )
    cited = set(CITE.findall(html))
    assert "PP-94-2021 Pasal 99 huruf z" in cited
    assert "PP-94-2021 Pasal 14 huruf i" not in cited


def test_the_page_shows_the_rules_in_force_on_the_date_asked(client: Client) -> None:
    before = client.get("/aturan/suka-komentar-bagikan/?tanggal=2020-06-01").content.decode()
    after = client.get("/aturan/suka-komentar-bagikan/?tanggal=2024-06-15").content.decode()
    assert 'data-provision="asn.pp53.etik"' in before
    assert 'data-provision="asn.pp53.etik"' not in after
    assert 'data-provision="asn.pp94.disiplin.calon.berat_dukungan"' in after


def test_an_unknown_conduct_page_is_not_found(client: Client) -> None:
    assert client.get("/aturan/tidak-ada/").status_code == 404


def test_english_readers_get_the_english_catalogue_labels(
    client: Client, catalogue: Catalogue
) -> None:
    client.cookies["django_language"] = "en"
    html = client.get("/aturan/suka-komentar-bagikan/").content.decode()
    assert escape(catalogue.vocabulary.conduct["MEDSOS_INTERAKSI"].en) in html
    assert "Legal basis and sanctions" in html


def test_the_timetable_and_calendar_pages_come_from_the_catalogue(
    client: Client, catalogue: Catalogue
) -> None:
    timetable = client.get("/aturan/jadwal/").content.decode()
    for cycle in catalogue.cycles:
        assert f'data-cycle="{cycle.id}"' in timetable
    calendar = client.get("/aturan/hari-kerja/?mulai=2024-12-23&hari=3&satuan=WORKING")
    html = calendar.content.decode()
    assert 'datetime="2024-12-26"' in html  # cuti bersama from the 2024 decree
    assert "30 Desember 2024" in html  # 3 working days after 2024-12-23


def test_the_self_check_page_answers_from_the_address_alone(client: Client) -> None:
    response = client.get(
        "/aturan/cek/",
        {
            "q": "Bolehkah saya nge-like postingan bakal calon bupati?",
            "tanggal": "2024-06-15",
            "status": "PNS",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert '<h2 id="jawaban" data-testid="verdict">Tidak boleh</h2>' in html
    assert 'data-code="MEDSOS_INTERAKSI"' in html
    assert "bukan pendapat hukum" in html


def test_a_depends_answer_offers_the_question_that_settles_it(client: Client) -> None:
    html = client.get(
        "/aturan/cek/", {"perbuatan": "PENDEKATAN_PARPOL", "tanggal": "2024-06-15", "status": "PNS"}
    ).content.decode()
    assert '<h2 id="jawaban" data-testid="verdict">Tergantung</h2>' in html
    assert 'data-fact="on_leave"' in html
    assert "cltn=ya" in html


def test_a_question_with_nothing_to_check_is_refused_in_indonesian(client: Client) -> None:
    response = client.get("/aturan/cek/", {"status": "PNS", "tanggal": "2024-01-10"})
    assert response.status_code == 400
    assert "pilih paling sedikit satu" in response.content.decode()


def test_the_self_check_page_is_rate_limited_too(client: Client, settings: Any) -> None:
    settings.SELFCHECK_ANSWERS_PER_WINDOW = 1
    query = {"perbuatan": "APK_PASANG", "tanggal": "2024-01-10", "status": "PNS"}
    assert client.get("/aturan/cek/", query).status_code == 200
    limited = client.get("/aturan/cek/", query)
    assert limited.status_code == 429
    assert "Terlalu banyak pertanyaan" in limited.content.decode()
