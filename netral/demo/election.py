"""A whole (fictional) Pilkada 2024 worth of reports and cases, for the figures to show.

Several provinces, a few thousand reports from August to November 2024, and every path a
case can take: not actionable, merged, referred, not proven, proven and recommended, the
PPK's decree on time or late or never, the supervisor's warning and data blocking. Every
name, NIP and text is invented (a seeded random generator; the same data on every run).

Speed: the thousands of cases are written in bulk, not one service call at a time (that
would take many minutes on SQLite). Their audit chains are still real: each event's digest
is computed by `netral.cases.audit.event_digest`, the function `event_append` uses, over the
same fields, in UTC as the services store them; each report's public timeline is chained
with the intake's own digest function. `netral audit verify` checks them like any other.
"""

from __future__ import annotations

import datetime
import hashlib
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone

from netral.accounts.models import User
from netral.cases.audit import event_digest
from netral.cases.deadlines import stage_deadline
from netral.cases.machine import BY_NAME
from netral.cases.models import (
    Case,
    CaseEvent,
    CaseReport,
    FollowUpAction,
    FollowUpKind,
    Recommendation,
    ReferralTarget,
    SanctionDecision,
    Stage,
)
from netral.cases.stages import PUBLIC_STATUS
from netral.intake.models import EventKind, IdentityMode, Report, ReportEvent
from netral.intake.services import _event_digest as report_event_digest
from netral.org.models import Agency, AgencyLevel, Employee, Region
from netral.security.crypto import new_receipt_number, new_secret, secret_digest

UTC = datetime.UTC
PROVINCES = ("32", "33", "35", "73", "12", "52")  # Jabar, Jateng, Jatim, Sulsel, Sumut, NTB
DEFAULT_REPORTS = 3000
BATCH = 1000

FIRST = [
    "Agus",
    "Ahmad",
    "Andi",
    "Ayu",
    "Bambang",
    "Bayu",
    "Citra",
    "Dedi",
    "Dian",
    "Dwi",
    "Eka",
    "Endang",
    "Fajar",
    "Fitri",
    "Gita",
    "Hadi",
    "Hendra",
    "Indah",
    "Intan",
    "Joko",
    "Kartika",
    "Lestari",
    "Lina",
    "Made",
    "Mega",
    "Nur",
    "Putri",
    "Rahmat",
    "Ratna",
    "Rizki",
    "Sari",
    "Siti",
    "Slamet",
    "Sri",
    "Taufik",
    "Tri",
    "Wahyu",
    "Wati",
    "Yanti",
    "Yudi",
    "Zainal",
]
LAST = [
    "Adiputra",
    "Anggraini",
    "Fauzi",
    "Gunadi",
    "Harahap",
    "Hasibuan",
    "Hidayat",
    "Irawan",
    "Kurniawan",
    "Lubis",
    "Mahendra",
    "Nasution",
    "Nugroho",
    "Permana",
    "Pratama",
    "Purba",
    "Rahayu",
    "Saputra",
    "Setiawan",
    "Siregar",
    "Suryadi",
    "Syahputra",
    "Tanjung",
    "Utami",
    "Wibowo",
    "Wijaya",
    "Yulianto",
    "Daeng",
    "Pattiasina",
    "Sitompul",
]

# (category, position titles)
POSITIONS = (
    ("JPT", ("Kepala Dinas Pendidikan", "Sekretaris Daerah", "Kepala Dinas Kesehatan")),
    ("ADMINISTRATOR", ("Kepala Bagian Umum", "Sekretaris Dinas", "Kepala Bidang")),
    ("ADMINISTRATOR", ("Camat",)),
    ("PENGAWAS", ("Lurah",)),
    ("PENGAWAS", ("Kepala Seksi Pelayanan", "Kepala Subbagian Keuangan")),
    (
        "FUNGSIONAL",
        ("Guru SD Negeri", "Guru SMP Negeri", "Perawat Puskesmas", "Penyuluh Pertanian"),
    ),
    ("PELAKSANA", ("Staf Kecamatan", "Pengadministrasi Umum", "Operator Layanan")),
)
POSITION_WEIGHTS = (10, 9, 6, 6, 8, 32, 29)

