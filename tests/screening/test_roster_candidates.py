"""Roster candidates: the right employee is found through typos, titles and handles,
the post's region narrows the search, and the reasons say why."""

from __future__ import annotations

import json
import pickle
import random
from pathlib import Path

import pytest

from netral.screening.matching import Query, author_name, candidates
from netral.screening.roster import RosterIndex, RosterProblem, RosterRow

CAMAT = RosterRow(
    "197803122005011003", "Drs. Budi Santoso, M.Si.", "Camat Cibinong",
    "Pemerintah Kabupaten Bogor", "32.01", 11,
)  # fmt: skip
NAMESAKE = RosterRow(
    "198001012005011001", "Budi Santoso", "Guru", "Pemerintah Kabupaten Sleman", "34.04", 12
)
PROVINCE = RosterRow(
    "198202022006022002", "Budi Santosa", "Analis", "Pemerintah Provinsi Jawa Barat", "32", 13
)


def _crowd(count: int) -> list[RosterRow]:
    rng = random.Random(3)
    given = ["Agus", "Siti", "Rina", "Joko", "Dewi", "Heru", "Bayu"]
    family = ["Wibowo", "Lestari", "Saputra", "Hidayat", "Santosa", "Rahayu"]
    codes = [rng.choice(["32.01", "32.73", "34.04", "35.01"]) for _ in range(count)]
    return [
        RosterRow(f"{199001012015011000 + i}", f"{rng.choice(given)} {rng.choice(family)}",
                  "Staf", f"Pemerintah {code}", code, 100 + i)
        for i, code in enumerate(codes)
    ]  # fmt: skip


INDEX = RosterIndex([*_crowd(3000), CAMAT, NAMESAKE, PROVINCE])


def test_a_handle_reads_as_the_name_in_it() -> None:
    assert author_name("@budi_santoso88") == "budi santoso"
    assert author_name("Budi Santoso, S.Pd.") == "Budi Santoso, S.Pd."


def test_the_post_region_puts_the_local_employee_first() -> None:
    found = candidates(INDEX, Query("@budi_santoso88", "camat", "", "32.01"))
    assert found[0].nip == CAMAT.nip
    assert found[0].employee_id == 11
    assert set(found[0].reasons) >= {"nama", "jabatan", "wilayah"}
    assert NAMESAKE.nip not in {c.nip for c in found}  # in Sleman, not in the post's region
    found = candidates(INDEX, Query("Budi Santoso", "guru", "", "34.04"))
    assert found[0].nip == NAMESAKE.nip


def test_a_typo_still_finds_the_employee() -> None:
    found = candidates(INDEX, Query("Bdi Santso", "", "", "32.01"))
    assert CAMAT.nip in {c.nip for c in found}


def test_a_regency_post_also_finds_the_province_staff() -> None:
    found = candidates(INDEX, Query("Budi Santosa", "analis", "", "32.01"))
    assert found[0].nip == PROVINCE.nip


def test_without_a_region_namesakes_elsewhere_are_suggested_and_flagged() -> None:
    found = candidates(INDEX, Query("Budi Santoso", "", "", "35.01"))
    assert {CAMAT.nip, NAMESAKE.nip} <= {c.nip for c in found}
    assert all("wilayah_lain" in c.reasons for c in found if c.region_code != "35.01")


def test_no_name_no_candidate() -> None:
    assert candidates(INDEX, Query("", "camat", "", "32.01")) == []
    assert candidates(INDEX, Query("@12345", "", "", "")) == []


def test_candidates_are_ranked_and_limited() -> None:
    found = candidates(INDEX, Query("Agus Wibowo", "", "", ""))
    assert 0 < len(found) <= 5
    assert [c.score for c in found] == sorted((c.score for c in found), reverse=True)
    assert all(c.parts["nama"] >= 70 for c in found)


def test_the_index_fingerprint_follows_the_roster() -> None:
    again = RosterIndex([PROVINCE, NAMESAKE, CAMAT, *_crowd(3000)])
    assert again.fingerprint == INDEX.fingerprint
    moved = RosterIndex([*_crowd(3000), CAMAT, NAMESAKE])
    assert moved.fingerprint != INDEX.fingerprint


QUERIES = [
    Query("@budi_santoso88", "camat", "", "32.01"),
    Query("Bdi Santso", "", "", "32.01"),
    Query("Budi Santoso", "guru", "", "34.04"),
    Query("Agus Wibowo", "staf", "pemerintah", ""),
    Query("Siti Lestari", "", "", "35.01"),
]


def test_a_saved_index_finds_the_same_and_travels_as_its_folder(tmp_path: Path) -> None:
    saved = INDEX.saved(tmp_path)
    assert saved.folder is not None
    assert saved.folder.parent == tmp_path
    assert saved.fingerprint == INDEX.fingerprint
    assert len(saved) == len(INDEX)
    for query in QUERIES:
        assert candidates(saved, query) == candidates(INDEX, query)
    # a worker receives the folder's name, not the roster, and maps the same files
    message = pickle.dumps(saved)
    assert len(message) < 500
    received = pickle.loads(message)  # noqa: S301 (our own bytes)
    assert received.folder == saved.folder
    assert [candidates(received, q) for q in QUERIES] == [candidates(INDEX, q) for q in QUERIES]
    # written once: a resumed run opens the files already there
    written = {p.name: p.stat().st_mtime_ns for p in saved.folder.iterdir()}
    assert INDEX.saved(tmp_path).folder == saved.folder
    assert {p.name: p.stat().st_mtime_ns for p in saved.folder.iterdir()} == written
    assert [p.name for p in tmp_path.iterdir()] == [saved.folder.name]


def test_an_index_in_memory_pickles_whole() -> None:
    again = pickle.loads(pickle.dumps(INDEX))  # noqa: S301 (our own bytes)
    assert again.folder is None
    assert [candidates(again, q) for q in QUERIES] == [candidates(INDEX, q) for q in QUERIES]


def test_an_index_of_another_format_is_refused(tmp_path: Path) -> None:
    folder = INDEX.saved(tmp_path).folder
    assert folder is not None
    meta = json.loads((folder / "meta.json").read_text("utf-8"))
    (folder / "meta.json").write_text(json.dumps({**meta, "format": 99}), encoding="utf-8")
    with pytest.raises(RosterProblem, match="format 99"):
        RosterIndex.open(folder)
    (folder / "keys.npy").unlink()
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(RosterProblem, match="cannot read"):
        RosterIndex.open(folder)
