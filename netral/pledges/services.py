"""Writes of pledges: recording an event, importing its signatures. One transaction each,
with its audit entry on the audit chain `pledges` (netral.audit)."""

from __future__ import annotations

import datetime
import hashlib
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from netral.accounts.models import User
from netral.audit import AuditAction, Chain, record
from netral.documents import DocumentError
from netral.org.models import Agency, Employee, PositionCategory
from netral.pledges.access import pledge_agencies
from netral.pledges.models import PledgeEvent, PledgeSignature
from netral.pledges.signatures import ImportReport, SignatureRow, Unmatched, read_signatures
from netral.registry.cycles import cycle_by_id
from netral.registry.errors import Forbidden, Invalid, Unreadable
from netral.registry.files import keep_original
from netral.registry.reading import media_type_of
from netral.registry.trail import subject_of

BATCH = 5000


def _refuse(field: str, message: str) -> Invalid:
    return Invalid(detail=[{"field": field, "message": message}])


@transaction.atomic
def pledge_event_record(
    *,
    actor: User,
    agency: Agency,
    cycle: str,
    held_on: datetime.date,
    echelons: list[str],
    note: str = "",
    document: bytes | None = None,
    document_name: str = "",
) -> PledgeEvent:
    """Record that `agency` held its pledge on `held_on` for `echelons` of `cycle`."""
    if not pledge_agencies(actor).filter(pk=agency.pk).exists():
        raise Forbidden
    if cycle_by_id(cycle) is None:
        raise _refuse("cycle", _("Pemilihan tidak dikenal."))
    unknown = [e for e in echelons if e not in PositionCategory.values]
    if not echelons or unknown:
        raise _refuse("echelons", _("Pilih jenjang jabatan yang mengikuti ikrar."))
    event = PledgeEvent(
        agency=agency, cycle=cycle, held_on=held_on, echelons=echelons, note=note[:300],
        created_by=actor,
    )  # fmt: skip
    if document:
        try:
            event.document_type = media_type_of(document)
        except DocumentError as error:
            raise Unreadable(detail=str(error)) from error
        event.document_sha256 = keep_original(document)
        event.document_name = document_name[-200:]
    event.save()
    record(
        Chain.PLEDGES,
        AuditAction.PLEDGE_RECORD,
        actor,
        subject_of(event),
        {
            "agency": agency.pk,
            "cycle": cycle,
            "held_on": held_on,
            "echelons": echelons,
            "document_sha256": event.document_sha256,
        },
    )
    return event


def _employees(agency: Agency, nips: list[str]) -> dict[str, tuple[int, str]]:
    rows = Employee.objects.filter(nip__in=nips).filter(
        agency__in=Agency.objects.filter(pk=agency.pk) | Agency.objects.filter(parent=agency)
    )
    return {
        nip: (pk, category)
        for nip, pk, category in rows.values_list("nip", "pk", "position_category")
    }


@transaction.atomic
def signatures_import(*, actor: User, event: PledgeEvent, path: Path, name: str) -> ImportReport:
    """Match every row's NIP to the roster of the event's agency (and its units) and add
    the signatures not recorded yet; all or nothing. Unmatched rows are reported."""
    if not pledge_agencies(actor).filter(pk=event.agency_id).exists():
        raise Forbidden
    locked = PledgeEvent.objects.select_for_update().get(pk=event.pk)
    report = ImportReport()
    rows: list[SignatureRow] = []
    seen: set[str] = set()
    try:
        for item in read_signatures(path):
            report.rows += 1
            if isinstance(item, Unmatched):
                report.unmatched.append(item)
            elif item.nip in seen:
                report.unmatched.append(Unmatched(item.row, item.nip, "duplicate_row"))
            else:
                seen.add(item.nip)
                rows.append(item)
    except ValueError as error:
        raise Unreadable(detail=str(error)) from error
    for start in range(0, len(rows), BATCH):
        _import_batch(locked, rows[start : start + BATCH], report)
    report.unmatched.sort(key=lambda u: u.row)
    record(
        Chain.PLEDGES,
        AuditAction.PLEDGE_SIGNATURES_IMPORT,
        actor,
        subject_of(locked),
        {
            "file": name[-200:],
            "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
            "rows": report.rows,
            "added": report.added,
            "already": report.already,
            "unmatched": len(report.unmatched),
        },
    )
    return report


def _import_batch(event: PledgeEvent, rows: list[SignatureRow], report: ImportReport) -> None:
    found = _employees(event.agency, [r.nip for r in rows])
    elsewhere = set(
        Employee.objects.filter(nip__in=[r.nip for r in rows if r.nip not in found]).values_list(
            "nip", flat=True
        )
    )
    signed = set(
        PledgeSignature.objects.filter(
            event=event, employee_id__in=[pk for pk, _ in found.values()]
        ).values_list("employee_id", flat=True)
    )
    new = []
    for row in rows:
        if row.nip not in found:
            reason = "other_agency" if row.nip in elsewhere else "not_in_roster"
            report.unmatched.append(Unmatched(row.row, row.nip, reason))
            continue
        pk, category = found[row.nip]
        if pk in signed:
            report.already += 1
            continue
        new.append(
            PledgeSignature(
                event=event,
                employee_id=pk,
                category=category,
                signed_on=row.signed_on or event.held_on,
            )
        )
    PledgeSignature.objects.bulk_create(new, batch_size=BATCH)
    report.added += len(new)
