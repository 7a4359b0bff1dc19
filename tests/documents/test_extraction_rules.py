"""How the extractor reads issuers, dates, the primary instrument and prohibitions."""

from __future__ import annotations

import datetime as dt

from netral.documents import extract_text


def test_an_acting_title_written_once_carries_to_the_instrument_issuer() -> None:
    result = extract_text(
        "Pelaksana Tugas (Plt) Bupati Jember Ahmad Halim hadir di pendapa.\n"
        "Keputusan Bupati Jember Nomor 188.45/77/1.12/2024 tanggal 2 Agustus 2024 mengatur"
        " satgas netralitas."
    )
    assert result.instruments[0].issuer == "Plt Bupati Jember"


def test_a_date_without_a_year_takes_the_year_of_the_number() -> None:
    result = extract_text("Bupati Demak menerbitkan SE Nomor 800/12/BKPP/2023 pada Jumat (22/9).")
    assert result.instruments[0].date == dt.date(2023, 9, 22)


def test_the_date_of_a_later_statement_is_not_the_instrument_date() -> None:
    result = extract_text(
        "Wali Kota Kediri menerbitkan SE Nomor 800/5/2024 tentang netralitas ASN.\n"
        "Kepala BKPSDM menjelaskan isi edaran itu pada Rabu (10/1/2024)."
    )
    assert result.instruments[0].date is None


def test_a_dated_mention_later_in_the_article_completes_the_numbered_one() -> None:
    result = extract_text(
        "Bupati Magelang menerbitkan SE Nomor 800/9/2024 tentang netralitas ASN.\n"
        "Surat edaran itu ditandatangani tanggal 8 Januari 2024."
    )
    assert len(result.instruments) == 1
    assert result.instruments[0].date == dt.date(2024, 1, 8)


def test_the_same_number_twice_is_one_instrument() -> None:
    result = extract_text(
        "Bupati Kudus menerbitkan SE Nomor 800/31/2024. Isi SE Nomor 800/31/2024 disosialisasikan."
    )
    assert [i.number for i in result.instruments] == ["800/31/2024"]


def test_the_instrument_cited_as_a_basis_is_not_primary() -> None:
    result = extract_text(
        "Bupati Rembang Terbitkan Instruksi Netralitas\n\n"
        "Menindaklanjuti surat Bawaslu Kabupaten Rembang nomor 12/PM.00/K.JT-18/2024,"
        " Bupati Rembang menerbitkan Instruksi Nomor 3 Tahun 2024 tentang netralitas ASN."
    )
    assert [i.type for i in result.instruments] == ["SURAT", "INSTRUKSI"]
    assert result.primary == 1


def test_an_undated_election_takes_the_year_of_the_next_vote_after_the_instrument() -> None:
    result = extract_text(
        "Bupati Batang menerbitkan SE Nomor 800/4/2023 tanggal 1 Desember 2023 tentang"
        " netralitas ASN dalam penyelenggaraan Pemilu."
    )
    assert result.instruments[0].election == ["PEMILU"]
    assert result.instruments[0].election_year == 2024


def test_the_election_supervisor_name_is_not_an_election() -> None:
    result = extract_text(
        "Bupati Pati menerbitkan SE Nomor 800/2/2024 atas saran"
        " Badan Pengawas Pemilu Kabupaten Pati."
    )
    assert result.instruments[0].election == []


def test_conduct_is_read_only_where_the_article_lists_prohibitions() -> None:
    result = extract_text(
        "Bupati Wonogiri menerbitkan SE Nomor 800/3/2024 tentang netralitas ASN.\n"
        "Acara sosialisasi digelar di aula, tempat kampanye damai pernah diadakan.\n"
        "Dalam edaran itu, ASN dilarang memasang spanduk pasangan calon."
    )
    assert result.instruments[0].prohibited_conduct == ["APK_PASANG"]


def test_a_list_of_prohibitions_ends_where_a_list_of_duties_starts() -> None:
    result = extract_text(
        "Bupati Purworejo menerbitkan SE Nomor 800/6/2024.\n"
        "Pegawai dilarang:\n"
        "1. memasang spanduk pasangan calon;\n"
        "2. menjadi tim sukses.\n"
        "Bupati juga mewajibkan kepala dinas untuk:\n"
        "1. melaporkan pegawai yang menggunakan mobil dinas untuk kampanye."
    )
    assert set(result.instruments[0].prohibited_conduct) == {"APK_PASANG", "TIM_PEMENANGAN"}


def test_an_article_without_a_number_or_date_for_its_circular_reports_nothing() -> None:
    result = extract_text("Bupati Blora mengimbau ASN netral dan akan menerbitkan surat edaran.")
    assert result.instruments == []
    assert result.primary is None


def test_a_candidate_title_is_not_taken_for_the_issuer() -> None:
    result = extract_text(
        "Sekda Kabupaten Tegal menerbitkan SE Nomor 800/8/2024 yang melarang ASN mendukung"
        " calon Bupati Brebes."
    )
    assert result.instruments[0].issuer == "Sekretaris Daerah Kabupaten Tegal"
    assert result.instruments[0].region is not None
    assert result.instruments[0].region.code == "33.28"


def test_the_full_stop_of_no_does_not_end_the_sentence() -> None:
    result = extract_text(
        "Sekda Provinsi Riau menandatangani surat No. 800/BKD/3321 tertanggal 2 Februari 2024"
        " untuk bupati dan wali kota."
    )
    assert result.instruments[0].date == dt.date(2024, 2, 2)


def test_a_pledge_read_on_a_day_is_an_instrument_known_by_its_date() -> None:
    result = extract_text(
        "Ribuan ASN Pemkab Bogor mengikuti ikrar netralitas yang dibacakan pada Senin"
        " (6/11/2023) di stadion."
    )
    (pledge,) = result.instruments
    assert (pledge.type, pledge.number, pledge.date) == ("IKRAR", None, dt.date(2023, 11, 6))
    assert pledge.region is not None
    assert pledge.region.name == "Kabupaten Bogor"


def test_an_office_acting_through_its_agency_is_the_issuer() -> None:
    result = extract_text(
        "Pemerintah Kota Tangerang Selatan melalui BKPSDM menerbitkan SE Nomor 800.1.6/2971/BKPSDM"
        " tertanggal 19 Oktober 2023."
    )
    assert result.instruments[0].issuer == "Pemerintah Kota Tangerang Selatan"
