"""Every (action, stage) and (action, role) pair the machine does not declare is refused."""

from __future__ import annotations

import pytest

from netral.accounts.models import Role
from netral.cases import machine, services
from netral.cases.models import Case, Stage
from netral.cases.services.errors import Forbidden, NotFound, TransitionRefused
from tests.accounts.factories import staff
from tests.cases.conftest import World, new_case

GENERIC = [t for t in machine.TRANSITIONS if not t.service_only]
CASE_ROLES = (Role.VERIFIER, Role.BAWASLU_ANALYST, Role.PPK_STAFF, Role.CENTRAL_SUPERVISOR)
WRONG_STAGE = [(t.name, s) for t in GENERIC for s in Stage.values if s not in t.sources]
WRONG_ROLE = [
    (t.name, r)
    for t in GENERIC
    for r in (*CASE_ROLES, Role.IDENTITY_CUSTODIAN, Role.ADMINISTRATOR)
    if r not in t.roles
]


def _case_at(stage: str) -> Case:
    case = new_case(election="PEMILU")
    # Test set-up only: jump straight to the stage under test (services never do this).
    Case.objects.filter(pk=case.pk).update(stage=stage)
    return Case.objects.get(pk=case.pk)


def _attempt(case: Case, action: str, actor: object) -> None:
    services.case_transition(
        case=case,
        action=action,
        actor=actor,  # type: ignore[arg-type]
        reason="alasan uji",
        expected_version=case.version,
        payload={"target": "GAKKUMDU"},
    )


def test_every_stage_is_reachable_or_final_and_nothing_leaves_a_final_stage() -> None:
    targets = {t.target for t in machine.TRANSITIONS} | {Stage.RECEIVED}
    assert targets == set(Stage.values)
    finals = {Stage.CLOSED, Stage.NOT_ACTIONABLE, Stage.NOT_PROVEN, Stage.MERGED, Stage.REFERRED}
    assert not [t.name for t in machine.TRANSITIONS if finals & set(t.sources)]


@pytest.mark.parametrize(("action", "stage"), WRONG_STAGE)
def test_an_action_from_a_stage_it_does_not_leave_is_refused(
    world: World, action: str, stage: str
) -> None:
    everyone = staff("semua-peran", Role.VERIFIER, national=True)
    for role in CASE_ROLES[1:]:
        everyone.role_assignments.create(role=role, national=True)
    case = _case_at(stage)
    with pytest.raises(TransitionRefused):
        _attempt(case, action, everyone)
    assert Case.objects.get(pk=case.pk).stage == stage


@pytest.mark.parametrize(("action", "role"), WRONG_ROLE)
def test_an_action_by_a_role_the_machine_does_not_name_is_refused(
    world: World, action: str, role: str
) -> None:
    outsider = staff(f"peran-{role.lower()}", Role(role), national=True)
    transition = machine.BY_NAME[action]
    case = _case_at(transition.sources[-1])
    with pytest.raises((Forbidden, NotFound)):
        _attempt(case, action, outsider)
    assert Case.objects.get(pk=case.pk).stage == transition.sources[-1]
