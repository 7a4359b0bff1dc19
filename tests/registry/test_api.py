"""GET /api/v1/instruments/: the public registry, read-only, with its filters. The demo
loader's instruments (the seed articles when ../shared is there, our own otherwise) are
read back by region with their number as written, date and prohibited conduct."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from netral.demo.registry import OWN, SEEDS, load_demo_registry
from netral.documents import extract
from tests.registry.conftest import People

pytestmark = pytest.mark.django_db


def _by_region(client: Client, code: str) -> list[dict[str, Any]]:
    response = client.get("/api/v1/instruments/", {"region": code})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == len(body["results"])
    return list(body["results"])


def _each_file_is_served_by_its_region(client: Client, files: list[Path]) -> None:
    for path in files:
        expected = extract(path)
        assert expected.primary is not None
        instrument = expected.instruments[expected.primary]
        assert instrument.region is not None
        assert instrument.region.code
        found = _by_region(client, instrument.region.code)
        mine = [i for i in found if i["file"] and i["file"]["name"] == path.name]
        assert len(mine) == 1, f"{path.name}: {found}"
        served = mine[0]
        assert served["number"] == instrument.number
        assert served["number"] in path.read_text(encoding="utf-8")  # as written
        assert served["date"] == (instrument.date.isoformat() if instrument.date else None)
        assert served["prohibited_conduct"] == instrument.prohibited_conduct
        assert served["prohibited_conduct"]
        assert served["region"]["code"] == instrument.region.code


def test_the_demo_seed_instruments_are_served_by_region(people: People, client: Client) -> None:
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not seeds:
        pytest.skip("../shared/seeds is not beside the repository")
    load_demo_registry(people.central)
    assert client.get("/api/v1/instruments/").json()["count"] == len(seeds)
    _each_file_is_served_by_its_region(client, seeds)
    banten = _by_region(client, "36")
    assert [i["number"] for i in banten] == ["800.1.6.1/4063-BKD/2023"]


def test_our_own_demo_instruments_are_served_by_region(
    people: People, client: Client, tmp_path: Path
) -> None:
    load_demo_registry(people.central, seeds=tmp_path / "no-seeds-here")
    files = sorted(OWN.glob("*.txt"))
    assert client.get("/api/v1/instruments/").json()["count"] == len(files) >= 3
    _each_file_is_served_by_its_region(client, files)


def test_a_province_code_also_finds_its_regencies_and_filters_combine(
    people: People, client: Client, tmp_path: Path
) -> None:
    load_demo_registry(people.central, seeds=tmp_path)
    numbers = {i["number"] for i in _by_region(client, "32")}
    assert len(numbers) == 3  # the province's, Bogor's and Bandung's
    instructions = client.get("/api/v1/instruments/", {"region": "32", "type": "INSTRUKSI"})
    assert [i["type"] for i in instructions.json()["results"]] == ["INSTRUKSI"]
    pemilu = client.get("/api/v1/instruments/", {"election": "PEMILU", "year": 2023}).json()
    assert [i["region"]["code"] for i in pemilu["results"]] == ["32"]
    assert client.get("/api/v1/instruments/", {"region": "11"}).json()["count"] == 0
    searched = client.get("/api/v1/instruments/", {"q": "honorer"}).json()
    assert [i["region"]["code"] for i in searched["results"]] == ["32.73"]


def test_drafts_are_not_public_and_bad_filters_get_the_error_shape(
    people: People, client: Client
) -> None:
    from netral.registry.services import instrument_draft_from_text
    from tests.registry.conftest import own_text

    draft = instrument_draft_from_text(actor=people.bogor, text=own_text("bogor"))
    assert client.get("/api/v1/instruments/").json()["count"] == 0
    missing = client.get(f"/api/v1/instruments/{draft.pk}")
    assert missing.status_code == 404
    assert missing.json()["code"] == "not_found"
    bad = client.get("/api/v1/instruments/", {"type": "SURAT_CINTA"})
    assert bad.status_code == 422
    assert set(bad.json()) == {"code", "message", "detail"}
    assert client.post("/api/v1/instruments/", {}).status_code == 405


def test_the_openapi_document_describes_the_registry(client: Client) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    listing = paths["/api/v1/instruments/"]["get"]
    assert {"region", "type", "year", "election"} <= {p["name"] for p in listing["parameters"]}
    assert "404" in paths["/api/v1/instruments/{instrument_id}"]["get"]["responses"]
