"""Writes. Keyword-only, one transaction each; audit rows in the same transaction."""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, BinaryIO

from django.db import IntegrityError, transaction
from django.utils import timezone

from netral.accounts.models import User
from netral.audit import AuditAction, Chain, record
from netral.intake import conf
from netral.intake.evidence import IngestedFile, Staging
from netral.intake.models import (
    AccessStatus,
    EventKind,
    Evidence,
    EvidenceKind,
    IdentityAccessLog,
    IdentityAccessRequest,
    IdentityMode,
    Message,
    Report,
    ReportDraft,
    ReportEvent,
    ReportStatus,
    Sender,
)
from netral.intake.secrecy import decrypt_optional, encrypt_optional, field_cipher
from netral.intake.selectors import (
    identity_visibility,
    original_visibility,
    report_in_custodian_scope,
    reports_for_staff,
)
from netral.intake.storage import evidence_store, staging_area
from netral.intake.suggestions import TriageOutcome, run_triage
from netral.notifications.reporting import (
    access_decision_notify,
    access_request_notify,
    report_status_notify,
    reporter_evidence_notify,
    reporter_message_notify,
)
from netral.org.models import Region
from netral.security.crypto import new_receipt_number, new_secret, secret_digest

RECEIPT_ATTEMPTS = 8


class ServiceError(Exception):
    """A refused write; `code` is machine-readable, the message is for people."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class ReportInput:
    text: str
    identity: str
    occurred_on: date | None = None
    region: Region | None = None
    place: str = ""
    election: str = "UNKNOWN"
    subject_name: str = ""
    subject_position: str = ""
    subject_agency: str = ""
    subject_nip: str = ""
    links: tuple[str, ...] = ()
    reporter_name: str = ""
    reporter_contact: str = ""

    @classmethod
    def from_cleaned(cls, cleaned: dict[str, Any]) -> ReportInput:
        names = cls.__dataclass_fields__.keys() - {"region", "links"}
        values: dict[str, Any] = {name: cleaned.get(name) or "" for name in names}
        values["occurred_on"] = cleaned.get("occurred_on")
        return cls(
            **values, region=cleaned.get("region_code"), links=tuple(cleaned.get("links") or ())
        )

    def to_payload(self) -> dict[str, Any]:
        payload = {k: v for k, v in self.__dict__.items() if k not in {"region", "occurred_on"}}
        payload["links"] = list(self.links)
        payload["region_code"] = self.region.code if self.region else ""
        payload["occurred_on"] = self.occurred_on.isoformat() if self.occurred_on else ""
        return payload

    @classmethod
    def from_payload(cls, payload: dict[str, Any]) -> ReportInput:
        values = dict(payload)
        code = values.pop("region_code")
        region = Region.objects.filter(code=code).first() if code else None
        when = values.pop("occurred_on")
        return cls(
            **values | {"links": tuple(values["links"])},
            region=region,
            occurred_on=date.fromisoformat(when) if when else None,
        )


@dataclass(frozen=True)
class Submitted:
    report: Report
    secret: str  # shown once to the reporter, never stored
    suggestions: TriageOutcome = field(default_factory=TriageOutcome)


def _event_digest(previous: str, event: ReportEvent) -> str:
    body = {
        "report": event.report.receipt,
        "seq": event.seq,
        "kind": event.kind,
        "status": event.status,
        "public": event.public,
        "note": event.note,
        "actor": event.actor_id,
        "at": event.created_at.isoformat(),
    }
    canonical = json.dumps(body, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(f"{previous}\n{canonical}".encode()).hexdigest()


def report_event_append(
    *,
    report: Report,
    kind: str,
    status: str | None = None,
    public: bool = True,
    note: str = "",
    actor: User | None = None,
) -> ReportEvent:
    """The only way a report's status changes: an event in its hash-chained timeline."""
    with transaction.atomic():
        locked = Report.objects.select_for_update().get(pk=report.pk)
        last = locked.events.order_by("-seq").first()
        event = ReportEvent(
            report=locked,
            seq=(last.seq + 1) if last else 1,
            kind=kind,
            status=status or locked.status,
            public=public,
            note=note,
            actor=actor,
            previous_digest=last.digest if last else "",
        )
        event.digest = _event_digest(event.previous_digest, event)
        event.save()
        if status and status != locked.status:
            Report.objects.filter(pk=locked.pk).update(status=status)
            report.status = status
            if public and kind == EventKind.STATUS:
                _tell_reporter_status(locked, event)
        return event


