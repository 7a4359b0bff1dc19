"""`/statistik/` and the open data: real figures, and no small cell anywhere."""

from __future__ import annotations

import csv
import io
import re

import pytest
from django.test import Client

from netral.stats import datapackage
from netral.stats.models import CaseFact
from netral.stats.public import threshold
from tests.stats.conftest import People

pytestmark = pytest.mark.django_db


def _small(value: str) -> bool:
    return value.isdigit() and 0 < int(value) < threshold()


def _csv(client: Client, url: str) -> list[dict[str, str]]:
    response = client.get(url)
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()  # type: ignore[attr-defined]
    return list(csv.DictReader(io.StringIO(body)))


def test_the_public_page_shows_the_funnel_without_login(election: People) -> None:
    response = Client().get("/statistik/")
    assert response.status_code == 200
    html = response.content.decode()
    reported = CaseFact.objects.exclude(outcome="MERGED").count()
    assert f'data-value="{reported}"' in html  # the funnel's first step, as data for the chart
    assert 'data-chart="hbar"' in html
    assert "tilegrid" in html  # the province map
    # The page states the suppression rule with the actual number (threshold 5 -> 1 to 4).
    assert f"Angka 1 sampai {threshold() - 1} disembunyikan" in html


def test_no_published_cell_on_the_page_or_in_its_csvs_is_small(election: People) -> None:
    client = Client()
    pages = ["/statistik/", "/statistik/?provinsi=32"]
    for url in pages:
        html = client.get(url).content.decode()
        values = re.findall(r'data-value="([^"]*)"', html)
        assert values, url
        assert not [v for v in values if _small(v)], url
        for key in set(re.findall(r"unduh=([a-z_]+)", html)):
            rows = _csv(client, f"{url}{'&' if '?' in url else '?'}unduh={key}")
            cells = [v for row in rows for k, v in row.items() if k not in {"tahap", "persentase"}]
            assert not [v for v in cells if _small(v)], (url, key)


def test_small_cells_are_withheld_and_marked(election: People) -> None:
    html = Client().get("/statistik/?provinsi=32").content.decode()
    assert 'class="withheld"' in html  # a regency breakdown of a few hundred cases has some


def test_every_data_package_resource_withholds_small_counts(election: People) -> None:
    client = Client()
    descriptor = client.get("/data/datapackage.json").json()
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    assert descriptor["created"]
    withheld = 0
    for resource in descriptor["resources"]:
        rows = _csv(client, f"/data/{resource['path']}")
        assert rows, resource["name"]
        counts = [f["name"] for f in resource["schema"]["fields"] if f["type"] == "integer"]
        for row in rows:
            assert not [row[c] for c in counts if _small(row[c])], (resource["name"], row)
            withheld += sum(row[c] == "" for c in counts)
    assert withheld > 0


def test_the_api_serves_the_same_aggregates(election: People) -> None:
    client = Client()
    listing = client.get("/api/v1/statistics/").json()
    names = [r["name"] for r in listing["resources"]]
    assert names == [r.name for r in datapackage.RESOURCES]
    rows = client.get("/api/v1/statistics/kategori-jabatan").json()["rows"]
    from_csv = _csv(client, "/data/kategori-jabatan.csv")
    assert [str(r["reported"] if r["reported"] is not None else "") for r in rows] == [
        r["reported"] for r in from_csv
    ]
    assert client.get("/api/v1/statistics/tidak-ada").status_code == 404


def test_an_unknown_province_or_election_falls_back_to_everything(election: People) -> None:
    client = Client()
    national = client.get("/statistik/").content.decode()
    odd = client.get("/statistik/?provinsi=99&pemilihan=XYZ").content.decode()
    assert (
        re.findall(r'data-value="(\d+)"', odd)[:3]
        == re.findall(r'data-value="(\d+)"', national)[:3]
    )