# conduct code -> how a reporter might describe it ({who} {where} {cand})
CONDUCT = {
    "MEDSOS_UNGGAH": "{who} mengunggah foto dan ajakan memilih {cand} di akun media sosialnya.",
    "MEDSOS_INTERAKSI": "{who} menyukai dan membagikan unggahan tim pemenangan {cand}.",
    "FOTO_SIMBOL": "{who} berfoto dengan {cand} sambil mengacungkan jari sesuai nomor urut.",
    "KAMPANYE_IKUT": "{who} terlihat ikut kampanye {cand} di {where} pada jam kerja.",
    "KAMPANYE_ATRIBUT": "{who} memakai kaos bergambar {cand} saat kampanye di {where}.",
    "KAMPANYE_MENGERAHKAN": "{who} meminta bawahannya hadir di kampanye {cand} di {where}.",
    "FASILITAS_NEGARA": "{who} memakai mobil dinas untuk mengantar tim {cand} ke {where}.",
    "KEGIATAN_KEBERPIHAKAN": "{who} membagikan bingkisan bergambar {cand} kepada warga {where}.",
    "DEKLARASI_HADIR": "{who} hadir dan bertepuk tangan di deklarasi {cand} di {where}.",
    "APK_PASANG": "{who} memasang spanduk {cand} di pagar kantor di {where}.",
    "TIM_PEMENANGAN": "{who} tercatat sebagai anggota tim pemenangan {cand} di {where}.",
}
CONDUCT_WEIGHTS = (26, 12, 11, 14, 5, 6, 6, 7, 5, 4, 4)
CANDIDATES = ("paslon nomor urut 1", "paslon nomor urut 2", "paslon nomor urut 3", "calon petahana")

# Where each case ends, with its weight (per thousand cases).
PATHS = (
    ("received", 15),
    ("verification", 20),
    ("not_actionable", 120),
    ("merged", 30),
    ("referred", 40),
    ("review", 20),
    ("examination", 10),
    ("not_proven", 165),
    ("recommendation", 20),
    ("signed", 560),
)
# Recommended (track, level, sanction, weight) for civil servants.
RECOMMENDATIONS = (
    ("ETIK", "MORAL", "MORAL_TERBUKA", 25),
    ("ETIK", "MORAL", "MORAL_TERTUTUP", 20),
    ("DISIPLIN", "SEDANG", "POTONG_TUKIN_25_6_BULAN", 20),
    ("DISIPLIN", "SEDANG", "POTONG_TUKIN_25_12_BULAN", 15),
    ("DISIPLIN", "BERAT", "TURUN_JABATAN_12_BULAN", 12),
    ("DISIPLIN", "BERAT", "PEMBEBASAN_KE_PELAKSANA_12_BULAN", 8),
)


@dataclass(frozen=True)
class Staff:
    verifier: User
    analyst: User
    supervisor: User
    ppk: User


@dataclass
class Plan:
    """One case as it will be written: its rows, then its events in order."""

    report: Report
    case: Case
    path: str
    events: list[dict[str, Any]] = field(default_factory=list)
    recommendation: dict[str, Any] | None = None
    decision: dict[str, Any] | None = None
    follow_ups: list[tuple[str, datetime.datetime]] = field(default_factory=list)
    merge_into: int | None = None  # index of the plan it joins


def _moment(day: datetime.date, rng: random.Random) -> datetime.datetime:
    """A time in office hours (WIB) on `day`, stored in UTC like `timezone.now()`."""
    hour = rng.randint(8, 16)  # 08:00–16:59 WIB is 01:00–09:59 UTC
    return datetime.datetime(day.year, day.month, day.day, hour - 7, rng.randint(0, 59), tzinfo=UTC)