def _tell_reporter_status(report: Report, event: ReportEvent) -> None:
    report_status_notify(report, str(event.get_status_display()), event.seq)


def _create_with_unique_receipt(values: dict[str, Any]) -> Report:
    for _attempt in range(RECEIPT_ATTEMPTS):
        receipt = new_receipt_number()
        try:
            with transaction.atomic():  # a savepoint: a collision rolls back only this try
                return Report.objects.create(receipt=receipt, **values)
        except IntegrityError:
            if not Report.objects.filter(receipt=receipt).exists():
                raise  # some other constraint: not ours to retry
    raise ServiceError("receipt_exhausted", "no free receipt number after several tries")


def _evidence_rows(report: Report, data: ReportInput, files: Sequence[IngestedFile]) -> None:
    _evidence_rows_for(report, list(data.links), files)


def _evidence_rows_for(report: Report, links: list[str], files: Sequence[IngestedFile]) -> None:
    now = timezone.now()
    rows = [
        Evidence(report=report, kind=EvidenceKind.LINK, url=link, received_at=now) for link in links
    ]
    rows += [
        Evidence(
            report=report,
            kind=EvidenceKind.FILE,
            sha256=item.sha256,
            size=item.size,
            media_type=item.media_type,
            cleaned_sha256=item.cleaned_sha256,
            cleaned_media_type=item.cleaned_media_type,
            cleaned_size=item.cleaned_size,
            findings=list(item.findings),
            notes=list(item.notes),
            received_at=now,
        )
        for item in files
    ]
    Evidence.objects.bulk_create(rows)


def report_submit(
    *,
    data: ReportInput,
    files: Sequence[IngestedFile] = (),
    triage: TriageOutcome | None = None,
) -> Submitted:
    """File a report: receipt and secret, encrypted identity, evidence, first event."""
    outcome = triage if triage is not None else run_triage(data.text)
    anonymous = data.identity == IdentityMode.ANONYMOUS
    secret = new_secret()
    values = {
        "secret_digest": secret_digest(secret),
        "text": data.text,
        "occurred_on": data.occurred_on,
        "region": data.region,
        "place": data.place,
        "election": data.election,
        "subject_name": data.subject_name,
        "subject_position": data.subject_position,
        "subject_agency": data.subject_agency,
        "subject_nip": data.subject_nip,
        "identity_mode": data.identity,
        "reporter_name_encrypted": "" if anonymous else encrypt_optional(data.reporter_name),
        "reporter_contact_encrypted": "" if anonymous else encrypt_optional(data.reporter_contact),
        "suggested_codes": list(outcome.codes),
        "triage": outcome.result,
    }
    with transaction.atomic():
        report = _create_with_unique_receipt(values)
        _evidence_rows(report, data, files)
        report_event_append(report=report, kind=EventKind.RECEIVED, status=ReportStatus.RECEIVED)
    return Submitted(report=report, secret=secret, suggestions=outcome)


def report_message_add(
    *, report: Report, body: str, sender: str, author: User | None = None
) -> Message:
    if sender == Sender.OFFICER and (
        author is None or not reports_for_staff(user=author).filter(pk=report.pk).exists()
    ):
        raise ServiceError("forbidden", "only an officer in scope may reply")
    with transaction.atomic():
        message = Message.objects.create(
            report=report, body=body, sender=sender, author=author if author else None
        )
        reporter_message_notify(message)
        return message


