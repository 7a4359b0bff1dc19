"""The queue page: scope, filters, sorting, saved searches, bulk actions, constant queries."""

from __future__ import annotations

import datetime
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from netral.cases import services
from netral.cases.models import Case, SavedSearch, Stage
from tests.cases.conftest import World, act, fresh, make_report, new_case
from tests.cases.test_ui_case_page import signed_in


def listed(client: Client, query: str = "") -> list[int]:
    html = client.get(f"/kasus/{query}").content.decode()
    return [int(pk) for pk in re.findall(r'data-case="(\d+)"', html)]


def test_the_queue_lists_only_cases_in_the_officers_regency(world: World) -> None:
    mine = new_case("32.01")
    elsewhere = new_case("33.05")
    shown = listed(signed_in(world.verifier))
    assert mine.pk in shown
    assert elsewhere.pk not in shown


def test_the_identity_custodian_sees_an_empty_queue(world: World) -> None:
    new_case("32.01")
    assert listed(signed_in(world.custodian)) == []


def test_filters_by_stage_election_and_code(world: World) -> None:
    received = new_case(election="PILKADA")
    started = act(new_case(election="PEMILU"), "start_verification", world.verifier)
    report = make_report(election="PILKADA")
    report.suggested_codes = ["APK_PASANG"]
    report.save(update_fields=["suggested_codes"])
    other_code = services.case_open_for_report(report=report)
    client = signed_in(world.verifier)
    assert listed(client, "?stage=VERIFICATION") == [started.pk]
    assert set(listed(client, "?election=PILKADA")) == {received.pk, other_code.pk}
    assert listed(client, "?code=APK_PASANG") == [other_code.pk]


def test_sorting_by_deadline_puts_the_nearest_first(world: World) -> None:
    late = new_case(created_at=datetime.datetime(2024, 10, 20, 9, tzinfo=datetime.UTC))
    early = new_case(created_at=datetime.datetime(2024, 10, 1, 9, tzinfo=datetime.UTC))
    assert late.due_date
    assert early.due_date
    assert early.due_date < late.due_date
    client = signed_in(world.verifier)
    assert listed(client, "?ordering=due_date") == [early.pk, late.pk]
    assert listed(client, "?ordering=-due_date") == [late.pk, early.pk]


def test_an_unknown_filter_value_is_refused_with_a_message_not_ignored(world: World) -> None:
    new_case()
    client = signed_in(world.verifier)
    for query in ("?region=99.99", "?region=xx", "?due_before=kemarin", "?stage=DONE"):
        response = client.get(f"/kasus/{query}")
        assert response.status_code == 400, query
        page = response.content.decode()
        assert 'data-testid="filter-errors"' in page, query
        assert listed(client, query) == [], query
    assert (
        "Kode wilayah 99.99 tidak dikenal." in client.get("/kasus/?region=99.99").content.decode()
    )


def test_a_known_region_filters_to_it_and_the_regions_below(world: World) -> None:
    bogor = new_case("32.01")
    assert listed(signed_in(world.supervisor), "?region=32") == [bogor.pk]
    assert listed(signed_in(world.supervisor), "?region=33") == []


def test_search_finds_report_text_places_agencies_names_and_case_numbers(world: World) -> None:
    car = new_case(text="Lurah memakai mobil dinas berpelat merah untuk mengantar tim kampanye.")
    post = new_case(text="Camat mengunggah foto bersama pasangan calon di Instagram.")
    client = signed_in(world.supervisor)
    assert listed(client, "?q=mobil+dinas") == [car.pk]
    assert listed(client, "?q=MOBIL+Dinas+merah") == [car.pk]  # case and order do not matter
    assert listed(client, "?q=mobil+instagram") == []  # every word must match
    assert set(listed(client, "?q=Bogor")) == {car.pk, post.pk}  # the region's name
    assert listed(client, f"?q={post.reference}") == [post.pk]
    started = act(post, "start_verification", world.verifier)
    linked = services.case_subject_link(
        case=started, actor=world.verifier, employee=world.camat, expected_version=started.version
    )
    assert listed(client, f"?q={world.camat.nip}") == [linked.pk]
    assert listed(client, "?q=Pemerintah+Kabupaten+Bogor") == [linked.pk]  # the agency