def _after(moment: datetime.datetime, low: int, high: int, rng: random.Random) -> datetime.datetime:
    day = moment.date() + datetime.timedelta(days=rng.randint(low, high))
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    later = _moment(day, rng)
    return later if later > moment else moment + datetime.timedelta(minutes=rng.randint(5, 90))


def _incident_day(rng: random.Random) -> datetime.date:
    """Mostly in the campaign (25 Sep – 23 Nov 2024), some before it, a few in the quiet days."""
    draw = rng.random()
    if draw < 0.15:
        return datetime.date(2024, 8, 15) + datetime.timedelta(days=rng.randint(0, 40))
    if draw < 0.95:
        return datetime.date(2024, 9, 25) + datetime.timedelta(days=int(rng.triangular(0, 59, 45)))
    return datetime.date(2024, 11, 24) + datetime.timedelta(days=rng.randint(0, 3))


class Names:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.nips: set[str] = set(Employee.objects.values_list("nip", flat=True))

    def person(self) -> str:
        return f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"

    def nip(self) -> str:
        while True:
            born = datetime.date(1965, 1, 1) + datetime.timedelta(days=self.rng.randint(0, 12000))
            hired = born.year + self.rng.randint(22, 32)
            nip = (
                f"{born:%Y%m%d}{hired}{self.rng.randint(1, 12):02d}"
                f"{self.rng.randint(1, 2)}{self.rng.randint(1, 999):03d}"
            )
            if nip not in self.nips:
                self.nips.add(nip)
                return nip


def _weighted(rng: random.Random, items: tuple[Any, ...], weights: tuple[int, ...]) -> Any:
    return rng.choices(items, weights=weights, k=1)[0]


def _agencies(regions: list[Region]) -> dict[str, list[Agency]]:
    """Each regency/city government and its province's, by region code (get or create)."""
    out: dict[str, list[Agency]] = {}
    provinces = {r.code: r for r in Region.objects.filter(code__in=PROVINCES)}
    for province in provinces.values():
        agency, _ = Agency.objects.get_or_create(
            name=f"Pemerintah {province.name}",
            region=province,
            defaults={"level": AgencyLevel.PROVINCE, "ppk_title": f"Gubernur {province.name[9:]}"},
        )
        out[province.code] = [agency]
    for region in regions:
        title = ("Bupati " if region.level == "REGENCY" else "Wali Kota ") + region.name.split(
            " ", 1
        )[-1]
        agency, _ = Agency.objects.get_or_create(
            name=f"Pemerintah {region.name}",
            region=region,
            defaults={"level": AgencyLevel.REGENCY_CITY, "ppk_title": title},
        )
        out[region.code] = [agency, out[region.province_code][0]]
    return out


def load_election_demo(staff: Staff, *, reports: int = DEFAULT_REPORTS, seed: int = 2024) -> int:
    """Generate the election (once: skipped when many reports exist). Returns cases made."""
    if Report.objects.count() >= 100:
        return 0
    rng = random.Random(seed)  # noqa: S311 - demo data, not security
    today = timezone.localdate()
    regions = list(
        Region.objects.filter(parent__code__in=PROVINCES).select_related("parent").order_by("code")
    )
    if not regions:
        return 0
    with transaction.atomic():
        agencies = _agencies(regions)
        names = Names(rng)
        # Busier regions: a few big ones draw more reports, as in real elections.
        weights = [rng.choice((1, 1, 2, 3, 6)) for _ in regions]
        plans = [
            _plan(rng, names, staff, rng.choices(regions, weights=weights, k=1)[0], agencies, today)
            for _ in range(reports)
        ]
        _link_merges(plans, rng)
        _write(plans, staff)
    return len(plans)