def report_evidence_add(
    *, report: Report, files: Sequence[IngestedFile], links: Sequence[str]
) -> int:
    """Evidence the reporter adds after filing (with the receipt): rows, a public timeline
    note, and a notice to the officers. Totals per report stay within the intake limits."""
    if not files and not links:
        raise ServiceError("empty", "no evidence given")
    with transaction.atomic():
        locked = Report.objects.select_for_update().get(pk=report.pk)
        existing = list(locked.evidence.values_list("kind", "size"))
        sizes = [int(size or 0) for kind, size in existing if kind == EvidenceKind.FILE]
        if len(sizes) + len(files) > conf.get("INTAKE_MAX_FILES"):
            raise ServiceError("too_many_files", "too many files for one report")
        if sum(sizes) + sum(f.size for f in files) > conf.get("INTAKE_MAX_REPORT_BYTES"):
            raise ServiceError("report_too_large", "files exceed the report limit")
        link_count = sum(1 for kind, _ in existing if kind == EvidenceKind.LINK)
        if link_count + len(links) > conf.get("INTAKE_MAX_LINKS"):
            raise ServiceError("too_many_links", "too many links for one report")
        _evidence_rows_for(locked, list(links), files)
        report_event_append(
            report=locked,
            kind=EventKind.NOTE,
            note=f"Pelapor menambahkan bukti: {len(files)} berkas, {len(links)} tautan.",
        )
        reporter_evidence_notify(locked, len(files) + len(links))
    return len(files) + len(links)


def identity_access_request(
    *, report: Report, requester: User, reason: str
) -> IdentityAccessRequest:
    if not reports_for_staff(user=requester).filter(pk=report.pk).exists():
        raise ServiceError("not_found", "report not found")
    if report.identity_mode == IdentityMode.IDENTIFIED:
        # Confidential: the name and the originals; anonymous: the originals only.
        raise ServiceError("not_confidential", "identified reports need no request")
    with transaction.atomic():
        try:
            with transaction.atomic():
                created = IdentityAccessRequest.objects.create(
                    report=report, requester=requester, reason=reason
                )
        except IntegrityError as exc:
            raise ServiceError("already_pending", "a request is already pending") from exc
        record(
            Chain.IDENTITY_ACCESS,
            AuditAction.IDENTITY_ACCESS_REQUEST,
            requester,
            f"report:{report.pk}",
            {"request": created.pk},
        )
        access_request_notify(created)
        return created


def identity_access_decide(
    *, access_request: IdentityAccessRequest, custodian: User, approve: bool, note: str = ""
) -> IdentityAccessRequest:
    with transaction.atomic():
        locked = IdentityAccessRequest.objects.select_for_update().get(pk=access_request.pk)
        if not report_in_custodian_scope(user=custodian, report_id=locked.report_id):
            raise ServiceError("not_found", "request not found")
        if locked.requester_id == custodian.pk:
            raise ServiceError("own_request", "a custodian cannot approve their own request")
        if locked.status != AccessStatus.PENDING:
            raise ServiceError("already_decided", "the request was already decided")
        now = timezone.now()
        locked.status = AccessStatus.APPROVED if approve else AccessStatus.REFUSED
        locked.decided_by = custodian
        locked.decided_at = now
        locked.decision_note = note
        if approve:
            locked.expires_at = now + timedelta(days=conf.get("INTAKE_IDENTITY_ACCESS_DAYS"))
        locked.save()
        access_decision_notify(locked)
        record(
            Chain.IDENTITY_ACCESS,
            AuditAction.IDENTITY_ACCESS_DECIDE,
            custodian,
            f"report:{locked.report_id}",
            {
                "request": locked.pk,
                "requester": locked.requester_id,
                "approved": approve,
                "expires_at": locked.expires_at,
            },
        )
        return locked


@dataclass(frozen=True)
class RevealedIdentity:
    name: str
    contact: str


def identity_reveal(*, report: Report, user: User) -> RevealedIdentity:
    """Show the reporter's identity to `user` if allowed, logging the access."""
    visibility = identity_visibility(report=report, user=user)
    if not visibility.may_view:
        raise ServiceError("forbidden", "identity not available to this user")
    with transaction.atomic():
        IdentityAccessLog.objects.create(
            report=report, user=user, access_request=visibility.access_request
        )
    return RevealedIdentity(
        name=decrypt_optional(report.reporter_name_encrypted),
        contact=decrypt_optional(report.reporter_contact_encrypted),
    )


def evidence_original_open(*, report: Report, evidence: Evidence, user: User) -> BinaryIO:
    """The original file (with its metadata) if `user` may have it; the access is logged.

    Anonymous and confidential reports: only with an approved, unexpired identity-access
    request of this user for this report. Every download, any mode, is logged.
    """
    visibility = original_visibility(report=report, user=user)
    if not visibility.may_view or evidence.report_id != report.pk:
        raise ServiceError("forbidden", "original not available to this user")
    with transaction.atomic():
        IdentityAccessLog.objects.create(
            report=report, user=user, access_request=visibility.access_request, evidence=evidence
        )
    return evidence_store().open(evidence.sha256, "original")


