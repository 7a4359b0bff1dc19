"""The data files of the documents core are well formed."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from pathlib import Path

import pytest

from netral.documents.gazetteer import data_dir, load_gazetteer
from netral.documents.loader import DATA_DIR, DataFileError, load_data, parse_data
from netral.documents.references import catalogue

ID = re.compile(r"^[A-Z]+(?:-[A-Z]+)?-(?:\d+-)?\d{4}$")


def test_a_duplicate_key_is_refused_with_the_file_name() -> None:
    with pytest.raises(DataFileError, match=r"x\.yaml: line 4: duplicate key 'Jabar'"):
        parse_data("version: 1\nabbreviations:\n  Jabar: '32'\n  Jabar: '33'\n", "x.yaml")


def test_a_file_without_a_version_is_refused() -> None:
    with pytest.raises(DataFileError, match="version"):
        parse_data("types: {}\n", "y.yaml")


@pytest.mark.parametrize("path", sorted(DATA_DIR.glob("*.yaml")), ids=lambda p: p.name)
def test_every_data_file_loads(path: Path) -> None:
    assert load_data(path.name)["version"] == 1


def test_every_known_rule_has_an_id_of_the_domain_form_a_source_and_a_confirmed_flag() -> None:
    rules = load_data("references.yaml")["instruments"]
    for rule, entry in rules.items():
        assert ID.match(rule), rule
        assert entry["source"], rule
        assert isinstance(entry["confirmed"], bool), rule


def test_the_ids_used_in_the_issue_are_known() -> None:
    known = catalogue().known
    assert {"PP-94-2021", "UU-20-2023", "SKB-2022", "SE-MENPANRB-1-2023"} <= known.keys()


def test_aliases_that_name_two_rules_split_time_without_overlap() -> None:
    for alias_rules in (rules.split("|") for rules in _alias_labels() if "|" in rules):
        spans = sorted(
            (catalogue().known[r].start or dt.date.min, catalogue().known[r].until or dt.date.max)
            for r in alias_rules
        )
        for (_, first_until), (second_from, _) in itertools.pairwise(spans):
            assert first_until < second_from, alias_rules


def _alias_labels() -> set[str]:
    rules = load_data("references.yaml")["instruments"]
    labels: dict[str, list[str]] = {}
    for rule, entry in rules.items():
        for alias in entry.get("aliases", []):
            labels.setdefault(alias, []).append(rule)
    return {"|".join(names) for names in labels.values()}


def test_every_abbreviation_names_a_region_of_the_gazetteer() -> None:
    gazetteer = load_gazetteer()
    for name, code in load_data("region_abbreviations.yaml")["abbreviations"].items():
        assert str(code) in gazetteer.by_code, name


def test_an_undated_election_is_the_next_one_in_the_rules_timetable() -> None:
    from netral.documents.facts import next_election_year

    assert next_election_year(("PEMILU",), dt.date(2023, 9, 23)) == 2024
    assert next_election_year(("PILKADA",), dt.date(2019, 1, 1)) == 2020
    assert next_election_year(("PILEG",), dt.date(2018, 1, 1)) == 2019
    assert next_election_year(("PILKADA",), dt.date(2024, 11, 28)) is None


def test_the_conduct_and_scope_labels_are_the_domain_codes() -> None:
    keywords = load_data("keywords.yaml")
    assert set(keywords["scope"]) <= {
        "ASN",
        "PNS",
        "PPPK",
        "NON_ASN",
        "BUMN",
        "BUMD",
        "KEPALA_DESA",
    }
    assert set(keywords["election"]) == {"PEMILU", "PILPRES", "PILEG", "PILKADA"}
    types = load_data("instrument_types.yaml")["types"]
    assert set(types) == {
        "SE",
        "INSTRUKSI",
        "KEPUTUSAN",
        "SKB",
        "PERATURAN",
        "SURAT",
        "PAKTA_INTEGRITAS",
        "IKRAR",
        "MAKLUMAT",
        "OTHER",
    }


def test_the_gazetteer_directory_follows_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("NETRAL_NODE_MODULES", str(tmp_path))
    assert data_dir() == tmp_path / "idn-area-data" / "data"


def test_a_small_gazetteer_can_be_loaded_from_another_directory(tmp_path: Path) -> None:
    (tmp_path / "provinces.csv").write_text("code,name\n32,Jawa Barat\n", encoding="utf-8")
    (tmp_path / "regencies.csv").write_text(
        "code,province_code,name\n32.73,32,Kota Bandung\n", encoding="utf-8"
    )
    with pytest.raises(DataFileError, match="Kaltara"):
        # Our abbreviations name regions this tiny gazetteer lacks: caught, not ignored.
        load_gazetteer(tmp_path)


def test_a_missing_gazetteer_is_a_clear_error(tmp_path: Path) -> None:
    from netral.documents.errors import DocumentError

    with pytest.raises(DocumentError, match="NETRAL_NODE_MODULES"):
        load_gazetteer(tmp_path / "nowhere")


def test_the_gazetteer_names_every_region_as_the_registry_does() -> None:
    from netral.org.region_files import read_regions

    gazetteer = load_gazetteer()
    rows = list(read_regions())
    assert {r.code: r.name for r in rows} == {c: g.name for c, g in gazetteer.by_code.items()}
    assert gazetteer.by_code["34"].name == "Daerah Istimewa Yogyakarta"