def _plan(
    rng: random.Random,
    names: Names,
    staff: Staff,
    region: Region,
    agencies: dict[str, list[Agency]],
    today: datetime.date,
) -> Plan:
    code = _weighted(rng, tuple(CONDUCT), CONDUCT_WEIGHTS)
    category, titles = _weighted(rng, POSITIONS, POSITION_WEIGHTS)
    title = rng.choice(titles)
    if title in {"Camat", "Lurah"}:
        title = f"{title} {rng.choice(LAST)}"
    agency = agencies[region.code][0] if rng.random() < 0.8 else agencies[region.code][-1]
    person = names.person()
    incident = _incident_day(rng)
    filed = _moment(incident + datetime.timedelta(days=rng.randint(0, 6)), rng)
    place = region.name.split(" ", 1)[-1]
    text = CONDUCT[code].format(who=title, where=place, cand=rng.choice(CANDIDATES))
    text += " " + rng.choice(
        (
            "Ada fotonya di grup WhatsApp warga.",
            "Saya lihat sendiri kejadiannya.",
            "Videonya sudah beredar di media sosial.",
            "Beberapa warga juga menyaksikan.",
        )
    )
    identity = _weighted(
        rng,
        (IdentityMode.ANONYMOUS, IdentityMode.CONFIDENTIAL, IdentityMode.IDENTIFIED),
        (6, 3, 1),
    )
    receipt = new_receipt_number()
    report = Report(
        receipt=receipt,
        secret_digest=secret_digest(new_secret()),
        text=text,
        occurred_on=incident,
        region=region,
        election="PILKADA",
        subject_name=person,
        subject_position=title,
        subject_agency=agency.name,
        identity_mode=identity,
        suggested_codes=[code],
        created_at=filed,
    )
    due = stage_deadline(stage=Stage.RECEIVED, election="PILKADA", start=filed.date())
    case = Case(
        region=region,
        election="PILKADA",
        subject_name=person,
        subject_position=title,
        subject_agency_name=agency.name,
        incident_date=incident,
        suggested_codes=[code],
        due_date=due.due_date,
        deadline_rule=due.rule,
        created_at=filed,
        stage_entered_at=filed,
    )
    path = _weighted(rng, tuple(p for p, _w in PATHS), tuple(w for _p, w in PATHS))
    plan = Plan(report, case, path)
    _story(plan, rng, staff, names, agency, category, code, today)
    return plan


def _event(
    plan: Plan,
    action: str,
    at: datetime.datetime,
    actor: User | None,
    *,
    to: str | None = None,
    reason: str = "",
    payload: dict[str, Any] | None = None,
) -> datetime.datetime:
    current = plan.case.stage
    plan.events.append(
        {
            "action": action,
            "from_stage": current,
            "to_stage": to or current,
            "actor": actor,
            "reason": reason,
            "payload": payload or {},
            "public": bool(to) and action in BY_NAME and BY_NAME[action].public,
            "created_at": at,
        }
    )
    if to:
        plan.case.stage = to
        plan.case.stage_entered_at = at
    return at


