"""The verifier's queue, finding the civil servant, work locks, duplicates and merging."""

from __future__ import annotations

import datetime
from dataclasses import replace

import pytest

from netral.cases import search, selectors, services
from netral.cases.duplicates import duplicate_suggestions
from netral.cases.models import CaseEvent, CaseReport, Stage
from netral.cases.selectors import QueueFilters
from netral.cases.services.errors import Invalid
from netral.org.models import Employee
from tests.cases.conftest import World, act, fresh, new_case


def test_the_queue_is_sorted_by_deadline_and_filtered_by_region_and_code(world: World) -> None:
    later = new_case(created_at=datetime.datetime(2024, 12, 10, 9, tzinfo=datetime.UTC))
    sooner = new_case(created_at=datetime.datetime(2024, 12, 2, 9, tzinfo=datetime.UTC))
    new_case("32.73")  # Bandung: outside the Bogor verifier's scope
    queue = list(selectors.case_queue(actor=world.verifier))
    assert queue == [sooner, later]
    assert queue[0].report_count == 1
    by_code = selectors.case_queue(actor=world.verifier, filters=QueueFilters(code="MEDSOS_UNGGAH"))
    assert by_code.count() == 2
    none = selectors.case_queue(actor=world.verifier, filters=QueueFilters(code="ANGGOTA_PARPOL"))
    assert none.count() == 0
    province = selectors.case_queue(actor=world.supervisor, filters=QueueFilters(region="32"))
    assert province.count() == 3


def test_a_queue_page_costs_the_same_queries_for_few_or_many_cases(world: World) -> None:
    def page_queries(count: int) -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            rows = list(selectors.case_queue(actor=world.verifier)[:50])
            for row in rows:
                _ = (
                    row.region,
                    row.agency,
                    row.employee,
                    [link.report for link in row.links.all()],
                )
        assert len(rows) == count
        return len(captured)

    for _ in range(2):
        new_case()
    few = page_queries(2)
    for _ in range(20):
        new_case()
    assert page_queries(22) == few


def test_the_civil_servant_is_found_despite_a_misspelt_name(world: World) -> None:
    case = new_case(subject_name="Budi Santosa")
    Employee.objects.create(
        nip="199001012015031001",
        name="Budiman Sudjatmiko",
        status="PNS",
        position="Staf",
        agency=world.bogor,
    )
    query = replace(search.query_for_case(case), position="Camat Cibinong")
    found = search.employee_search(case=case, actor=world.verifier, query=query)
    assert found[0].employee == world.camat
    assert "nama" in found[0].reasons


def test_a_roster_entry_from_another_province_cannot_be_linked(world: World) -> None:
    case = act(new_case(), "start_verification", world.verifier)
    outsider = Employee.objects.create(
        nip="198001012005011001", name="Budi Santoso", status="PNS", agency=world.kebumen
    )
    with pytest.raises(Invalid):
        services.case_subject_link(
            case=case, actor=world.verifier, employee=outsider, expected_version=case.version
        )


def test_a_second_officer_sees_who_holds_the_lock(world: World) -> None:
    from netral.accounts.models import Role
    from tests.accounts.factories import staff

    colleague = staff("verif-bogor-2", Role.VERIFIER, regions=("32.01",))
    case = new_case()
    assert services.case_lock(case=case, actor=world.verifier).acquired
    second = services.case_lock(case=case, actor=colleague)
    assert not second.acquired
    assert second.holder == world.verifier
    services.case_unlock(case=case, actor=world.verifier)
    assert services.case_lock(case=case, actor=colleague).acquired
    assert fresh(case).version == case.version  # locking is not a change of the case


def test_bulk_actions_skip_cases_locked_by_someone_else_and_report_why(world: World) -> None:
    from netral.accounts.models import Role
    from tests.accounts.factories import staff

    colleague = staff("verif-bogor-2", Role.VERIFIER, regions=("32.01",))
    free, held = new_case(), new_case()
    services.case_lock(case=held, actor=colleague)
    result = services.cases_bulk_not_actionable(
        case_ids=[free.pk, held.pk], actor=world.verifier, reason="Bukan ASN."
    )
    assert result.done == [free.pk]
    assert list(result.refused) == [held.pk]
    assert fresh(free).stage == Stage.NOT_ACTIONABLE
    assert fresh(held).stage == Stage.RECEIVED


def test_duplicates_are_suggested_for_the_same_person_and_similar_text(world: World) -> None:
    text = "Camat Budi membagikan poster pasangan calon nomor dua di grup WhatsApp kecamatan."
    first = new_case(text=text)
    second = new_case(text=text + " Foto terlampir.", occurred_on=datetime.date(2024, 10, 15))
    new_case(text="Guru honorer memasang spanduk partai di pagar sekolah.", subject_name="Sri")
    suggested = duplicate_suggestions(case=first, actor=world.verifier)
    assert [s.case for s in suggested] == [second]
    assert "isi laporan mirip" in suggested[0].reasons


def test_merging_keeps_every_report_and_records_the_exit_on_both_cases(world: World) -> None:
    keep, gone = new_case(), new_case()
    gone_report = gone.links.get().report
    merged = services.case_merge(
        target=keep,
        absorbed=gone,
        actor=world.verifier,
        reason="Kejadian yang sama.",
        expected_versions=(keep.version, gone.version),
    )
    assert merged.links.count() == 2
    link = CaseReport.objects.get(report=gone_report)
    assert (link.case, link.original_case) == (keep, gone)
    gone = fresh(gone)
    assert gone.stage == Stage.MERGED
    assert gone.merged_into == keep
    assert CaseEvent.objects.filter(case=keep, action="merge_in").exists()
    assert CaseEvent.objects.filter(case=gone, action="merge", to_stage=Stage.MERGED).exists()


def test_a_case_cannot_be_merged_into_itself(world: World) -> None:
    case = new_case()
    with pytest.raises(Invalid):
        services.case_merge(
            target=case,
            absorbed=case,
            actor=world.verifier,
            reason="x",
            expected_versions=(case.version, case.version),
        )


def test_bulk_merge_absorbs_every_selected_case_into_the_target(world: World) -> None:
    target, one, two = new_case(), new_case(), new_case()
    result = services.cases_bulk_merge(
        target_id=target.pk,
        case_ids=[one.pk, two.pk, target.pk],
        actor=world.verifier,
        reason="Sama.",
    )
    assert sorted(result.done) == sorted([one.pk, two.pk])
    assert fresh(target).links.count() == 3
    assert {fresh(one).stage, fresh(two).stage} == {Stage.MERGED}
