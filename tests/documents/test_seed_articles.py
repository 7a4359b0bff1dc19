"""The five seed news articles: what the issue says each must report."""

from __future__ import annotations

import pytest

from netral.documents import extract

from .conftest import primary, seed


def test_banten_decree_reports_its_number_date_and_province() -> None:
    instrument = primary(extract(seed("000")))
    assert instrument["number"] == "800.1.6.1/4063-BKD/2023"
    assert instrument["date"] == "2023-11-17"
    assert instrument["region"] == {"code": "36", "name": "Provinsi Banten", "level": "PROVINCE"}
    assert instrument["issuer"] == "Pj Gubernur Banten"


def test_banten_decree_cites_the_joint_decree_only_as_a_reference() -> None:
    result = extract(seed("000"))
    assert [i.type for i in result.instruments] == ["KEPUTUSAN"]
    assert {"instrument": "SKB-2022"} in primary(result)["references"]


def test_bekasi_circular_is_primary_over_the_bawaslu_letter_it_follows_up() -> None:
    result = extract(seed("001"))
    numbers = [i.number for i in result.instruments]
    assert numbers == ["800/5878/BKPSDM.PKA", "069/PM.01.02/k.JB-21/08/2022"]
    main = primary(result)
    assert main["number"] == "800/5878/BKPSDM.PKA"
    assert main["region"]["name"] == "Kota Bekasi"
    assert {"instrument": "PP-94-2021", "pasal": "5", "huruf": "n"} in main["references"]
    assert {"instrument": "PP-94-2021", "pasal": "14", "huruf": "i"} in main["references"]
    assert result.instruments[1].date is not None
    assert result.instruments[1].date.isoformat() == "2022-08-22"


def test_jambi_instruction_with_its_references() -> None:
    instrument = primary(extract(seed("002")))
    assert instrument["type"] == "INSTRUKSI"
    assert instrument["number"] == "HKM.05/O1/INS/I/HKU/2024"
    assert instrument["date"] == "2024-01-24"
    assert instrument["region"]["code"] == "15.71"
    assert instrument["issuer"] == "Pj Wali Kota Jambi"
    cited = {reference["instrument"] for reference in instrument["references"]}
    assert {"SKB-2022", "SE-MENPANRB-1-2023"} <= cited
    assert set(instrument["scope"]) == {"ASN", "NON_ASN"}


def test_north_kalimantan_circular_binds_civil_servants_and_state_company_staff() -> None:
    instrument = primary(extract(seed("003")))
    assert instrument["type"] == "SE"
    assert instrument["number"] == "800/864.1/3.2-BKD/GUB"
    assert instrument["date"] == "2020-10-05"
    assert instrument["region"]["name"] == "Provinsi Kalimantan Utara"
    assert instrument["issuer"] == "Pjs Gubernur Kalimantan Utara"
    assert set(instrument["scope"]) == {"ASN", "BUMN", "BUMD"}
    assert (instrument["election"], instrument["election_year"]) == (["PILKADA"], 2020)


def test_kebumen_circular_lists_social_media_conduct_for_asn_and_ppnpn() -> None:
    instrument = primary(extract(seed("004")))
    assert (instrument["type"], instrument["number"]) == ("SE", "800/3066.1")
    assert instrument["date"] == "2023-09-23"
    assert instrument["region"]["name"] == "Kabupaten Kebumen"
    assert set(instrument["scope"]) == {"ASN", "NON_ASN"}
    assert {"MEDSOS_UNGGAH", "MEDSOS_INTERAKSI", "FOTO_SIMBOL"} <= set(
        instrument["prohibited_conduct"]
    )
    assert (instrument["election"], instrument["election_year"]) == (["PILKADA"], 2024)


# Known failures: the triage lexicon (netral.triage.match_conduct) does not yet match how
# these circulars word partisan activities; strict, so a fix there is noticed here.
@pytest.mark.xfail(strict=True, reason="triage lexicon misses 'kegiatan yang mengarah pada'")
def test_banten_decree_lists_partisan_activities() -> None:
    assert "KEGIATAN_KEBERPIHAKAN" in primary(extract(seed("000")))["prohibited_conduct"]


@pytest.mark.xfail(strict=True, reason="triage lexicon misses 'kegiatan yang mengarah kepada'")
def test_north_kalimantan_circular_lists_partisan_activities() -> None:
    assert "KEGIATAN_KEBERPIHAKAN" in primary(extract(seed("003")))["prohibited_conduct"]
