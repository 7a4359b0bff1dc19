"""The public pages (list, instrument, file, feed, coverage, CSV) and the staff pages'
access rules, through Django's test client."""

from __future__ import annotations

import csv
import datetime
import io
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from netral.demo.registry import load_demo_registry
from netral.guide.registry import instrument_url
from netral.registry import services
from netral.registry.models import Instrument, Status
from netral.registry.values import values_from
from tests.registry.conftest import People, own_text
from tests.web.test_staff_homes import signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(people: People, tmp_path: Path) -> list[Instrument]:
    return load_demo_registry(people.central, seeds=tmp_path)


def test_the_instrument_page_links_each_prohibition_to_the_rules_pages(
    loaded: list[Instrument], client: Client
) -> None:
    bogor = next(i for i in loaded if i.region and i.region.code == "32.01")
    page = client.get(f"/edaran/{bogor.pk}/").content.decode()
    assert bogor.number in page
    for code in bogor.prohibited_conduct:
        assert f'data-code="{code}"><a href="/aturan/' in page
    download = client.get(f"/edaran/{bogor.pk}/berkas/")
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert (
        b"".join(download.streaming_content)
        == Path("netral/demo/instruments/bogor.txt").read_bytes()
    )


def test_the_list_filters_and_searches(loaded: list[Instrument], client: Client) -> None:
    everything = client.get("/edaran/").content.decode()
    assert all(f'data-instrument="{i.pk}"' in everything for i in loaded)
    bandung = client.get("/edaran/", {"q": "honorer"}).content.decode()
    assert sum(f'data-instrument="{i.pk}"' in bandung for i in loaded) == 1
    feed = client.get("/edaran/feed.atom")
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert feed.content.decode().count("<entry>") == len(loaded)


def test_coverage_counts_regions_per_cycle_and_exports_every_region(
    loaded: list[Instrument], client: Client
) -> None:
    page = client.get("/edaran/cakupan/", {"siklus": "PILKADA-2024"}).content.decode()
    assert 'class="tilegrid"' in page
    assert 'href="/edaran/cakupan/PILKADA-2024/32/"' in page
    drill = client.get("/edaran/cakupan/PILKADA-2024/32/").content.decode()
    assert 'data-region="32.01" class="covered"' in drill
    assert 'data-region="32.73" class="covered"' in drill
    assert 'data-region="32.02" class="missing"' in drill
    rows = list(
        csv.DictReader(io.StringIO(client.get("/edaran/cakupan/PILKADA-2024.csv").content.decode()))
    )
    assert len(rows) == 514 + 38
    covered = {r["kode"] for r in rows if r["terbit"] == "ya"}
    assert covered == {"32.01", "32.73"}  # the province's circular is for Pemilu 2024
    pemilu = client.get("/edaran/cakupan/PEMILU-2024.csv").content.decode()
    assert "32,Provinsi Jawa Barat,PROVINCE,Provinsi Jawa Barat,1,ya" in pemilu
    assert client.get("/edaran/cakupan/PILKADA-1999/32/").status_code == 404


def test_withdrawn_instruments_stay_readable_but_leave_the_list(
    people: People, loaded: list[Instrument], client: Client
) -> None:
    bogor = next(i for i in loaded if i.region and i.region.code == "32.01")
    services.instrument_withdraw(actor=people.bogor, instrument=bogor, reason="Salah unggah")
    assert 'data-testid="withdrawn"' in client.get(f"/edaran/{bogor.pk}/").content.decode()
    assert f'data-instrument="{bogor.pk}"' not in client.get("/edaran/").content.decode()


def test_the_rules_pages_link_a_catalogued_instrument_once_it_is_published(
    people: People, django_capture_on_commit_callbacks: Any
) -> None:
    assert instrument_url("SKB-2022") is None
    draft = services.instrument_draft_from_text(actor=people.central, text=own_text("jabar"))
    values = values_from(draft)
    values.catalogue_id = "SKB-2022"
    with django_capture_on_commit_callbacks(execute=True):
        published = services.instrument_publish(
            actor=people.central, instrument=draft, values=values
        )
    assert instrument_url("SKB-2022") == f"/edaran/{published.pk}/"
    assert instrument_url("PP-94-2021") is None


def test_staff_pages_refuse_users_without_a_registry_role(people: People, client: Client) -> None:
    verifier = signed_in(people.verifier)
    assert verifier.get("/edaran/kelola/").status_code == 403
    assert verifier.get("/ikrar/").status_code == 403
    assert client.get("/edaran/kelola/")["Location"].startswith("/akun/masuk/")


def test_a_pasted_text_goes_from_the_form_to_a_published_instrument(people: People) -> None:
    client = signed_in(people.bogor)
    response = client.post("/edaran/kelola/", {"text": own_text("bogor")})
    draft = Instrument.objects.get()
    assert response["Location"] == f"/edaran/kelola/{draft.pk}/"
    review = client.get(response["Location"]).content.decode()
    assert '<mark data-fields="number"' in review
    form = {
        "type": draft.type,
        "number": draft.number,
        "date": draft.date.isoformat() if draft.date else "",
        "issuer": draft.issuer,
        "region": draft.region_id,
        "scope": draft.scope,
        "elections": draft.elections,
        "election_year": draft.election_year,
        "prohibited_conduct": draft.prohibited_conduct,
        "version": draft.version,
    }
    client.post(f"/edaran/kelola/{draft.pk}/", form)
    assert Instrument.objects.get(pk=draft.pk).status == Status.PUBLISHED
    # Another region's staff do not find it among theirs.
    assert signed_in(people.kebumen).get(f"/edaran/kelola/{draft.pk}/").status_code == 404


