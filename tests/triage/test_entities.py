"""Who and what a text mentions: subjects, numbers, candidates, parties, platforms, dates."""

from __future__ import annotations

from netral.triage.entities import extract
from netral.triage.idnumbers import nik_fields, nip_fields

TEXT = (
    "Laporan: Camat Sukamaju (NIP 19800512 200501 1 003) dan Kades Mekarsari ikut kampanye "
    "paslon nomor urut 2 di Kecamatan Cibeber, Senin 12 Februari 2024. Videonya di TikTok "
    "dan grup WA https://contoh.id/v/1 . Caleg Partai Matahari hadir, juga capres 02."
)


def test_subject_words_carry_a_subject_type() -> None:
    subjects = {(s["text"], s["subject_type"]) for s in extract(TEXT)["subjects"]}
    assert ("Camat", "PNS") in subjects
    assert ("Kades", "KEPALA_DESA") in subjects


def test_a_valid_nip_is_read_into_its_parts() -> None:
    [nip] = extract(TEXT)["nip"]
    assert nip["valid"] is True
    assert (nip["birth_date"], nip["appointed"], nip["sex"]) == ("1980-05-12", "2005-01", "male")


def test_an_impossible_nip_is_marked_invalid() -> None:
    assert nip_fields("198013452005011003") is None  # month 13
    assert nip_fields("198005122005013003") is None  # sex digit 3
    [nip] = extract("NIP 198013452005011003")["nip"]
    assert nip["valid"] is False


def test_a_nik_with_a_womans_day_is_valid() -> None:
    assert nik_fields("3201124505900001") == {"region": "320112", "sex": "female"}
    assert nik_fields("9901124505900001") is None  # no province 99


def test_candidates_parties_platforms_dates_and_urls_are_found() -> None:
    found = extract(TEXT)
    candidates = [c["text"] for c in found["candidates"]]
    assert "paslon nomor urut 2" in candidates
    assert "capres 02" in candidates
    assert any(c.startswith("Caleg Partai Matahari") for c in candidates)
    assert [p["text"] for p in found["parties"]] == ["Partai Matahari"]
    assert {p["platform"] for p in found["platforms"]} == {"TikTok", "WhatsApp"}
    assert [d["text"] for d in found["dates"]] == ["Senin 12 Februari 2024"]
    assert [u["text"] for u in found["urls"]] == ["https://contoh.id/v/1"]
    assert [r["text"] for r in found["regions"]] == ["Kecamatan Cibeber"]


def test_a_lower_case_word_is_not_taken_for_a_party_abbreviation() -> None:
    assert extract("dia pan pan saja")["parties"] == []
