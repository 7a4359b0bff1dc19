"""Deny by default: wrong role, wrong stage, out of scope, missing conditions, stale version."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from netral.cases import selectors, services
from netral.cases.models import Case, Stage, StageProtected
from netral.cases.services.errors import (
    ConditionsFailed,
    Conflict,
    Forbidden,
    NotFound,
    TransitionRefused,
)
from tests.cases.conftest import World, act, at_recommendation, fresh, new_case, signed


def test_a_bawaslu_analyst_cannot_start_verification(world: World) -> None:
    with pytest.raises(Forbidden):
        act(new_case(), "start_verification", world.analyst)
    assert Case.objects.get().stage == Stage.RECEIVED


def test_a_verifier_cannot_decide_a_bawaslu_review(world: World) -> None:
    review = act(new_case(), "start_verification", world.verifier)
    review = services.case_subject_link(
        case=review, actor=world.verifier, employee=world.camat, expected_version=review.version
    )
    review = services.case_facts_update(
        case=review,
        actor=world.verifier,
        expected_version=review.version,
        confirmed_codes=["MEDSOS_UNGGAH"],
        incident_date=datetime.date(2024, 10, 14),
    )
    review = act(review, "send_to_bawaslu", world.verifier)
    with pytest.raises(Forbidden):
        act(review, "bawaslu_violation_found", world.verifier, "saya yakin")
    assert fresh(review).stage == Stage.BAWASLU_REVIEW


def test_a_verifier_of_another_regency_does_not_even_find_the_case(world: World) -> None:
    with pytest.raises(NotFound):
        act(new_case("32.01"), "start_verification", world.verifier_kebumen)
    with pytest.raises(NotFound):
        selectors.case_for_actor(actor=world.verifier_kebumen, pk=Case.objects.get().pk)


def test_ppk_staff_cannot_see_a_case_before_the_recommendation_is_signed(world: World) -> None:
    case = at_recommendation(world, new_case())
    assert not selectors.cases_visible_to(actor=world.ppk).filter(pk=case.pk).exists()
    signed_case = signed(world, new_case())
    assert selectors.cases_visible_to(actor=world.ppk).filter(pk=signed_case.pk).exists()


def test_an_identity_custodian_sees_no_cases_at_all(world: World) -> None:
    new_case()
    assert not selectors.cases_visible_to(actor=world.custodian).exists()


def test_a_bawaslu_analyst_does_not_see_cases_unrelated_to_an_election(world: World) -> None:
    plain = new_case(election="UNKNOWN")
    election = new_case(election="PEMILU")
    visible = set(selectors.cases_visible_to(actor=world.analyst))
    assert visible == {election}
    assert plain not in visible


def test_skipping_a_stage_is_refused(world: World) -> None:
    with pytest.raises(TransitionRefused):
        act(new_case(), "send_to_bawaslu", world.verifier)


def test_a_closed_case_cannot_be_reopened_by_any_action(world: World) -> None:
    case = act(new_case(), "mark_not_actionable", world.verifier, "Bukan pelanggaran netralitas.")
    for action in ("start_verification", "mark_not_actionable", "send_to_agency"):
        with pytest.raises(TransitionRefused):
            act(case, action, world.verifier, "coba lagi")


def test_an_unknown_action_is_refused(world: World) -> None:
    with pytest.raises(TransitionRefused):
        act(new_case(), "publish_on_twitter", world.verifier)


def test_service_only_actions_cannot_be_fired_through_the_generic_transition(
    world: World,
) -> None:
    case = at_recommendation(world, new_case())
    with pytest.raises(TransitionRefused):
        act(case, "recommend", world.supervisor)
    assert fresh(case).stage == Stage.RECOMMENDATION


def test_sending_to_bawaslu_lists_every_missing_condition_in_indonesian(world: World) -> None:
    case = act(new_case(), "start_verification", world.verifier)
    with pytest.raises(ConditionsFailed) as refused:
        act(case, "send_to_bawaslu", world.verifier)
    failing = {row["condition"] for row in refused.value.detail}
    assert failing == {"subject", "codes", "subject_status"}
    assert any("Terlapor belum dicocokkan" in row["message"] for row in refused.value.detail)


def test_a_case_not_about_an_election_cannot_go_to_bawaslu(world: World) -> None:
    case = act(new_case(election="UNKNOWN"), "start_verification", world.verifier)
    case = services.case_subject_not_found(
        case=case, actor=world.verifier, note="Tidak ada di data", expected_version=case.version
    )
    case = services.case_facts_update(
        case=case,
        actor=world.verifier,
        expected_version=case.version,
        confirmed_codes=["KAMPANYE_IKUT"],
        subject_status="PNS",
    )
    with pytest.raises(ConditionsFailed) as refused:
        act(case, "send_to_bawaslu", world.verifier)
    assert [row["condition"] for row in refused.value.detail] == ["election"]


def test_not_actionable_needs_a_reason(world: World) -> None:
    with pytest.raises(ConditionsFailed):
        act(new_case(), "mark_not_actionable", world.verifier, "   ")


def test_a_referral_to_the_regent_is_only_for_village_heads_and_officials(world: World) -> None:
    case = act(new_case(), "start_verification", world.verifier)
    with pytest.raises(ConditionsFailed) as refused:
        act(case, "refer", world.verifier, "Limpahkan", target="REGENT_MAYOR")
    assert [row["condition"] for row in refused.value.detail] == ["target_fits"]


def test_a_stale_version_is_a_conflict_and_changes_nothing(world: World) -> None:
    case = new_case()
    stale = case.version
    act(case, "start_verification", world.verifier)
    with pytest.raises(Conflict):
        services.case_transition(
            case=case,
            action="mark_not_actionable",
            actor=world.verifier,
            reason="duplikat",
            expected_version=stale,
        )
    assert fresh(case).stage == Stage.VERIFICATION


def test_the_stage_cannot_be_assigned_and_saved_by_hand(world: World) -> None:
    case = fresh(new_case())
    case.stage = Stage.CLOSED
    with pytest.raises(StageProtected):
        case.save()
    with pytest.raises(StageProtected):
        Case.objects.create(region=case.region, stage=Stage.CLOSED)


def test_only_the_supervisor_signs_a_recommendation(world: World) -> None:
    case = at_recommendation(world, new_case())
    option = services.recommendation_prefill(case=case).options[0]
    for outsider in (world.verifier, world.analyst):
        with pytest.raises((Forbidden, NotFound)):
            services.recommendation_sign(
                case=case,
                actor=outsider,
                chosen_track=option["track"],
                chosen_sanction=option["sanctions"][0],
                note="",
                expected_version=case.version,
            )
    assert fresh(case).stage == Stage.RECOMMENDATION


def test_ppk_staff_of_another_agency_cannot_record_a_sanction(world: World) -> None:
    from netral.accounts.models import Role
    from tests.accounts.factories import staff

    other_ppk = staff("ppk-bandung", Role.PPK_STAFF, agencies=(world.bandung,))
    case = signed(world, new_case())
    with pytest.raises(NotFound):
        services.sanction_record(
            case=case,
            actor=other_ppk,
            sk_number="1/2026",
            sk_date=timezone.localdate(),
            sanction="PDHTAPS",
            effective_date=timezone.localdate(),
            expected_version=case.version,
        )


def test_a_supervisor_cannot_record_the_ppk_sanction(world: World) -> None:
    case = signed(world, new_case())
    with pytest.raises(Forbidden):
        services.sanction_record(
            case=case,
            actor=world.supervisor,
            sk_number="1/2026",
            sk_date=timezone.localdate(),
            sanction="PDHTAPS",
            effective_date=timezone.localdate(),
            expected_version=case.version,
        )