def test_search_folds_accents_the_way_reports_are_folded(world: World) -> None:
    case = new_case(text="Kepala dinas hadir di acara ‘Ngopi Bareng Calon’ di Café Sentosa.")
    assert listed(signed_in(world.supervisor), "?q=cafe+sentosa") == [case.pk]


def test_a_saved_search_belongs_to_its_owner_and_reopens_the_filter(world: World) -> None:
    client = signed_in(world.verifier)
    client.post("/kasus/pencarian/", {"name": "Pilkada saja", "election": "PILKADA", "q": ""})
    saved = SavedSearch.objects.get(owner=world.verifier)
    assert saved.params == {"election": "PILKADA"}
    assert "Pilkada saja" in client.get("/kasus/").content.decode()
    assert "Pilkada saja" not in signed_in(world.supervisor).get("/kasus/").content.decode()
    signed_in(world.supervisor).post(f"/kasus/pencarian/{saved.pk}/hapus/")
    assert SavedSearch.objects.filter(pk=saved.pk).exists()


def test_bulk_assign_and_not_actionable_go_through_the_services(world: World) -> None:
    one, two = new_case(), new_case()
    outside = new_case("33.05")
    client = signed_in(world.verifier)
    response = client.post(
        "/kasus/massal/",
        {"action": "assign", "cases": [one.pk, two.pk, outside.pk], "assignee": world.verifier.pk},
        follow=True,
    )
    assert fresh(one).assigned_to == world.verifier
    assert fresh(outside).assigned_to is None
    assert f"Kasus #{outside.pk} ditolak" in response.content.decode()
    client.post(
        "/kasus/massal/", {"action": "not_actionable", "cases": [one.pk], "reason": "Bukan ASN."}
    )
    assert fresh(one).stage == Stage.NOT_ACTIONABLE


def test_bulk_not_actionable_without_a_reason_changes_nothing(world: World) -> None:
    case = new_case()
    signed_in(world.verifier).post(
        "/kasus/massal/", {"action": "not_actionable", "cases": [case.pk]}
    )
    assert fresh(case).stage == Stage.RECEIVED


def test_bulk_merge_keeps_every_report_in_the_target(world: World) -> None:
    target, a, b = new_case(), new_case(), new_case()
    signed_in(world.verifier).post(
        "/kasus/massal/",
        {"action": "merge", "cases": [a.pk, b.pk], "target": target.reference, "reason": "Sama."},
    )
    assert fresh(a).stage == Stage.MERGED
    assert target.links.count() == 3


def test_bulk_merge_refuses_an_internal_id_and_names_the_case_number(world: World) -> None:
    target, a = new_case(), new_case()
    response = signed_in(world.verifier).post(
        "/kasus/massal/",
        {"action": "merge", "cases": [a.pk], "target": str(target.pk), "reason": "Sama."},
        follow=True,
    )
    assert fresh(a).stage == Stage.RECEIVED
    assert "NTR-2026-000042" in response.content.decode()  # the form says how to write it


def _queries_for_queue(client: Client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/kasus/").status_code == 200
    return len(captured)


def test_the_queue_page_costs_the_same_queries_for_few_and_many_cases(
    world: World, django_assert_max_num_queries: object
) -> None:
    client = signed_in(world.verifier)
    for _ in range(2):
        act(new_case(), "start_verification", world.verifier)
    client.get("/kasus/")  # fills the per-user choice lists, as any earlier visit would
    few = _queries_for_queue(client)
    for _ in range(30):
        case = new_case()
        case.assigned_to = world.verifier
        Case.save(case)
    many = _queries_for_queue(client)
    assert few == many
    with django_assert_max_num_queries(few):  # type: ignore[operator]
        client.get("/kasus/?stage=RECEIVED&ordering=-created_at&page=2")


@pytest.mark.parametrize("query", ["?q=Budi", "?region=32.01", "?overdue=on", "?assigned=me"])
def test_every_filter_keeps_the_page_working(world: World, query: str) -> None:
    new_case()
    assert signed_in(world.verifier).get(f"/kasus/{query}").status_code == 200


def test_htmx_gets_only_the_results(world: World) -> None:
    new_case()
    html = signed_in(world.verifier).get("/kasus/", HTTP_HX_REQUEST="true").content.decode()
    assert 'data-testid="queue"' in html
    assert "<html" not in html