def _story(
    plan: Plan,
    rng: random.Random,
    staff: Staff,
    names: Names,
    agency: Agency,
    category: str,
    code: str,
    today: datetime.date,
) -> None:
    """Walk the case down its path, recording each event as the services would."""
    case, path = plan.case, plan.path
    at = _event(plan, "open", case.created_at, None, payload={"receipt": plan.report.receipt})
    if path == "received":
        return _open_deadline(case, today)
    at = _event(
        plan, "start_verification", _after(at, 0, 3, rng), staff.verifier, to=Stage.VERIFICATION
    )
    if path == "verification":
        return _open_deadline(case, today)
    if path == "not_actionable":
        _event(
            plan,
            "mark_not_actionable",
            _after(at, 1, 5, rng),
            staff.verifier,
            to=Stage.NOT_ACTIONABLE,
            reason=rng.choice(
                (
                    "Identitas terlapor tidak dapat dipastikan.",
                    "Bukti tidak cukup dan pelapor tidak dapat dihubungi.",
                    "Peristiwa di luar masa pemilihan.",
                )
            ),
        )
        return None
    if path == "merged":
        plan.merge_into = -1  # linked in _link_merges, written then
        case.stage_entered_at = _after(at, 0, 2, rng)
        return None
    employee = Employee(
        nip=names.nip(),
        name=case.subject_name,
        status="PNS" if rng.random() < 0.88 else "PPPK",
        position=case.subject_position,
        position_category=category,
        agency=agency,
    )
    case.employee = employee
    case.agency = agency
    case.subject_status = employee.status
    case.confirmed_codes = [code]
    case.candidate_status = "CALON"
    at = _event(
        plan,
        "subject_link",
        _after(at, 0, 2, rng),
        staff.verifier,
        payload={"nip": employee.nip, "agency": agency.pk},
    )
    at = _event(
        plan,
        "facts_update",
        at + datetime.timedelta(minutes=rng.randint(3, 40)),
        staff.verifier,
        payload={"confirmed_codes": [code], "subject_status": employee.status},
    )
    to_agency = path == "examination" or (path == "not_proven" and rng.random() < 0.2)
    if to_agency:
        at = _event(
            plan,
            "send_to_agency",
            _after(at, 0, 3, rng),
            staff.verifier,
            to=Stage.AGENCY_EXAMINATION,
        )
    else:
        at = _event(
            plan, "send_to_bawaslu", _after(at, 0, 3, rng), staff.verifier, to=Stage.BAWASLU_REVIEW
        )
    if path in {"review", "examination"}:
        return _open_deadline(case, today)
    if path == "referred":
        case.referral_target = ReferralTarget.GAKKUMDU
        _event(
            plan,
            "refer",
            _after(at, 3, 12, rng),
            staff.analyst,
            to=Stage.REFERRED,
            reason="Ada dugaan pidana pemilihan.",
            payload={"target": ReferralTarget.GAKKUMDU},
        )
        return None
    studier = staff.verifier if to_agency else staff.analyst
    if path == "not_proven":
        _event(
            plan,
            "agency_not_proven" if to_agency else "bawaslu_not_proven",
            _after(at, 5, 14, rng),
            studier,
            to=Stage.NOT_PROVEN,
            reason="Klarifikasi tidak menemukan unsur keberpihakan.",
        )
        return None
    at = _event(
        plan,
        "agency_violation_found" if to_agency else "bawaslu_violation_found",
        _after(at, 5, 14, rng),
        studier,
        to=Stage.RECOMMENDATION,
        reason="Bukti dan keterangan saksi cukup.",
    )
    if path == "recommendation":
        return _open_deadline(case, today)
    _signed(plan, rng, staff, at, today)
    return None


