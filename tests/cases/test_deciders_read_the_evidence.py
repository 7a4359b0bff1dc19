"""The roles that decide on a case read its reports, evidence and messages; the reporter's
identity stays under the custodian's rules; nobody reads reports of cases they cannot see."""

from __future__ import annotations

from netral.intake.models import IdentityMode
from netral.intake.selectors import identity_visibility, reports_for_staff
from tests.cases.conftest import World, at_recommendation, new_case, signed
from tests.cases.test_ui_case_page import signed_in


def _report_of(case: object) -> object:
    return case.links.get().report  # type: ignore[attr-defined]


def test_bawaslu_and_the_supervisor_open_the_evidence_page_of_a_case_they_decide(
    world: World,
) -> None:
    case = at_recommendation(world, new_case())
    report = _report_of(case)
    for user in (world.analyst, world.supervisor):
        response = signed_in(user).get(f"/lapor/petugas/{report.pk}/")  # type: ignore[attr-defined]
        assert response.status_code == 200, user.username
        assert report.text in response.content.decode()  # type: ignore[attr-defined]


def test_ppk_staff_read_the_reports_once_the_case_reaches_them(world: World) -> None:
    early = new_case()
    assert signed_in(world.ppk).get(f"/lapor/petugas/{_report_of(early).pk}/").status_code == 404
    case = signed(world, new_case())
    assert signed_in(world.ppk).get(f"/lapor/petugas/{_report_of(case).pk}/").status_code == 200


def test_a_decider_outside_the_region_does_not_read_the_report(world: World) -> None:
    case = at_recommendation(world, new_case())
    report = _report_of(case)
    assert not reports_for_staff(user=world.verifier_kebumen).filter(pk=report.pk).exists()  # type: ignore[attr-defined]
    assert not reports_for_staff(user=world.custodian).filter(pk=report.pk).exists()  # type: ignore[attr-defined]


def test_a_confidential_reporters_identity_still_needs_the_custodian(world: World) -> None:
    case = at_recommendation(world, new_case())
    report = _report_of(case)
    report.identity_mode = IdentityMode.CONFIDENTIAL  # type: ignore[attr-defined]
    report.save(update_fields=["identity_mode"])  # type: ignore[attr-defined]
    visibility = identity_visibility(report=report, user=world.supervisor)  # type: ignore[arg-type]
    assert not visibility.may_view
    assert visibility.state == "needs_request"