def _token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


@dataclass(frozen=True)
class TakenDraft:
    data: ReportInput | None  # None: the form had errors; only `form` and the files are kept
    files: list[IngestedFile]
    staging: Staging | None
    triage: TriageOutcome | None = None  # what the preview showed; None: run it again
    form: dict[str, list[str]] | None = None  # the fields as sent, to fill the form again


def drafts_expire(*, now: datetime | None = None) -> int:
    """Delete expired drafts and their staged files; returns how many drafts went."""
    now = now or timezone.now()
    expired = ReportDraft.objects.filter(expires_at__lt=now)
    staging_ids = [sid for sid in expired.values_list("staging_id", flat=True) if sid]
    count, _ = expired.delete()
    for staging_id in staging_ids:
        staging_area().discard(staging_id)
    return count


def draft_save(
    *,
    data: ReportInput | None,
    files: Sequence[IngestedFile],
    staging: Staging | None = None,
    triage: TriageOutcome | None = None,
    form: dict[str, list[str]] | None = None,
) -> str:
    """Keep a previewed report until the reporter confirms it; returns the draft token.

    With `data` None it keeps a form sent back with errors: its fields and the files
    already attached, encrypted like a preview, so nothing has to be chosen again.
    """
    token = secrets.token_urlsafe(32)
    shown = None
    if triage is not None and not triage.failed:
        shown = {"codes": list(triage.codes), "result": triage.result}
    payload = {
        "data": data.to_payload() if data is not None else None,
        "form": form,
        "files": [f.to_payload() for f in files],
        "staging": {"id": staging.id, "key": staging.key} if staging else None,
        "triage": shown,
    }
    drafts_expire()
    with transaction.atomic():
        ReportDraft.objects.create(
            token_digest=_token_digest(token),
            payload_encrypted=field_cipher().encrypt(json.dumps(payload)),
            expires_at=timezone.now() + timedelta(seconds=conf.get("INTAKE_DRAFT_TTL_SECONDS")),
            staging_id=staging.id if staging else "",
        )
    return token


def draft_take(*, token: str) -> TakenDraft | None:
    """The draft behind `token`, removed so it cannot be submitted twice; None if gone.

    The caller moves the staged files with `evidence.commit_staged` and then discards the
    staging directory (`staging_area().discard`).
    """
    with transaction.atomic():
        draft = (
            ReportDraft.objects.select_for_update()
            .filter(token_digest=_token_digest(token), expires_at__gte=timezone.now())
            .first()
        )
        if draft is None:
            return None
        payload = json.loads(field_cipher().decrypt(draft.payload_encrypted))
        draft.delete()
    return _draft_from_payload(payload)


def draft_peek(*, token: str) -> TakenDraft | None:
    """The draft behind `token`, left in place (showing the preview or the form again)."""
    draft = ReportDraft.objects.filter(
        token_digest=_token_digest(token), expires_at__gte=timezone.now()
    ).first()
    if draft is None:
        return None
    return _draft_from_payload(json.loads(field_cipher().decrypt(draft.payload_encrypted)))


def _draft_from_payload(payload: dict[str, Any]) -> TakenDraft:
    files = [IngestedFile.from_payload(item) for item in payload["files"]]
    staged = payload.get("staging")
    staging = Staging(id=staged["id"], key=staged["key"]) if staged else None
    shown = payload.get("triage")
    triage = TriageOutcome(tuple(shown["codes"]), shown["result"]) if shown else None
    data = ReportInput.from_payload(payload["data"]) if payload.get("data") else None
    return TakenDraft(data, files, staging, triage, payload.get("form"))


__all__ = [
    "ReportInput",
    "ServiceError",
    "Submitted",
    "draft_peek",
    "draft_save",
    "draft_take",
    "drafts_expire",
    "evidence_original_open",
    "identity_access_decide",
    "identity_access_request",
    "identity_reveal",
    "report_event_append",
    "report_evidence_add",
    "report_message_add",
    "report_submit",
]