def _signed(
    plan: Plan, rng: random.Random, staff: Staff, at: datetime.datetime, today: datetime.date
) -> None:
    track, level, sanction, _w = _weighted(
        rng, RECOMMENDATIONS, tuple(r[3] for r in RECOMMENDATIONS)
    )
    signed = _after(at, 3, 20, rng)
    ppk = stage_deadline(stage=Stage.PPK_FOLLOW_UP, election="PILKADA", start=signed.date())
    plan.recommendation = {
        "body": "BKN",
        "chosen_track": track,
        "chosen_level": level,
        "chosen_sanction": sanction,
        "signed_at": signed,
        "ppk_due_date": ppk.due_date,
    }
    _event(
        plan,
        "recommend",
        signed,
        staff.supervisor,
        to=Stage.PPK_FOLLOW_UP,
        payload={"track": track, "sanction": sanction},
    )
    plan.case.due_date, plan.case.deadline_rule = ppk.due_date, ppk.rule
    due = ppk.due_date or signed.date()
    draw = rng.random()
    if draw < 0.36:
        sk_day = signed.date() + datetime.timedelta(
            days=rng.randint(1, max(1, (due - signed.date()).days))
        )
    elif draw < 0.50:
        sk_day = due + datetime.timedelta(days=rng.randint(5, 90))
    else:  # the PPK never acts: the supervisor's levers
        plan.case.overdue = due < today
        warned = _after(_moment(due, rng), 3, 20, rng)
        if rng.random() < 0.75:
            plan.follow_ups.append((FollowUpKind.PPK_WARNING, warned))
            _event(
                plan,
                "ppk_warning",
                warned,
                staff.supervisor,
                reason="PPK belum menjatuhkan sanksi.",
            )
            if rng.random() < 0.5:
                blocked = _after(warned, 14, 45, rng)
                plan.follow_ups.append((FollowUpKind.DATA_BLOCKING, blocked))
                _event(
                    plan,
                    "data_blocking",
                    blocked,
                    staff.supervisor,
                    reason="Teguran tidak ditindaklanjuti; mohon pemblokiran data.",
                )
        return
    imposed = sanction if rng.random() < 0.85 else "MORAL_TERTUTUP"
    recorded = _after(_moment(sk_day, rng), 0, 4, rng)
    plan.decision = {
        "sk_number": f"800.1.6/{rng.randint(100, 9999)}/BKPSDM/{sk_day.year}",
        "sk_date": sk_day,
        "sanction": imposed,
        "effective_date": sk_day,
        "recorded_at": recorded,
        "on_time": sk_day <= due,
    }
    _event(
        plan,
        "record_sanction",
        recorded,
        staff.ppk,
        to=Stage.SANCTION_EXECUTED,
        payload={"sanction": imposed, "on_time": sk_day <= due},
    )
    plan.case.due_date = None
    if rng.random() < 0.94:
        _event(
            plan,
            "close",
            recorded + datetime.timedelta(seconds=1),
            staff.ppk,
            to=Stage.CLOSED,
            reason="Sanksi telah berlaku.",
        )


def _open_deadline(case: Case, today: datetime.date) -> None:
    due = stage_deadline(stage=case.stage, election="PILKADA", start=case.stage_entered_at.date())
    case.due_date, case.deadline_rule = due.due_date, due.rule
    case.overdue = bool(due.due_date and due.due_date < today)


def _link_merges(plans: list[Plan], rng: random.Random) -> None:
    """A merged case joins an earlier, still-distinct case of the same region."""
    by_region: dict[int, list[int]] = {}
    for index, plan in enumerate(plans):
        if plan.merge_into is None:
            by_region.setdefault(plan.case.region.pk, []).append(index)  # type: ignore[union-attr]
    for plan in plans:
        if plan.merge_into is None:
            continue
        candidates = by_region.get(plan.case.region.pk, [])  # type: ignore[union-attr]
        if not candidates:
            plan.merge_into = None
            plan.path = "verification"
            continue
        plan.merge_into = rng.choice(candidates)


