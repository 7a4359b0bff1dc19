"""The loader refuses bad data files and names the file and key in its error."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from netral.rules import CatalogueError, load_catalogue
from netral.rules.loader import DATA_DIR

PROVISIONS = ("provisions", "asn_pp94.yaml")


def _edit(root: Path, parts: tuple[str, ...], old: str, new: str) -> None:
    path = root.joinpath(*parts)
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_packaged_catalogue_loads() -> None:
    catalogue = load_catalogue()
    assert len(catalogue.vocabulary.conduct) == 17
    assert len(catalogue.provisions) > 30


def test_a_duplicate_key_is_refused_with_file_and_line(data_copy: Path) -> None:
    _edit(data_copy, PROVISIONS, "    track: ETIK\n", "    track: ETIK\n    track: DISIPLIN\n")
    with pytest.raises(CatalogueError, match=r"asn_pp94\.yaml: line \d+: duplicate key 'track'"):
        load_catalogue(data_copy)


def test_an_unknown_field_is_refused_naming_it(data_copy: Path) -> None:
    _edit(data_copy, PROVISIONS, "    track: ETIK\n", "    track: ETIK\n    severity: high\n")
    with pytest.raises(CatalogueError, match=r"asn_pp94\.yaml: provisions\[0\]\.severity: unknown"):
        load_catalogue(data_copy)


def test_a_missing_source_is_refused(data_copy: Path) -> None:
    _edit(
        data_copy,
        PROVISIONS,
        "    source: SKB-2022 ethics list as rendered",
        "    origin: SKB-2022 ethics list as rendered",
    )
    with pytest.raises(CatalogueError, match=r"asn_pp94\.yaml: provisions\[0\]\.(origin|source)"):
        load_catalogue(data_copy)


def test_a_missing_confirmed_flag_is_refused(data_copy: Path) -> None:
    _edit(data_copy, ("instruments.yaml",), "    confirmed: true\n", "")
    with pytest.raises(CatalogueError, match=r"instruments\.yaml: instruments\[0\]\.confirmed"):
        load_catalogue(data_copy)


def test_a_missing_effective_date_is_refused(data_copy: Path) -> None:
    _edit(
        data_copy,
        PROVISIONS,
        "    effective: {from: 2021-08-31, until: null}\n",
        "",
    )
    with pytest.raises(CatalogueError, match=r"asn_pp94\.yaml: provisions\[0\]\.effective"):
        load_catalogue(data_copy)


def test_a_date_written_as_text_is_refused(data_copy: Path) -> None:
    _edit(data_copy, ("authorities.yaml",), "from: 2024-09-04", 'from: "4 September 2024"')
    with pytest.raises(CatalogueError, match=r"authorities\.yaml: .*\.from: must be a date"):
        load_catalogue(data_copy)


def test_an_unknown_conduct_code_in_a_provision_is_refused(data_copy: Path) -> None:
    _edit(data_copy, PROVISIONS, "conduct: [APK_PASANG,", "conduct: [APK_PASANGG,")
    with pytest.raises(
        CatalogueError, match=r"asn_pp94\.yaml: asn\.pp94\.etik\.bakal_calon\.when\.conduct"
    ):
        load_catalogue(data_copy)


def test_an_instrument_cited_outside_its_time_is_refused(data_copy: Path) -> None:
    # PP-53-2010 ended in 2021; a provision starting in 2022 cannot cite it.
    _edit(
        data_copy, PROVISIONS, '{instrument: PP-42-2004, pasal: "15"}', "{instrument: PP-53-2010}"
    )
    _edit(data_copy, PROVISIONS, "effective: {from: 2021-08-31", "effective: {from: 2022-01-01")
    with pytest.raises(CatalogueError, match="PP-53-2010 is never in force"):
        load_catalogue(data_copy)


def test_a_holiday_under_an_unknown_decree_is_refused(data_copy: Path) -> None:
    _edit(
        data_copy,
        ("calendar", "2024.yaml"),
        "decree: KEPPRES-33-2024, confirmed",
        "decree: KEPPRES-99-2024, confirmed",
    )
    with pytest.raises(CatalogueError, match=r"calendar/2024\.yaml: 2024-11-27\.decree"):
        load_catalogue(data_copy)


def _raw_entries() -> list[tuple[str, dict[str, object]]]:
    entries = []
    for path in sorted((DATA_DIR / "provisions").glob("*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["provisions"]:
            entries.append((f"{path.name}: {item['id']}", item))
    for name, key in (("exceptions.yaml", "exceptions"), ("bridges.yaml", "bridges")):
        for item in yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8"))[key]:
            entries.append((f"{name}: {item['id']}", item))
    return entries


@pytest.mark.parametrize(("where", "entry"), _raw_entries(), ids=[w for w, _ in _raw_entries()])
def test_every_provision_has_a_source_an_effective_date_and_a_confirmed_flag(
    where: str, entry: dict[str, object]
) -> None:
    assert isinstance(entry.get("source"), str), where
    assert str(entry["source"]).strip(), where
    assert isinstance(entry.get("confirmed"), bool), where
    effective = entry.get("effective")
    assert isinstance(effective, dict), where
    assert effective.get("from") is not None, where
    assert isinstance(entry.get("description"), str), where


def test_every_unconfirmed_provision_says_what_would_settle_it_or_cites_an_open_source() -> None:
    for where, entry in _raw_entries():
        if entry["confirmed"] is False and "removes" not in entry:
            assert (
                entry.get("note")
                or "unconfirmed" in str(entry["source"])
                or "our reading" in str(entry["source"])
            ), where
