"""`employees_import`: the roster import as a service, for the CLI and the admin pages."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path

from django.db import connection, transaction
from django.utils import timezone

from netral.accounts.models import User
from netral.audit import AuditAction, Chain, record
from netral.org.roster.agencies import AgencyDirectory
from netral.org.roster.columns import Columns, resolve_header
from netral.org.roster.report import ImportReport
from netral.org.roster.sources import RosterRows, open_roster
from netral.org.roster.stage import Stage, stage_for
from netral.org.roster.validate import Rejection, RowValidator, StagedRow

# Called with (rows read so far, fraction of the file done or None).
Progress = Callable[[int, float | None], None]
PROGRESS_EVERY = 16384


def employees_import(
    *,
    source: Path,
    create_agencies: bool = False,
    skip_invalid: bool = False,
    progress: Progress | None = None,
    today: date | None = None,
    actor: User | None = None,
) -> ImportReport:
    """Upsert the roster in `source` (CSV or XLSX) by NIP, in one transaction.

    By default nothing is written when any row is rejected; with `skip_invalid` the
    valid rows are written and the others reported. Raises `RosterFileError` when the
    file cannot be read at all (empty, not CSV/XLSX, missing columns).
    """
    report = ImportReport(source=str(source))
    today = today or timezone.localdate()
    with open_roster(source) as roster:
        columns = resolve_header(roster.header)  # before touching the database
        return _import(
            roster,
            columns,
            report,
            create_agencies=create_agencies,
            skip_invalid=skip_invalid,
            progress=progress,
            today=today,
            actor=actor,
        )


def _import(
    roster: RosterRows,
    columns: Columns,
    report: ImportReport,
    *,
    create_agencies: bool,
    skip_invalid: bool,
    progress: Progress | None,
    today: date,
    actor: User | None,
) -> ImportReport:
    with transaction.atomic():
        directory = AgencyDirectory(create=create_agencies)
        validator = RowValidator(columns, directory.resolve, today)
        stage = stage_for(connection)
        stage.write(_staged_rows(roster, validator, report, progress))
        _report_duplicates(stage, report)
        if report.rejected and not skip_invalid:
            transaction.set_rollback(True)
            return report
        stage.replace_agency_ids(directory.create_pending())
        report.unchanged = stage.drop_unchanged()
        report.created, report.updated = stage.upsert(timezone.now())
        stage.drop()
        report.committed = True
        record(
            Chain.ROSTER,
            AuditAction.ROSTER_IMPORT,
            actor,
            f"roster:{Path(report.source).name}"[:200],
            {
                "read": report.read,
                "created": report.created,
                "updated": report.updated,
                "unchanged": report.unchanged,
                "rejected": report.rejected,
                "created_agencies": create_agencies,
            },
        )
    return report


def _staged_rows(
    roster: RosterRows, validator: RowValidator, report: ImportReport, progress: Progress | None
) -> Iterator[StagedRow]:
    check = validator.check
    read = 0
    rows: Iterator[tuple[int, Sequence[str]]] = roster.rows()
    for number, cells in rows:
        if not any(cells):
            continue  # a blank line or spreadsheet row: nothing to import, no error
        read += 1
        if progress is not None and read % PROGRESS_EVERY == 0:
            progress(read, roster.done_fraction())
        result = check(number, cells)
        if not isinstance(result, Rejection):
            yield result
            continue
        report.reject(number, result.nip, result.reasons)
        if result.nip_valid:
            yield result.staged(number)
    report.read = read
    if progress is not None:
        progress(read, 1.0)


def _report_duplicates(stage: Stage, report: ImportReport) -> None:
    for nip, rows in stage.duplicates():
        for row, ok in rows:
            others = ", ".join(str(other) for other, _ in rows if other != row)
            reason = f"NIP {nip} also appears on row {others}"
            report.add_reason(row, nip, reason, already_rejected=not ok)
