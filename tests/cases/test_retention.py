"""Reports whose case ended as not actionable are deleted with their evidence once the
retention period is over; the case keeps an audited record of what went."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.test import override_settings
from django_q.models import Schedule

from netral.cases.audit import verify_chains
from netral.cases.models import Case, CaseEvent, Stage
from netral.cases.services import case_open_for_report
from netral.cases.services.retention import reports_purge_expired
from netral.intake.evidence import ingest
from netral.intake.models import (
    Evidence,
    IdentityAccessLog,
    IdentityMode,
    Message,
    Report,
    ReportEvent,
    Sender,
)
from netral.intake.services import (
    ReportInput,
    evidence_original_open,
    identity_access_decide,
    identity_access_request,
    report_message_add,
    report_submit,
)
from netral.intake.storage import evidence_store
from netral.org.models import Region
from tests.cases.conftest import World, act, fresh, verified_for_review
from tests.cases.test_ui_case_page import page, signed_in
from tests.security.media_samples import photo_with_gps, plain_image

DAY = datetime.timedelta(days=1)
Run = Callable[..., Any]


def filed(photo: bytes, identity: str = IdentityMode.CONFIDENTIAL) -> Report:
    data = ReportInput(
        text="Tulisan di grup WA tanpa keterangan kejadian.",
        identity=identity,
        region=Region.objects.get(code="32.01"),
        reporter_name="Rina" if identity != IdentityMode.ANONYMOUS else "",
        reporter_contact="0812" if identity != IdentityMode.ANONYMOUS else "",
    )
    return report_submit(data=data, files=[ingest(photo)]).report


def not_actionable(world: World, report: Report) -> Case:
    case = act(case_open_for_report(report=report), "start_verification", world.verifier)
    return act(case, "mark_not_actionable", world.verifier, "Tidak memuat kejadian.")


@pytest.fixture
def purge(django_capture_on_commit_callbacks: Any) -> Run:
    """The purge as the task runs it, with the file deletions that follow each commit."""

    def run(**kwargs: Any) -> Any:
        with django_capture_on_commit_callbacks(execute=True):
            return reports_purge_expired(**kwargs)

    return run


def test_the_purge_is_scheduled_daily_exactly_once(db: object) -> None:
    schedules = Schedule.objects.filter(func="netral.cases.tasks.purge_expired_reports")
    assert [(s.name, s.schedule_type) for s in schedules] == [("cases.retention_purge", "D")]


def test_past_the_period_the_report_goes_with_its_evidence_and_the_case_records_it(
    world: World, purge: Run
) -> None:
    photo = photo_with_gps(serial="SN-RETENSI")
    report = filed(photo)
    report_message_add(
        report=report, body="Kapan kejadiannya?", sender=Sender.OFFICER, author=world.verifier
    )
    request = identity_access_request(
        report=report, requester=world.verifier, reason="Klarifikasi."
    )
    identity_access_decide(access_request=request, custodian=world.custodian, approve=True)
    item = report.evidence.get(kind="FILE")
    evidence_original_open(report=report, evidence=item, user=world.verifier).close()
    case = not_actionable(world, report)
    store = evidence_store()
    assert store.path(item.sha256, "original").exists()

    done = purge(now=fresh(case).stage_entered_at + 365 * DAY + datetime.timedelta(hours=1))

    assert (done.cases, done.reports) == (1, 1)
    assert not Report.objects.filter(pk=report.pk).exists()
    for model in (Evidence, Message, ReportEvent, IdentityAccessLog):
        assert not model.objects.filter(report_id=report.pk).exists()
    assert not store.path(item.sha256, "original").exists()
    assert not store.path(item.cleaned_sha256, "cleaned").exists()
    case = fresh(case)
    assert case.stage == Stage.NOT_ACTIONABLE
    event = CaseEvent.objects.filter(case=case).order_by("-seq").first()
    assert event is not None
    assert event.action == "retention_delete"
    (gone,) = event.payload["reports"]
    assert gone["receipt"] == report.receipt
    assert gone["files"][0]["sha256"] == item.sha256
    assert [a["user"] for a in gone["identity_access"]] == [world.verifier.pk]
    assert "Tulisan di grup" not in str(event.payload)  # facts about it, not its content
    assert event.payload["retention_days"] == 365
    assert verify_chains().intact


def test_nothing_goes_before_the_period_ends_nor_in_any_other_final_stage(
    world: World, purge: Run
) -> None:
    waiting = not_actionable(world, filed(plain_image()))
    other = verified_for_review(world, case_open_for_report(report=filed(plain_image("JPEG"))))
    other = act(
        act(other, "send_to_agency", world.verifier), "agency_not_proven", world.verifier, "x"
    )
    later = fresh(waiting).stage_entered_at + 364 * DAY

    assert purge(now=later).reports == 0
    assert Report.objects.count() == 2
    assert CaseEvent.objects.filter(action="retention_delete").count() == 0
    assert fresh(other).stage == Stage.NOT_PROVEN


@override_settings(NETRAL_RETENTION_NOT_ACTIONABLE_DAYS=30)
def test_the_period_comes_from_the_settings(world: World, purge: Run) -> None:
    case = not_actionable(world, filed(plain_image()))
    assert purge(now=fresh(case).stage_entered_at + 29 * DAY).reports == 0
    assert purge(now=fresh(case).stage_entered_at + 31 * DAY).reports == 1


def test_a_file_another_report_still_uses_stays(world: World, purge: Run) -> None:
    photo = photo_with_gps(serial="SN-BERSAMA")
    expired = not_actionable(world, filed(photo))
    kept = filed(photo)  # the same bytes, stored once
    sha256 = kept.evidence.get(kind="FILE").sha256

    purge(now=fresh(expired).stage_entered_at + 400 * DAY)

    assert evidence_store().path(sha256, "original").exists()
    assert Report.objects.filter(pk=kept.pk).exists()


def test_running_it_again_deletes_and_records_nothing_more(world: World, purge: Run) -> None:
    case = not_actionable(world, filed(plain_image()))
    later = fresh(case).stage_entered_at + 400 * DAY
    assert purge(now=later).reports == 1
    events = CaseEvent.objects.count()
    assert purge(now=later).as_dict() == {"cases": 0, "reports": 0, "files": 0}
    assert CaseEvent.objects.count() == events


def test_the_case_page_shows_the_deletion_in_its_trail(world: World, purge: Run) -> None:
    case = not_actionable(world, filed(plain_image()))
    purge(now=fresh(case).stage_entered_at + 400 * DAY)
    shown = page(signed_in(world.verifier), case)
    assert "masa retensi berakhir" in shown
