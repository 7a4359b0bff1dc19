"""The queue with more cases than it counts: capped count, pages, slices equal to the queue."""

from __future__ import annotations

import datetime
import re

import pytest
from django.test import Client

from netral.accounts.models import Role
from netral.cases import selectors
from netral.cases.auth import api_token_issue
from netral.cases.models import Case, CaseReport, Stage
from netral.cases.queue import COUNT_CAP, PAGE_SIZE
from netral.cases.selectors import QueueFilters
from netral.intake.models import Report
from netral.org.models import Region
from tests.accounts.factories import staff
from tests.cases.conftest import World, act, new_case
from tests.cases.test_ui_case_page import signed_in


def bulk_cases(n: int, region_code: str = "32.01") -> list[Case]:
    """`n` received cases with one report each, written in bulk (the services are slow)."""
    region = Region.objects.get(code=region_code)
    first = Report.objects.count()
    start = datetime.datetime(2024, 10, 1, 8, tzinfo=datetime.UTC)
    reports, cases = [], []
    for i in range(n):
        at = start + datetime.timedelta(minutes=i)
        reports.append(
            Report(
                receipt=f"S{first + i:015d}",
                secret_digest="0" * 64,
                text=f"Lurah nomor {i} ikut berkampanye di balai desa.",
                region=region,
                election="PILKADA",
                identity_mode="anonymous",
                suggested_codes=["KAMPANYE_IKUT"],
                created_at=at,
            )
        )
        due = datetime.date(2024, 10, 10) + datetime.timedelta(days=i % 7) if i % 5 else None
        cases.append(
            Case(region=region, election="PILKADA", subject_name=f"Lurah {i}", due_date=due)
        )
    Report.objects.bulk_create(reports)
    Case.objects.bulk_create(cases)
    CaseReport.objects.bulk_create(
        [CaseReport(case=c, report=r, original_case=c) for c, r in zip(cases, reports, strict=True)]
    )
    return cases


def listed(html: str) -> list[int]:
    return [int(pk) for pk in re.findall(r'data-case="(\d+)"', html)]


def count_text(html: str) -> str:
    found = re.search(r'data-testid="queue-count">([^<]*)<', html)
    assert found
    return found.group(1)


@pytest.mark.parametrize("ordering", ["due_date", "-due_date", "created_at", "-created_at"])
def test_slices_read_the_same_cases_in_the_same_order_as_the_queue(
    world: World, ordering: str
) -> None:
    bulk_cases(23)
    act(new_case(), "start_verification", world.verifier)
    filters = QueueFilters(ordering=ordering)
    whole = list(selectors.case_queue(actor=world.verifier, filters=filters))
    sliced = []
    for offset in range(0, 30, 7):
        part = selectors.case_queue_page(
            actor=world.verifier, filters=filters, offset=offset, limit=7
        )
        assert part.count == len(whole)
        assert part.more == (offset + 7 < len(whole))
        sliced += part.cases
    assert [c.pk for c in sliced] == [c.pk for c in whole]
    assert [c.report_count for c in sliced] == [c.report_count for c in whole]  # type: ignore[attr-defined]


def test_a_slice_never_holds_a_case_outside_the_actors_scope(world: World) -> None:
    bulk_cases(5, "33.05")
    mine = bulk_cases(3)
    part = selectors.case_queue_page(actor=world.verifier, offset=0, limit=25)
    assert {c.pk for c in part.cases} == {c.pk for c in mine}
    assert part.count == 3
    assert selectors.case_queue_page(actor=world.custodian, limit=25).cases == []


def test_above_the_cap_the_page_says_more_than_a_thousand_and_pages_on(world: World) -> None:
    bulk_cases(COUNT_CAP + 30)
    client = signed_in(world.verifier)
    html = client.get("/kasus/").content.decode()
    assert count_text(html) == "lebih dari 1.000 kasus"
    assert len(listed(html)) == PAGE_SIZE
    assert "Halaman 1</span>" in html
    assert "page=2" in html
    last = (COUNT_CAP + 30 - 1) // PAGE_SIZE + 1
    tail = client.get(f"/kasus/?page={last}").content.decode()
    assert len(listed(tail)) == (COUNT_CAP + 30) - (last - 1) * PAGE_SIZE
    assert f"page={last + 1}" not in tail


def test_a_page_past_the_end_shows_the_last_page_with_the_exact_count(world: World) -> None:
    bulk_cases(COUNT_CAP + 30)
    client = signed_in(world.verifier)
    past = client.get("/kasus/?page=999").content.decode()
    assert count_text(past) == f"{COUNT_CAP + 30} kasus"
    assert len(listed(past)) == (COUNT_CAP + 30) % PAGE_SIZE or PAGE_SIZE
    assert "Halaman 42 dari 42" in past


def test_below_the_cap_the_count_and_the_pager_are_exact(world: World) -> None:
    bulk_cases(PAGE_SIZE + 3)
    client = signed_in(world.verifier)
    first = client.get("/kasus/").content.decode()
    assert count_text(first) == f"{PAGE_SIZE + 3} kasus"
    assert "Halaman 1 dari 2" in first
    for page in ("2", "7", "0", "-3"):
        assert len(listed(client.get(f"/kasus/?page={page}").content.decode())) == 3
    assert listed(client.get("/kasus/?page=dua").content.decode()) == listed(first)


def test_the_api_count_stays_exact_above_the_cap(world: World) -> None:
    bulk_cases(COUNT_CAP + 2)
    _row, token = api_token_issue(user=world.verifier, name="skala")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    page = client.get("/api/v1/cases/?limit=10&offset=1000").json()
    assert page["count"] == COUNT_CAP + 2
    assert len(page["items"]) == 2


def test_an_officer_added_after_the_page_was_cached_can_be_assigned_at_once(
    world: World,
) -> None:
    case = new_case()
    client = signed_in(world.verifier)
    client.get("/kasus/")  # the officer list is now cached without the newcomer
    newcomer = staff("verif-baru", Role.VERIFIER, regions=("32.01",))
    client.post("/kasus/massal/", {"action": "assign", "cases": [case.pk], "assignee": newcomer.pk})
    assert Case.objects.get(pk=case.pk).assigned_to == newcomer
    assert Case.objects.get(pk=case.pk).stage == Stage.RECEIVED
