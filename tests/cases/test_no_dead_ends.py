"""Every stage of every case in the demo's regions has someone who can act on it; a case
nobody can act on is raised to the central supervisor; the agency can be set by hand."""

from __future__ import annotations

import pytest

from netral.accounts.models import RoleAssignment
from netral.cases import selectors, services
from netral.cases.actors import actors_for, holders, place_for, stage_owners
from netral.cases.models import OPEN_STAGES, Escalation, EscalationKind, Stage
from netral.cases.scoping import PPK_STAGES
from netral.cases.services.errors import ConditionsFailed, Invalid
from netral.cases.tasks import sweep_deadlines
from netral.demo.data import demo_region_codes, load_demo_staff
from netral.org.models import Agency, Region
from tests.cases.conftest import World, act, at_recommendation, fresh, new_case


def _agencies_in(region: Region) -> list[Agency]:
    return list(Agency.objects.filter(region=region))


@pytest.mark.django_db
def test_every_stage_in_every_demo_region_has_a_demo_account_that_can_act() -> None:
    load_demo_staff()
    known = holders()
    gaps = []
    for code in demo_region_codes():
        region = Region.objects.get(code=code)
        for stage in OPEN_STAGES:
            if not stage_owners(stage):
                continue
            # From the PPK's stage on a case always has an agency (signing requires it).
            agencies = _agencies_in(region) if stage in PPK_STAGES else [None]
            for agency in agencies:
                for election in ("PILKADA", "PEMILU", ""):
                    if stage == Stage.BAWASLU_REVIEW and not election:
                        continue  # the machine sends only election cases to Bawaslu
                    place = place_for(stage, region, agency, election)
                    if not actors_for(place, known):
                        gaps.append((code, stage, agency.name if agency else "-", election))
    assert gaps == []


@pytest.mark.django_db
def test_the_walk_notices_a_region_without_a_verifier() -> None:
    load_demo_staff()
    RoleAssignment.objects.filter(user__username="satgas").delete()
    RoleAssignment.objects.filter(user__username="verifikator-kebumen").delete()
    kebumen = Region.objects.get(code="33.05")
    place = place_for(Stage.RECEIVED, kebumen, None, "PILKADA")
    assert actors_for(place, holders()) == set()


def test_a_case_no_one_can_verify_is_raised_to_the_central_supervisor(world: World) -> None:
    # World has verifiers for Bogor and Kebumen only: nobody verifies in Bandung.
    stranded = new_case("32.73")
    escalation = Escalation.objects.get(case=stranded, kind=EscalationKind.NO_ACTOR)
    assert escalation.stage == Stage.RECEIVED
    assert stranded in [e.case for e in selectors.escalations_for(actor=world.supervisor)]
    served = new_case("32.01")
    assert not Escalation.objects.filter(case=served).exists()


def test_the_sweep_flags_cases_left_without_anyone_once(world: World) -> None:
    case = new_case("32.01")
    RoleAssignment.objects.filter(user=world.verifier).delete()
    assert sweep_deadlines()["no_actor"] == 1
    assert sweep_deadlines()["no_actor"] == 0
    assert fresh(case).escalation_level == 1


def test_the_agency_can_be_set_by_hand_when_the_person_is_not_on_the_roster(
    world: World,
) -> None:
    case = act(new_case(), "start_verification", world.verifier)
    case = services.case_subject_not_found(
        case=case, actor=world.verifier, note="Tidak ada di data.", expected_version=case.version
    )
    with pytest.raises(Invalid):  # an agency of another province
        services.case_facts_update(
            case=case, actor=world.verifier, expected_version=case.version, agency=world.kebumen
        )
    case = services.case_facts_update(
        case=case,
        actor=world.verifier,
        expected_version=case.version,
        agency=world.bogor,
        confirmed_codes=["MEDSOS_UNGGAH"],
        subject_status="PNS",
    )
    assert case.agency == world.bogor
    moved = act(case, "send_to_agency", world.verifier)
    assert moved.stage == Stage.AGENCY_EXAMINATION


def test_a_linked_employees_agency_is_not_overwritten_by_hand(world: World) -> None:
    case = at_recommendation(world, new_case())
    with pytest.raises(Invalid):
        services.case_facts_update(
            case=case, actor=world.supervisor, expected_version=case.version, agency=world.bandung
        )


def test_a_recommendation_cannot_be_signed_before_the_agency_is_known(world: World) -> None:
    case = act(new_case(), "start_verification", world.verifier)
    case = services.case_subject_not_found(
        case=case, actor=world.verifier, note="", expected_version=case.version
    )
    case = services.case_facts_update(
        case=case,
        actor=world.verifier,
        expected_version=case.version,
        confirmed_codes=["MEDSOS_UNGGAH"],
        subject_status="PNS",
        candidate_status="CALON",
    )
    case = act(case, "send_to_bawaslu", world.verifier)
    case = act(case, "bawaslu_violation_found", world.analyst, "Terbukti.")
    option = services.recommendation_prefill(case=case).options[0]
    with pytest.raises(ConditionsFailed):
        services.recommendation_sign(
            case=case,
            actor=world.supervisor,
            chosen_track=option["track"],
            chosen_sanction=option["sanctions"][0],
            note="",
            expected_version=case.version,
        )
    assert fresh(case).stage == Stage.RECOMMENDATION


def test_the_supervisor_finds_stranded_cases_with_a_queue_filter(world: World) -> None:
    from tests.cases.test_ui_case_page import signed_in
    from tests.cases.test_ui_queue import listed

    stranded, served = new_case("32.73"), new_case("32.01")
    shown = listed(signed_in(world.supervisor), "?escalation=NO_ACTOR")
    assert shown == [stranded.pk]
    assert served.pk not in shown
    page = signed_in(world.supervisor).get(f"/kasus/{stranded.pk}/").content.decode()
    assert 'data-testid="escalations"' in page
