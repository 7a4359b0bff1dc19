"""What each export contains, read lazily from the scoped case selectors."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from django.utils.translation import gettext as _

from netral.accounts.models import User
from netral.cases import selectors
from netral.cases.models import Case, CaseElection, Stage
from netral.cases.selectors import QueueFilters
from netral.exports.formats import Sheet

CHUNK_ROWS = 2000

QUEUE_FIELDS = (
    "pk",
    "created_at",
    "stage",
    "region__code",
    "region__name",
    "agency__name",
    "employee__name",
    "employee__nip",
    "subject_name",
    "subject_position",
    "election",
    "confirmed_codes",
    "suggested_codes",
    "incident_date",
    "due_date",
    "overdue",
    "assigned_to__username",
    "updated_at",
)


def queue_header() -> list[str]:
    return [
        _("Nomor kasus"),
        _("Tahap"),
        _("Kode wilayah"),
        _("Wilayah"),
        _("Instansi"),
        _("Terlapor"),
        _("NIP"),
        _("Jabatan"),
        _("Pemilihan"),
        _("Kode perbuatan terkonfirmasi"),
        _("Kode perbuatan usulan triase"),
        _("Tanggal kejadian"),
        _("Batas waktu"),
        _("Lewat batas waktu"),
        _("Petugas"),
        _("Dibuat"),
        _("Diperbarui"),
    ]


def _reference(pk: int, created: Any) -> str:
    return f"NTR-{created:%Y}-{pk:06d}"


def _codes(value: Any) -> str:
    return ", ".join(str(c) for c in value or [])


def queue_rows(actor: User, filters: QueueFilters) -> Iterator[Sequence[Any]]:
    """Every case of the queue with its filters, in queue order, read in chunks.

    `iterator()` reads through a server-side cursor on PostgreSQL, so the process holds
    one chunk at a time, never the whole queue.
    """
    stages = dict(Stage.choices)
    elections = dict(CaseElection.choices)
    found = (
        selectors.case_queue(actor=actor, filters=filters)
        .prefetch_related(None)
        .values_list(*QUEUE_FIELDS)
        .iterator(chunk_size=CHUNK_ROWS)
    )
    for row in found:
        values = dict(zip(QUEUE_FIELDS, row, strict=True))
        yield [
            _reference(values["pk"], values["created_at"]),
            str(stages.get(values["stage"], values["stage"])),
            values["region__code"] or "",
            values["region__name"] or "",
            values["agency__name"] or "",
            values["employee__name"] or values["subject_name"],
            values["employee__nip"] or "",
            values["subject_position"],
            str(elections.get(values["election"], "")) if values["election"] else "",
            _codes(values["confirmed_codes"]),
            _codes(values["suggested_codes"]),
            values["incident_date"],
            values["due_date"],
            bool(values["overdue"]),
            values["assigned_to__username"] or "",
            values["created_at"],
            values["updated_at"],
        ]


def queue_sheet(actor: User, filters: QueueFilters) -> Sheet:
    return Sheet(_("Antrean kasus"), queue_header(), queue_rows(actor, filters))


def case_sheets(case: Case) -> list[Sheet]:
    """A case's file: its facts, its event chain, and its letters and decisions."""
    subject = case.employee.name if case.employee else case.subject_name
    facts: list[tuple[str, Any]] = [
        (_("Nomor kasus"), case.reference),
        (_("Tahap"), case.get_stage_display()),
        (_("Wilayah"), f"{case.region.code} {case.region.name}" if case.region else ""),
        (_("Instansi"), case.agency.name if case.agency else ""),
        (_("Terlapor"), subject),
        (_("NIP"), case.employee.nip if case.employee else ""),
        (_("Jabatan"), case.subject_position),
        (_("Status kepegawaian"), case.get_subject_status_display()),
        (_("Pemilihan"), case.get_election_display() if case.election else ""),
        (_("Kode perbuatan terkonfirmasi"), _codes(case.confirmed_codes)),
        (_("Tanggal kejadian"), case.incident_date),
        (_("Batas waktu"), case.due_date),
        (_("Dibuat"), case.created_at),
    ]
    events = (
        [
            e.seq,
            e.created_at,
            e.action,
            e.from_stage,
            e.to_stage,
            _actor(e.actor),
            e.reason,
            e.public,
            e.digest,
        ]
        for e in selectors.case_events(case=case).iterator(chunk_size=CHUNK_ROWS)
    )
    return [
        Sheet(_("Fakta"), [_("Data"), _("Isi")], facts),
        Sheet(
            _("Peristiwa"),
            [
                _("Urutan"),
                _("Waktu"),
                _("Tindakan"),
                _("Dari tahap"),
                _("Ke tahap"),
                _("Oleh"),
                _("Alasan"),
                _("Publik"),
                _("Sidik (SHA-256)"),
            ],
            events,
        ),
        Sheet(_("Surat"), [_("Dokumen"), _("Tanggal"), _("Isi")], _letters(case)),
    ]


def _actor(user: User | None) -> str:
    return (user.get_full_name() or user.username) if user else _("sistem")


def _letters(case: Case) -> Iterator[Sequence[Any]]:
    recommendation = getattr(case, "recommendation", None)
    if recommendation is not None:
        yield (
            _("Rekomendasi"),
            recommendation.signed_at,
            f"{recommendation.chosen_track} {recommendation.chosen_level} "
            f"{recommendation.chosen_sanction}; "
            + _("batas waktu PPK: %(d)s")
            % {"d": recommendation.ppk_due_date or "-"},
        )
        decision = getattr(recommendation, "decision", None)
        if decision is not None:
            yield (
                _("SK sanksi"),
                decision.sk_date,
                f"{decision.sk_number}: {decision.sanction}; "
                + (_("tepat waktu") if decision.on_time else _("terlambat")),
            )
    for action in case.follow_ups.all():
        yield (action.get_kind_display(), action.issued_at, action.note)


def compliance_sheet(actor: User) -> Sheet:
    rows = (
        [r.agency_name, r.recommendations, r.on_time, r.late, r.pending, r.overdue, r.blocked]
        for r in selectors.ppk_compliance(actor=actor)
    )
    return Sheet(
        _("Kepatuhan PPK"),
        [
            _("Instansi"),
            _("Rekomendasi"),
            _("Tepat waktu"),
            _("Terlambat"),
            _("Menunggu"),
            _("Lewat batas waktu"),
            _("Data diblokir"),
        ],
        rows,
    )


def combined(sheets: Sequence[Sheet]) -> Sheet:
    """Several sheets as one table: a part column, and each part's header as a row."""

    def lines() -> Iterator[Sequence[Any]]:
        for sheet in sheets:
            yield [sheet.name, *sheet.header]
            for row in sheet.rows:
                yield [sheet.name, *row]

    return Sheet(sheets[0].name, [_("Bagian")], lines())