def _write(plans: list[Plan], staff: Staff) -> None:
    for plan in plans:
        if plan.merge_into is not None:
            # The target's id is known once the cases are written; set before digesting.
            at = plan.case.stage_entered_at
            _event(plan, "merge", at, staff.verifier, to=Stage.MERGED, payload={"into": None})
        plan.case.version = len(plan.events) + 1
        plan.report.status = PUBLIC_STATUS[Stage(plan.case.stage)]
    Report.objects.bulk_create([p.report for p in plans], batch_size=BATCH)
    employees = [p.case.employee for p in plans if p.case.employee is not None]
    Employee.objects.bulk_create(employees, batch_size=BATCH)
    for plan in plans:
        if plan.case.employee is not None:
            plan.case.employee_id = plan.case.employee.pk
    # Written at their final stage in one go: bulk_create bypasses `Case.save`, whose guard
    # exists for code that edits one case; the event chain below records every step.
    Case.objects.bulk_create([p.case for p in plans], batch_size=BATCH)
    for plan in plans:
        if plan.merge_into is not None:
            target = plans[plan.merge_into].case
            plan.events[-1]["payload"] = {"into": target.pk}
            Case.objects.filter(pk=plan.case.pk).update(merged_into_id=target.pk)
    CaseReport.objects.bulk_create(
        [
            CaseReport(
                case_id=plans[p.merge_into].case.pk if p.merge_into is not None else p.case.pk,
                report=p.report,
                added_at=p.case.created_at,
                original_case=p.case,
            )
            for p in plans
        ],
        batch_size=BATCH,
    )
    CaseEvent.objects.bulk_create(_case_events(plans), batch_size=BATCH)
    ReportEvent.objects.bulk_create(_report_events(plans), batch_size=BATCH)
    _write_letters(plans, staff)


def _case_events(plans: list[Plan]) -> Iterator[CaseEvent]:
    for plan in plans:
        previous = ""
        for seq, spec in enumerate(plan.events, start=1):
            actor = spec["actor"]
            event = CaseEvent(
                case_id=plan.case.pk,
                seq=seq,
                action=spec["action"],
                from_stage=spec["from_stage"],
                to_stage=spec["to_stage"],
                actor_id=actor.pk if actor else None,
                reason=spec["reason"],
                payload=spec["payload"],
                public=spec["public"],
                created_at=spec["created_at"],
                previous_digest=previous,
            )
            event.digest = event_digest(previous, event)
            previous = event.digest
            yield event


def _report_events(plans: list[Plan]) -> Iterator[ReportEvent]:
    for plan in plans:
        report = plan.report
        timeline = [(EventKind.RECEIVED, "RECEIVED", "", report.created_at, None)]
        for spec in plan.events:
            if spec["public"] and spec["to_stage"] != spec["from_stage"]:
                label = str(BY_NAME[spec["action"]].label)
                status = PUBLIC_STATUS[Stage(spec["to_stage"])]
                timeline.append(
                    (EventKind.STATUS, status, label, spec["created_at"], spec["actor"])
                )
        previous = ""
        for seq, (kind, status, note, at, actor) in enumerate(timeline, start=1):
            event = ReportEvent(
                report=report,
                seq=seq,
                kind=kind,
                status=status,
                public=True,
                note=note,
                actor=actor,
                created_at=at,
                previous_digest=previous,
            )
            event.digest = report_event_digest(previous, event)
            previous = event.digest
            yield event


def _write_letters(plans: list[Plan], staff: Staff) -> None:
    signed = [p for p in plans if p.recommendation is not None]
    recommendations = [
        Recommendation(
            case_id=p.case.pk,
            facts={"conduct": p.case.confirmed_codes, "subject": p.case.subject_status},
            assessment={},
            catalogue_version="demo",
            signed_by=staff.supervisor,
            note="Direkomendasikan sesuai penilaian aturan.",
            letter_sha256=hashlib.sha256(f"demo-{p.case.pk}".encode()).hexdigest(),
            **(p.recommendation or {}),
        )
        for p in signed
    ]
    Recommendation.objects.bulk_create(recommendations, batch_size=BATCH)
    SanctionDecision.objects.bulk_create(
        [
            SanctionDecision(
                case_id=p.case.pk, recommendation=r, recorded_by=staff.ppk, **(p.decision or {})
            )
            for p, r in zip(signed, recommendations, strict=True)
            if p.decision is not None
        ],
        batch_size=BATCH,
    )
    FollowUpAction.objects.bulk_create(
        [
            FollowUpAction(case_id=p.case.pk, kind=kind, issued_by=staff.supervisor, issued_at=at)
            for p in signed
            for kind, at in p.follow_ups
        ],
        batch_size=BATCH,
    )
