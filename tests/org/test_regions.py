"""Every fresh database has Indonesia's provinces, regencies and cities after migrate."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from netral.org.models import Region
from netral.org.regions import RegionDataMissing, data_dir, load_regions

pytestmark = pytest.mark.django_db


def test_migrate_loads_every_province_and_regency_from_the_package() -> None:
    with (data_dir() / "provinces.csv").open(encoding="utf-8") as handle:
        provinces = sum(1 for _ in csv.DictReader(handle))
    with (data_dir() / "regencies.csv").open(encoding="utf-8") as handle:
        regencies = sum(1 for _ in csv.DictReader(handle))
    assert Region.objects.filter(level="PROVINCE").count() == provinces
    assert Region.objects.exclude(level="PROVINCE").count() == regencies
    assert provinces >= 38


def test_codes_are_written_as_kemendagri_writes_them() -> None:
    bogor = Region.objects.get(code="32.01")
    assert bogor.name == "Kabupaten Bogor"
    assert bogor.level == "REGENCY"
    assert bogor.parent is not None
    assert (bogor.parent.code, bogor.parent.name) == ("32", "Provinsi Jawa Barat")
    assert Region.objects.get(code="32.73").level == "CITY"


def test_reloading_updates_a_renamed_region_and_creates_a_new_one(tmp_path: Path) -> None:
    shutil.copy(data_dir() / "provinces.csv", tmp_path / "provinces.csv")
    with (data_dir() / "regencies.csv").open(encoding="utf-8") as source:
        rows = list(csv.DictReader(source))
    for row in rows:
        if row["code"] == "32.01":
            row["name"] = "Kabupaten Bogor Raya"
    rows.append({"code": "32.99", "province_code": "32", "name": "Kota Contoh Baru"})
    with (tmp_path / "regencies.csv").open("w", encoding="utf-8", newline="") as target:
        writer = csv.DictWriter(target, fieldnames=["code", "province_code", "name"])
        writer.writeheader()
        writer.writerows(rows)

    created, updated = load_regions(Region, tmp_path)

    assert (created, updated) == (1, 1)
    assert Region.objects.get(code="32.01").name == "Kabupaten Bogor Raya"
    assert Region.objects.get(code="32.99").parent.code == "32"


def test_missing_package_data_says_how_to_install_it(tmp_path: Path) -> None:
    with pytest.raises(RegionDataMissing, match="npm ci"):
        load_regions(Region, tmp_path)
