"""Laws and rules cited by an instrument, as domain/law.md ids with article parts."""

from __future__ import annotations

from typing import Any

from netral.documents import extract_text


def _references(sentence: str) -> list[dict[str, Any]]:
    text = f"Bupati Pati menerbitkan SE Nomor 800/7/BKPP/2024 tanggal 8 Januari 2024. {sentence}"
    result = extract_text(text)
    assert result.primary is not None
    refs: list[dict[str, Any]] = result.to_dict()["instruments"][result.primary]["references"]
    return refs


def test_a_short_citation_gets_its_article_letter() -> None:
    assert _references("Edaran itu mengacu pada PP 94 2021 pasal 5 huruf n.") == [
        {"instrument": "PP-94-2021", "pasal": "5", "huruf": "n"}
    ]


def test_two_articles_of_one_regulation_give_two_references() -> None:
    refs = _references(
        "Sanksinya sesuai Peraturan Pemerintah No 94 Tahun 2021 Pasal 13 huruf g"
        " dan Pasal 14 huruf i."
    )
    assert refs == [
        {"instrument": "PP-94-2021", "pasal": "13", "huruf": "g"},
        {"instrument": "PP-94-2021", "pasal": "14", "huruf": "i"},
    ]


def test_ayat_and_angka_are_kept() -> None:
    refs = _references(
        "Dasarnya Pasal 280 ayat (2) UU 7/2017 dan PP 94/2021 Pasal 5 huruf n angka 3."
    )
    assert refs == [
        {"instrument": "UU-7-2017", "pasal": "280", "ayat": "2"},
        {"instrument": "PP-94-2021", "pasal": "5", "huruf": "n", "angka": "3"},
    ]


def test_the_asn_law_by_name_depends_on_the_instrument_date() -> None:
    old = extract_text(
        "Bupati Pati menerbitkan SE Nomor 800/1/2022 tanggal 3 Maret 2022 sesuai UU ASN."
    )
    new = extract_text(
        "Bupati Pati menerbitkan SE Nomor 800/1/2024 tanggal 3 Maret 2024 sesuai UU ASN."
    )
    assert [r.instrument for r in old.instruments[0].references] == ["UU-5-2014"]
    assert [r.instrument for r in new.instruments[0].references] == ["UU-20-2023"]


def test_a_joint_decree_cited_by_its_compound_number_is_the_2022_decree() -> None:
    refs = _references(
        "Edaran menindaklanjuti Keputusan Bersama Menteri PANRB, Mendagri, Kepala BKN, Ketua KASN"
        " dan Ketua Bawaslu Nomor 2 Tahun 2022, Nomor 800-5474 Tahun 2022, Nomor 246 Tahun 2022."
    )
    assert refs == [{"instrument": "SKB-2022"}]


def test_a_cited_national_rule_is_not_listed_as_an_instrument() -> None:
    result = extract_text(
        "Bupati Pati menerbitkan SE Nomor 800/7/2024. Edaran itu berpedoman pada Surat Edaran"
        " Menteri PANRB Nomor 1 Tahun 2023 tentang netralitas pegawai non-ASN."
    )
    assert [i.number for i in result.instruments] == ["800/7/2024"]
    assert [r.instrument for r in result.instruments[0].references] == ["SE-MENPANRB-1-2023"]


def test_a_rule_not_in_the_catalogue_is_not_a_reference() -> None:
    assert _references("Edaran itu juga menyebut Peraturan Presiden Nomor 12 Tahun 2099.") == []


def test_a_secondary_instrument_keeps_only_the_references_of_its_own_sentence() -> None:
    result = extract_text(
        "Gubernur Jambi menerbitkan SE Nomor 800/1/2024 tanggal 2 Januari 2024 sesuai PP 94/2021.\n"
        "Bupati Kerinci menerbitkan SE Nomor 800/2/2024 sesuai UU 6/2014."
    )
    first, second = result.instruments
    assert result.primary == 0
    assert {r.instrument for r in first.references} == {"PP-94-2021", "UU-6-2014"}
    assert [r.instrument for r in second.references] == ["UU-6-2014"]


def test_a_national_regulation_outside_the_catalogue_is_neither_instrument_nor_reference() -> None:
    result = extract_text(
        "Bupati Pati menerbitkan SE Nomor 800/7/2024 dengan mengingat Peraturan Pemerintah"
        " Nomor 11 Tahun 2017 tentang manajemen PNS."
    )
    assert [i.number for i in result.instruments] == ["800/7/2024"]
    assert result.instruments[0].references == []