def test_a_new_version_is_linked_by_picking_the_published_one_it_replaces(
    people: People,
) -> None:
    client = signed_in(people.bogor)
    client.post("/edaran/kelola/", {"text": own_text("bogor")})
    first = Instrument.objects.get()
    client.post(f"/edaran/kelola/{first.pk}/", {**_form_of(first), "number": "100.3/1/2024"})
    first.refresh_from_db()
    assert first.status == Status.PUBLISHED

    client.post("/edaran/kelola/", {"text": own_text("bogor")})
    draft = Instrument.objects.exclude(pk=first.pk).get()
    review = client.get(f"/edaran/kelola/{draft.pk}/").content.decode()
    # The officer picks it by what she knows: number, date, issuer, not an internal id.
    option = review.split(f'<option value="{first.pk}"', 1)[1].split("</option>", 1)[0]
    assert "100.3/1/2024" in option
    assert first.issuer[:20] in option
    client.post(f"/edaran/kelola/{draft.pk}/", {**_form_of(draft), "replaces": first.pk})

    assert Instrument.objects.get(pk=draft.pk).replaces_id == first.pk
    assert Instrument.objects.get(pk=first.pk).status == Status.SUPERSEDED
    page = client.get(f"/edaran/{first.pk}/").content.decode()
    assert 'data-testid="superseded"' in page


def _form_of(draft: Instrument) -> dict[str, object]:
    return {
        "type": draft.type,
        "number": draft.number,
        "date": draft.date.isoformat() if draft.date else "",
        "issuer": draft.issuer,
        "region": draft.region_id or "",
        "scope": draft.scope,
        "elections": draft.elections,
        "election_year": draft.election_year or "",
        "prohibited_conduct": draft.prohibited_conduct,
        "version": draft.version,
    }


def test_the_drill_down_shows_each_regions_newest_five_and_links_to_all_of_them(
    people: People, client: Client, django_assert_max_num_queries: Any
) -> None:
    draft = services.instrument_draft_from_text(actor=people.bogor, text=own_text("bogor"))
    published = []
    for day in range(1, 8):
        values = values_from(draft)
        values.number = f"800/{day}/BKPSDM/2024"
        values.date = datetime.date(2024, 9, day)
        values.elections, values.election_year = ["PILKADA"], 2024
        nth = (
            draft
            if day == 1
            else services.instrument_draft_from_text(actor=people.bogor, text=own_text("bogor"))
        )
        published.append(
            services.instrument_publish(actor=people.bogor, instrument=nth, values=values)
        )
    with django_assert_max_num_queries(6):
        drill = client.get("/edaran/cakupan/PILKADA-2024/32/").content.decode()
    row = drill.split('data-region="32.01"', 1)[1].split("</tr>", 1)[0]
    shown = [i for i in published if f'href="/edaran/{i.pk}/"' in row]
    assert shown == published[2:]  # the five dated latest
    assert "lihat semua (7)" in row
    link = row.split('data-testid="see-all"', 1)[0].rsplit('href="', 1)[1].split('"', 1)[0]
    listed = client.get(link.replace("&amp;", "&")).content.decode()
    assert all(f'data-instrument="{i.pk}"' in listed for i in published)
    assert 'data-region="32.02" class="missing"' in drill
    assert "lihat semua" not in drill.split('data-region="32.02"', 1)[1].split("</tr>", 1)[0]
    assert client.get("/edaran/cakupan/PILKADA-2024/32.01/").status_code == 404


def test_the_cached_coverage_pages_show_a_publication_or_withdrawal_at_once(
    people: People, client: Client, django_assert_max_num_queries: Any
) -> None:
    """The coverage pages are rendered once per registry change (keyed by the registry
    audit chain's head), so a page seen before a write must not be served after it."""
    overview, drill = "/edaran/cakupan/?siklus=PILKADA-2024", "/edaran/cakupan/PILKADA-2024/32/"
    assert "0 dari 552" in client.get(overview).content.decode()
    assert 'data-region="32.01" class="missing"' in client.get(drill).content.decode()
    with django_assert_max_num_queries(2):  # from the cache: each reads only the stamp
        client.get(overview)
        client.get(drill)
    draft = services.instrument_draft_from_text(actor=people.bogor, text=own_text("bogor"))
    values = values_from(draft)
    values.elections, values.election_year = ["PILKADA"], 2024
    published = services.instrument_publish(actor=people.bogor, instrument=draft, values=values)
    assert "1 dari 552" in client.get(overview).content.decode()
    page = client.get(drill).content.decode()
    assert 'data-region="32.01" class="covered"' in page
    assert f'href="/edaran/{published.pk}/"' in page
    services.instrument_withdraw(actor=people.bogor, instrument=published, reason="Salah unggah")
    assert "0 dari 552" in client.get(overview).content.decode()
    assert 'data-region="32.01" class="missing"' in client.get(drill).content.decode()
