"""Notifications reach the right people through the channels they chose, and a reporter's
contact never lands in a log."""

from __future__ import annotations

import datetime
import logging
from typing import Any

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from netral.accounts.models import Role
from netral.cases import services
from netral.cases.models import Case
from netral.intake.models import Sender
from netral.intake.secrecy import encrypt_optional
from netral.intake.services import report_event_append, report_message_add
from netral.notifications.casework import deadlines_warn
from netral.notifications.kinds import Kind
from netral.notifications.models import EmailState, Notification
from netral.notifications.services import notify, preferences_save
from netral.notifications.tasks import retry_emails
from tests.accounts.factories import staff
from tests.cases.conftest import World, make_report, new_case
from tests.web.test_staff_homes import signed_in

pytestmark = pytest.mark.django_db

CONTACT = "pelapor.rahasia@contoh.id"


def with_email(user: Any, address: str) -> Any:
    user.email = address
    user.save()
    return user


def test_an_assignment_reaches_the_officer_in_the_app_and_by_email(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    verifier = with_email(world.verifier, "rina@contoh.id")
    case = new_case("32.01")
    with django_capture_on_commit_callbacks(execute=True):
        services.case_assign(
            case=case, actor=world.supervisor, assignee=verifier, expected_version=case.version
        )
    row = Notification.objects.get(user=verifier, kind=Kind.ASSIGNED)
    assert case.reference in row.title
    assert row.url == reverse("cases:detail", args=[case.pk])
    assert row.email_state == EmailState.SENT
    assert [m.to for m in mail.outbox] == [["rina@contoh.id"]]
    html = signed_in(verifier).get(reverse("web:staff-home")).content.decode()
    assert 'data-testid="unread-count">1<' in html


def test_an_officer_who_turned_email_off_gets_the_notice_in_the_app_only(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    verifier = with_email(world.verifier, "rina@contoh.id")
    preferences_save(user=verifier, chosen={Kind.ASSIGNED: (True, False)})
    case = new_case("32.01")
    with django_capture_on_commit_callbacks(execute=True):
        services.case_assign(
            case=case, actor=world.supervisor, assignee=verifier, expected_version=case.version
        )
    assert Notification.objects.filter(user=verifier, kind=Kind.ASSIGNED).count() == 1
    assert mail.outbox == []


def test_the_preferences_page_saves_each_users_choice(world: World) -> None:
    client = signed_in(world.verifier)
    page = client.get(reverse("notifications:preferences"))
    assert page.status_code == 200
    fields = {f"{kind}_in_app": "on" for kind in Kind if kind != Kind.REPORT_STATUS}
    client.post(reverse("notifications:preferences"), fields)
    html = client.get(reverse("notifications:preferences")).content.decode()
    assert 'name="ASSIGNED_email"' in html
    assert 'name="ASSIGNED_email" id="id_ASSIGNED_email" checked' not in html
    assert 'name="ASSIGNED_in_app" id="id_ASSIGNED_in_app" checked' in html


def test_a_reporter_who_left_an_email_hears_of_status_changes_and_it_is_never_logged(
    world: World, django_capture_on_commit_callbacks: Any, caplog: Any
) -> None:
    caplog.set_level(logging.DEBUG)
    report = make_report("32.01")
    report.identity_mode = "confidential"
    report.reporter_contact_encrypted = encrypt_optional(CONTACT)
    report.save()
    with django_capture_on_commit_callbacks(execute=True):
        report_event_append(report=report, kind="STATUS", status="VERIFICATION")
        report_message_add(
            report=report,
            body="Apakah Anda punya foto lain?",
            sender=Sender.OFFICER,
            author=world.verifier,
        )
    assert [m.to for m in mail.outbox] == [[CONTACT], [CONTACT]]
    assert "Sedang diverifikasi" in mail.outbox[0].body
    assert report.receipt not in mail.outbox[0].body + mail.outbox[1].body
    assert CONTACT not in caplog.text
    stored = Notification.objects.filter(report=report)
    assert stored.count() == 2
    assert all(CONTACT not in n.title + n.body for n in stored)


def test_a_phone_number_or_an_anonymous_report_gets_no_email(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    by_phone = make_report("32.01")
    by_phone.identity_mode = "confidential"
    by_phone.reporter_contact_encrypted = encrypt_optional("0812-1111-2222")
    by_phone.save()
    anonymous = make_report("32.01")
    with django_capture_on_commit_callbacks(execute=True):
        report_event_append(report=by_phone, kind="STATUS", status="VERIFICATION")
        report_event_append(report=anonymous, kind="STATUS", status="VERIFICATION")
    assert mail.outbox == []
    assert Notification.objects.get(report=by_phone).email_state == EmailState.NO_ADDRESS
    assert not Notification.objects.filter(report=anonymous).exists()


def test_a_reporters_message_reaches_the_verifiers_of_the_region(world: World) -> None:
    report = make_report("32.01")
    report_message_add(report=report, body="Ada saksi lain.", sender=Sender.REPORTER)
    assert Notification.objects.filter(user=world.verifier, kind=Kind.REPORTER_MESSAGE).exists()
    assert not Notification.objects.filter(user=world.verifier_kebumen).exists()


def test_a_custodian_hears_of_an_identity_request(world: World) -> None:
    from netral.intake.services import identity_access_request

    report = make_report("32.01")
    report.identity_mode = "confidential"
    report.save()
    identity_access_request(
        report=report, requester=world.verifier, reason="Perlu memastikan saksi kunci."
    )
    assert Notification.objects.filter(user=world.custodian, kind=Kind.IDENTITY_REQUEST).exists()


def test_deadline_warnings_go_once_to_the_assigned_officer(world: World) -> None:
    case = new_case("32.01")
    services.case_assign(
        case=case, actor=world.supervisor, assignee=world.verifier, expected_version=case.version
    )
    Case.objects.filter(pk=case.pk).update(due_date=datetime.date(2026, 12, 8))
    late = new_case("32.01")
    services.case_assign(
        case=late, actor=world.supervisor, assignee=world.verifier, expected_version=late.version
    )
    Case.objects.filter(pk=late.pk).update(due_date=datetime.date(2026, 12, 1))
    far = new_case("32.01")
    Case.objects.filter(pk=far.pk).update(due_date=datetime.date(2026, 12, 30))

    friday = "2026-12-04T09:00:00+07:00"
    assert deadlines_warn(friday) == {"at_risk": 1, "overdue": 1, "unassigned": 0}
    assert deadlines_warn(friday) == {"at_risk": 0, "overdue": 0, "unassigned": 0}  # once
    kinds = set(Notification.objects.filter(user=world.verifier).values_list("kind", flat=True))
    assert {Kind.DEADLINE_AT_RISK, Kind.DEADLINE_OVERDUE} <= kinds


def test_an_unassigned_case_near_its_deadline_warns_those_who_can_act_in_its_region(
    world: World,
) -> None:
    case = new_case("32.01")  # received, nobody assigned: the verifiers' work
    Case.objects.filter(pk=case.pk).update(due_date=datetime.date(2026, 12, 7))
    colleague = staff("verif-bogor-2", Role.VERIFIER, regions=("32.01",))

    assert deadlines_warn("2026-12-04T09:00:00+07:00") == {
        "at_risk": 1,
        "overdue": 0,
        "unassigned": 1,
    }
    warned = set(
        Notification.objects.filter(kind=Kind.DEADLINE_AT_RISK).values_list("user", flat=True)
    )
    assert {world.verifier.pk, colleague.pk} <= warned
    assert world.verifier_kebumen.pk not in warned  # another region's officer
    assert world.custodian.pk not in warned  # no case role
    body = Notification.objects.filter(user=world.verifier).get().body
    assert "belum ditugaskan" in body
    assert deadlines_warn("2026-12-04T15:00:00+07:00")["at_risk"] == 0  # once


def test_a_failed_email_is_tried_again_later_and_given_up_after_the_last_attempt(
    world: World, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    settings.NETRAL_EMAIL_MAX_ATTEMPTS = 3
    verifier = with_email(world.verifier, "rina@contoh.id")
    case = new_case("32.01")
    with django_capture_on_commit_callbacks(execute=True):
        services.case_assign(
            case=case, actor=world.supervisor, assignee=verifier, expected_version=case.version
        )
    row = Notification.objects.get(user=verifier, kind=Kind.ASSIGNED)
    assert (row.email_state, row.email_attempts) == (EmailState.PENDING, 1)
    assert row.email_retry_at is not None
    assert row.email_retry_at > timezone.now()
    assert retry_emails() == {}  # not due yet

    Notification.objects.filter(pk=row.pk).update(email_retry_at=timezone.now())
    assert retry_emails() == {EmailState.PENDING: 1}  # the server is still down
    row.refresh_from_db()
    assert row.email_attempts == 2

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    Notification.objects.filter(pk=row.pk).update(email_retry_at=timezone.now())
    assert retry_emails() == {EmailState.SENT: 1}
    assert [m.to for m in mail.outbox] == [["rina@contoh.id"]]

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    other = new_case("32.01")
    with django_capture_on_commit_callbacks(execute=True):
        services.case_assign(
            case=other, actor=world.supervisor, assignee=verifier, expected_version=other.version
        )
    for _ in range(2):
        Notification.objects.filter(email_state=EmailState.PENDING).update(
            email_retry_at=timezone.now()
        )
        retry_emails()
    given_up = Notification.objects.get(user=verifier, url__endswith=f"/{other.pk}/")
    assert (given_up.email_state, given_up.email_attempts) == (EmailState.FAILED, 3)
    assert retry_emails() == {}  # never again


def test_a_pending_email_whose_task_was_lost_is_sent_by_the_retry(world: World) -> None:
    verifier = with_email(world.verifier, "rina@contoh.id")
    # The test's transaction never commits: the e-mail task is never queued, as when the
    # queue was down.
    row = notify(verifier, Kind.ASSIGNED, title="Kasus NTR-1 ditugaskan kepada Anda")
    assert row is not None
    assert row.email_state == EmailState.PENDING
    assert retry_emails() == {}  # it may still be on its way
    Notification.objects.filter(pk=row.pk).update(
        created_at=timezone.now() - datetime.timedelta(hours=1)
    )
    assert retry_emails() == {EmailState.SENT: 1}
    assert [m.to for m in mail.outbox] == [["rina@contoh.id"]]


def test_the_inbox_marks_notifications_read(world: World) -> None:
    new = staff("baru", Role.VERIFIER, regions=("32.01",))
    report = make_report("32.01")
    report_message_add(report=report, body="Ada saksi lain.", sender=Sender.REPORTER)
    client = signed_in(new)
    assert "Pesan baru dari pelapor" in client.get(reverse("notifications:inbox")).content.decode()
    client.post(reverse("notifications:read"))
    assert not Notification.objects.filter(user=new, read_at__isnull=True).exists()
