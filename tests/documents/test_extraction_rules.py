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


def test_a_number_typed_with_spaces_is_kept_as_written_with_a_compact_key() -> None:
    result = extract_text(
        "Bupati Paser menerbitkan surat edaran bernomor 270 / 360 / Pem.1 tentang netralitas"
        " ASN, ditandatangani 21 Januari 2020."
    )
    (circular,) = result.instruments
    assert circular.number == "270 / 360 / Pem.1"
    assert circular.number_key == "270/360/PEM.1"
    assert circular.date == dt.date(2020, 1, 21)


def test_ocr_letters_for_digits_do_not_make_a_second_instrument() -> None:
    result = extract_text(
        "Wali Kota Jambi menerbitkan Instruksi Nomor HKM.05/O1/INS/2024 tentang netralitas.\n"
        "Instruksi Nomor HKM.05/01/INS/2024 itu dibacakan di depan camat dan lurah."
    )
    assert [i.number_key for i in result.instruments] == ["HKM.05/01/INS/2024"]


def test_a_decree_number_with_kpts_and_stray_spaces_is_read_whole() -> None:
    result = extract_text(
        "Keputusan Bupati Kuningan tentang Satgas Netralitas ASN bernomor: 800/KPTS. 703-"
        " BKPSDM/2024. Surat keputusan itu memuat susunan satgas."
    )
    decree = result.instruments[0]
    assert (decree.type, decree.number) == ("KEPUTUSAN", "800/KPTS. 703- BKPSDM/2024")
    assert decree.type_as_written == "Keputusan"


def test_a_letter_heading_takes_the_number_and_place_date_of_its_header() -> None:
    result = extract_text(
        "BUPATI KARIMUN\n"
        "Tanjung Balai Karimun, 27 Juni 2023\n"
        "Nomor : B/ 800.8/ GO7 / BKPSDM/ 2023\n"
        "Perihal : Netralitas ASN\n"
        "Kepada Yth. Kepala Perangkat Daerah\n"
        "SURAT EDARAN\n"
        "Dalam rangka Pemilu 2024, ASN dilarang memasang spanduk bakal calon.\n"
        "Dasar: Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin PNS."
    )
    letter = result.instruments[result.primary or 0]
    assert (letter.type, letter.number) == ("SE", "B/ 800.8/ GO7 / BKPSDM/ 2023")
    assert letter.date == dt.date(2023, 6, 27)
    assert letter.region is not None
    assert letter.region.code == "21.02"


def test_a_pledge_read_on_a_bare_day_name_is_dated_from_the_news_item() -> None:
    result = extract_text(
        "BEKASI - 18 Oktober 2022 - Penjabat Bupati Bekasi memimpin dan membacakan ikrar"
        " netralitas ASN dalam apel pagi, Senin kemarin."
    )
    (pledge,) = result.instruments
    assert (pledge.type, pledge.date) == ("IKRAR", dt.date(2022, 10, 17))
    assert pledge.issuer == "Pj Bupati Bekasi"


def test_a_pact_signed_at_an_event_is_an_instrument_without_number_or_date() -> None:
    result = extract_text(
        "Kepala OPD Kutai Kartanegara Teken Pakta Integritas\n\n"
        "Seluruh kepala OPD Pemkab Kutai Kartanegara menandatangani pakta integritas"
        " netralitas ASN, Kamis. Mereka diminta mematuhi Surat Edaran Bupati Nomor"
        " P-20/PKAP/800.1.10/10/2024."
    )
    pact = result.instruments[result.primary or 0]
    assert (pact.type, pact.number, pact.date) == ("PAKTA_INTEGRITAS", None, None)


def test_the_election_day_is_not_the_date_of_the_pledge() -> None:
    result = extract_text(
        "ASN Pemkot Sabang mengucapkan ikrar netralitas menghadapi Pilkada serentak yang"
        " digelar 27 November 2024."
    )
    (pledge,) = result.instruments
    assert (pledge.type, pledge.date) == ("IKRAR", None)


def test_a_day_name_picks_the_year_of_a_date_written_without_one() -> None:
    result = extract_text(
        "Ratusan ASN mengikuti ikrar netralitas menghadapi Pemilu 2024, Selasa (30/5),"
        " di Kantor Kecamatan Klojen, Kota Malang."
    )
    assert result.instruments[0].date == dt.date(2023, 5, 30)


def test_a_joint_decree_named_by_its_signatories_is_dated_by_the_signing() -> None:
    result = extract_text(
        "Pemerintah Terbitkan SKB Netralitas ASN\n\n"
        "SKB ditandatangani Menteri PANRB Abdullah Azwar Anas, Menteri Dalam Negeri Tito"
        " Karnavian, Plt. Kepala BKN Bima Haria Wibisana, Ketua KASN Agus Pramusinto, serta"
        " Ketua Bawaslu Rahmat Bagja, Kamis (22/09/2022), di Jakarta."
    )
    decree = result.instruments[result.primary or 0]
    assert (decree.type, decree.date, decree.known_id) == ("SKB", dt.date(2022, 9, 22), "SKB-2022")


def test_a_circular_issued_without_number_or_date_is_reported_when_nothing_else_is() -> None:
    result = extract_text(
        "Pj Bupati Lamandau Terbitkan Edaran Netralitas\n\n"
        "Penjabat Bupati Lamandau Said Salim menerbitkan surat edaran netralitas ASN untuk"
        " Pilkada 2024."
    )
    (circular,) = result.instruments
    assert (circular.type, circular.number, circular.issuer) == ("SE", None, "Pj Bupati Lamandau")


def test_a_link_to_another_story_names_no_instrument_of_this_page() -> None:
    result = extract_text(
        "Bupati Sleman mengimbau ASN netral.\n"
        "BACA JUGA: Bupati Bantul Terbitkan SE Nomor 800/99/2024 Netralitas ASN\n"
        "Imbauan disampaikan dalam apel pagi."
    )
    assert result.instruments == []


def test_the_date_of_the_earlier_instrument_stays_with_it_when_another_is_issued_after() -> None:
    result = extract_text(
        "Menindaklanjuti surat KASN Nomor B 2708/KASN/9/2020 tanggal 18 September 2020,"
        " Gubernur Sumatera Barat mengeluarkan Surat Edaran Nomor 800/6285/BKD/2020 tanggal"
        " 30 September 2020."
    )
    main = result.instruments[result.primary or 0]
    assert (main.number, main.date) == ("800/6285/BKD/2020", dt.date(2020, 9, 30))


def test_the_regional_secretary_signing_for_the_regent_is_not_the_issuer() -> None:
    result = extract_text(
        "Sekda Kabupaten Garut atas nama Bupati Garut menandatangani SE Nomor 800/12/BKPSDM"
        " tanggal 3 Januari 2024."
    )
    assert result.instruments[0].issuer == "Bupati Garut"


def test_surat_tersebut_dates_the_circular_named_before_it() -> None:
    result = extract_text(
        "Pj Bupati Kuningan mengeluarkan Surat Edaran Nomor 800.1 -61 7a3 BKPSDM tentang"
        " netralitas ASN.\nSurat tersebut diterbitkan tanggal 22 Mei 2024."
    )
    (circular,) = result.instruments
    assert circular.number == "800.1 -61 7a3 BKPSDM"
    assert circular.date == dt.date(2024, 5, 22)
