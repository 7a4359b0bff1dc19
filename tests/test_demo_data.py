"""`netral demo` data: one account per role, and reports moved along the real chain."""

from __future__ import annotations

import pytest

from netral.accounts.models import Role, RoleAssignment
from netral.audit.actions import AuditAction
from netral.cases.models import Case, Stage
from netral.demo.data import ACCOUNTS, load_demo_data
from netral.intake.models import Report

pytestmark = pytest.mark.django_db


def test_demo_data_gives_every_role_an_account_and_cases_at_several_stages() -> None:
    load_demo_data()

    assert set(RoleAssignment.objects.values_list("role", flat=True)) == set(Role.values)
    # Each case has its report, unless it was merged into another case (which took the
    # report) or the retention purge deleted it (and said so).
    without = Case.objects.filter(links__isnull=True)
    assert Case.objects.count() > 0
    assert Report.objects.filter(case_link__isnull=True).count() == 0
    assert set(without.exclude(stage=Stage.MERGED).values_list("stage", flat=True)) <= {
        Stage.NOT_ACTIONABLE
    }
    purged = without.filter(stage=Stage.NOT_ACTIONABLE)
    assert purged.count() == purged.filter(events__action=AuditAction.RETENTION_DELETE).count()
    assert not without.filter(stage=Stage.MERGED, merged_into__isnull=True).exists()
    stages = set(Case.objects.values_list("stage", flat=True))
    assert {Stage.RECEIVED, Stage.VERIFICATION, Stage.PPK_FOLLOW_UP} <= stages
    # The hand-written storyline's signed case (the generated election adds many more).
    signed = Case.objects.get(stage=Stage.PPK_FOLLOW_UP, employee__nip="197803122005011003")
    assert signed.employee is not None
    assert signed.recommendation.letter_sha256


def test_loading_the_demo_twice_changes_nothing() -> None:
    load_demo_data()
    counts = (Report.objects.count(), Case.objects.count(), len(ACCOUNTS))
    load_demo_data()
    assert (Report.objects.count(), Case.objects.count(), len(ACCOUNTS)) == counts
