"""The generated election: every path a case can take, and audit chains that verify."""

from __future__ import annotations

from netral.cases.audit import verify_chains
from netral.cases.models import Case, CaseReport, FollowUpKind, SanctionDecision, Stage
from netral.intake.models import Report, ReportEvent
from netral.intake.services import _event_digest
from netral.stats.models import CaseFact
from tests.stats.conftest import REPORTS, People


def test_every_stage_and_outcome_appears(election: People) -> None:
    stages = set(Case.objects.values_list("stage", flat=True))
    assert stages == set(Stage.values)
    assert SanctionDecision.objects.filter(on_time=True).exists()
    assert SanctionDecision.objects.filter(on_time=False).exists()
    kinds = set(Case.objects.values_list("follow_ups__kind", flat=True))
    assert {FollowUpKind.PPK_WARNING, FollowUpKind.DATA_BLOCKING} <= kinds
    assert Report.objects.count() == REPORTS == CaseFact.objects.count()


def test_case_and_report_chains_verify(election: People) -> None:
    result = verify_chains()
    assert result.intact, result.breaks[:3]
    assert result.cases == Case.objects.count()
    previous: dict[int, str] = {}
    for event in ReportEvent.objects.select_related("report").order_by("report_id", "seq"):
        expected = previous.get(event.report_id, "")
        assert event.previous_digest == expected
        assert event.digest == _event_digest(expected, event)
        previous[event.report_id] = event.digest


def test_a_merged_case_hands_its_report_to_the_case_it_joined(election: People) -> None:
    merged = Case.objects.filter(stage=Stage.MERGED).first()
    assert merged is not None
    assert merged.merged_into_id
    link = CaseReport.objects.get(original_case=merged)
    assert link.case_id == merged.merged_into_id


def test_generating_again_adds_nothing(election: People) -> None:
    from tests.stats.conftest import generate

    assert generate(election) == 0
    assert Report.objects.count() == REPORTS
