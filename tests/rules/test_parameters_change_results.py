"""Editing a data file changes the engine's answer with no change to the code."""

from __future__ import annotations

import datetime
from pathlib import Path

from netral.rules import assess, deadline, due, load_catalogue, recommending_body

FACTS = {"subject": "PNS", "conduct": ["KAMPANYE_IKUT"], "date": "2024-01-10", "election": "PEMILU"}


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_raising_kampanye_ikut_to_berat_in_the_data_changes_the_level(data_copy: Path) -> None:
    provisions = data_copy / "provisions" / "asn_pp94.yaml"
    block_start = provisions.read_text(encoding="utf-8").index(
        "asn.pp94.disiplin.calon.kampanye_ikut"
    )
    text = provisions.read_text(encoding="utf-8")
    head, tail = text[:block_start], text[block_start:]
    tail = tail.replace("level: SEDANG", "level: BERAT", 1).replace(
        "sanctions: PP94_SEDANG", "sanctions: PP94_BERAT", 1
    )
    provisions.write_text(head + tail, encoding="utf-8")
    before = assess(FACTS).to_dict()["findings"][0]["tracks"][0]
    after = assess(FACTS, catalogue=load_catalogue(data_copy)).to_dict()["findings"][0]["tracks"][0]
    assert (before["level"], after["level"]) == ("SEDANG", "BERAT")
    assert "PDHTAPS" in after["sanctions"]


def test_moving_the_pilkada_determination_date_moves_the_bakal_calon_boundary(
    data_copy: Path,
) -> None:
    _replace(
        data_copy / "elections.yaml",
        "{race: kepala daerah, date: 2024-09-22}",
        "{race: kepala daerah, date: 2024-10-01}",
    )
    facts = {
        "subject": "PNS",
        "conduct": ["MEDSOS_UNGGAH"],
        "date": "2024-09-25",
        "election": "PILKADA",
    }
    edited = assess(facts, catalogue=load_catalogue(data_copy)).to_dict()
    assert edited["findings"][0]["tracks"][0]["track"] == "ETIK"
    assert assess(facts).to_dict()["findings"][0]["tracks"][0]["track"] == "DISIPLIN"


def test_removing_a_cuti_bersama_day_from_the_calendar_shortens_a_deadline(data_copy: Path) -> None:
    _replace(
        data_copy / "calendar" / "2024.yaml",
        "  - {date: 2024-12-26, kind: CUTI_BERSAMA, name: Cuti bersama Hari Raya Natal, "
        "decree: SKB-855-2023, confirmed: true}\n",
        "",
    )
    start = datetime.date(2024, 12, 23)
    assert due(start, 3, "WORKING") == datetime.date(2024, 12, 30)
    assert due(start, 3, "WORKING", catalogue=load_catalogue(data_copy)) == datetime.date(
        2024, 12, 27
    )


def test_changing_the_ppk_follow_up_days_changes_the_deadline_rule(data_copy: Path) -> None:
    _replace(data_copy / "deadlines.yaml", "    days: 10\n", "    days: 14\n")
    on = datetime.date(2024, 10, 1)
    assert deadline("PPK_FOLLOW_UP", None, on).days == 10
    assert deadline("PPK_FOLLOW_UP", None, on, catalogue=load_catalogue(data_copy)).days == 14


def test_moving_the_transfer_to_bkn_changes_the_recommending_body(data_copy: Path) -> None:
    _replace(data_copy / "authorities.yaml", "until: 2024-09-03", "until: 2024-09-30")
    _replace(data_copy / "authorities.yaml", "from: 2024-09-04", "from: 2024-10-01")
    on = datetime.date(2024, 9, 15)
    assert recommending_body(on) == "BKN"
    assert recommending_body(on, catalogue=load_catalogue(data_copy)) == "KASN"
