"""Bilingual explanation lines. Cached lines never mention the conduct date itself, so one
outcome can serve every date in the same stretch of law (see ``netral.rules.tables``)."""

from __future__ import annotations

from netral.rules.context import Context
from netral.rules.facts import Facts
from netral.rules.model import BodyPeriod, Bridge, Instrument, Provision, Ref, RuleException
from netral.rules.trace import TraceLine

YES_NO = {True: ("ya", "yes"), False: ("tidak", "no")}


def facts_line(facts: Facts) -> TraceLine:
    leave_id, leave_en = YES_NO[facts.on_leave]
    passive_id, passive_en = YES_NO[facts.passive_attendance]
    conduct = ", ".join(facts.conduct) or "-"
    return TraceLine(
        step="FACTS",
        id=(
            f"Fakta: subjek {facts.subject}; perbuatan {conduct}; tanggal perbuatan "
            f"{facts.date.isoformat()}; pemilihan {facts.election}; CLTN: {leave_id}; "
            f"kehadiran pasif: {passive_id}."
        ),
        en=(
            f"Facts: subject {facts.subject}; conduct {conduct}; date of conduct "
            f"{facts.date.isoformat()}; election {facts.election}; unpaid leave: {leave_en}; "
            f"passive attendance: {passive_en}."
        ),
        facts=(
            ("subject", facts.subject),
            ("conduct", list(facts.conduct)),
            ("date", facts.date.isoformat()),
            ("election", facts.election),
            ("candidate_status", facts.candidate_status),
            ("on_leave", facts.on_leave),
            ("passive_attendance", facts.passive_attendance),
        ),
    )


def status_line(context: Context) -> TraceLine:
    cycle = context.cycle
    facts = (("candidate_status", context.status), ("during_campaign", context.during_campaign))
    if cycle is None:
        return TraceLine(
            step="STATUS",
            id=(
                f"Status calon {context.status or 'tidak diketahui'} (diberikan); tidak ada "
                "jadwal pemilihan yang mencakup tanggal ini, sehingga masa kampanye "
                "tidak diketahui."
            ),
            en=(
                f"Candidate status {context.status or 'unknown'} (given); no election timetable "
                "covers this date, so whether it was during the campaign is unknown."
            ),
            facts=facts,
        )
    first = cycle.first_determination.isoformat()
    camp = cycle.campaign.describe()
    origin_id = "diberikan" if context.status_given else f"diturunkan dari jadwal {cycle.id}"
    origin_en = "given" if context.status_given else f"derived from the {cycle.id} timetable"
    side_id = "sebelum" if context.before_determination else "pada atau sesudah"
    side_en = "before" if context.before_determination else "on or after"
    during_id = "dalam" if context.during_campaign else "di luar"
    during_en = "during" if context.during_campaign else "outside"
    checked_id = "" if cycle.confirmed else " Jadwal ini belum diverifikasi dengan jadwal KPU."
    checked_en = "" if cycle.confirmed else " This timetable is not yet checked against the KPU's."
    return TraceLine(
        step="STATUS",
        id=(
            f"Status calon {context.status} ({origin_id}): perbuatan terjadi {side_id} penetapan "
            f"calon pertama {first} dan {during_id} masa kampanye {camp}.{checked_id}"
            + (" " + context.ambiguity_id if context.ambiguity_id else "")
        ),
        en=(
            f"Candidate status {context.status} ({origin_en}): the conduct was {side_en} the "
            f"first determination of candidates on {first} and {during_en} the campaign "
            f"{camp}.{checked_en}" + (" " + context.ambiguity_en if context.ambiguity_en else "")
        ),
        facts=facts,
    )


def provision_line(conduct: str, provision: Provision, used: dict[str, object]) -> TraceLine:
    level = provision.level or "-"
    basis = "; ".join(ref.cite() for ref in provision.basis) or "-"
    flag_id = "terkonfirmasi" if provision.confirmed else "BELUM terkonfirmasi"
    flag_en = "confirmed" if provision.confirmed else "NOT confirmed"
    period = provision.effective.describe()
    return TraceLine(
        step="PROVISION",
        conduct=conduct,
        provision=provision.id,
        effective=provision.effective,
        facts=tuple(used.items()),
        id=(
            f"{conduct}: ketentuan {provision.id} (berlaku {period}, {provision.file}) berlaku "
            f"untuk fakta ini: jalur {provision.track}, tingkat {level}; dasar: {basis}; "
            f"{flag_id}; sumber: {provision.source}."
        ),
        en=(
            f"{conduct}: provision {provision.id} (in force {period}, {provision.file}) applies "
            f"to these facts: track {provision.track}, level {level}; basis: {basis}; {flag_en}; "
            f"source: {provision.source}."
        ),
    )


def note_line(conduct: str, provision_id: str, note: str) -> TraceLine:
    return TraceLine(
        step="NOTE",
        conduct=conduct,
        provision=provision_id,
        id=f"{conduct}: catatan pada {provision_id} (dalam bahasa Inggris di katalog): {note}",
        en=f"{conduct}: note on {provision_id}: {note}",
    )


def exception_line(conduct: str, exc: RuleException, removed: list[str]) -> TraceLine:
    gone = ", ".join(removed) or "-"
    flag_id = "terkonfirmasi" if exc.confirmed else "BELUM terkonfirmasi"
    flag_en = "confirmed" if exc.confirmed else "NOT confirmed"
    return TraceLine(
        step="EXCEPTION",
        conduct=conduct,
        provision=exc.id,
        effective=exc.effective,
        id=f"{conduct}: pengecualian {exc.id} ({flag_id}): {exc.reason_id} Jalur dihapus: {gone}.",
        en=f"{conduct}: exception {exc.id} ({flag_en}): {exc.reason_en} Tracks removed: {gone}.",
    )


def bridge_line(conduct: str, bridge: Bridge, track: str) -> TraceLine:
    added = "; ".join(ref.cite() for ref in bridge.add_basis) or "-"
    flag_id = "terkonfirmasi" if bridge.confirmed else "BELUM terkonfirmasi"
    flag_en = "confirmed" if bridge.confirmed else "NOT confirmed"
    return TraceLine(
        step="BRIDGE",
        conduct=conduct,
        provision=bridge.id,
        effective=bridge.effective,
        id=(
            f"{conduct}: jalur {track} berlaku melalui {bridge.id} ({flag_id}); "
            f"dasar tambahan: {added}."
        ),
        en=(
            f"{conduct}: track {track} applies through {bridge.id} ({flag_en}); "
            f"added basis: {added}."
        ),
    )


def omitted_line(conduct: str, ref: Ref, instrument: Instrument, not_yet: bool) -> TraceLine:
    period = instrument.in_force.describe()
    why_id = "belum berlaku" if not_yet else "sudah tidak berlaku"
    why_en = "was not yet in force" if not_yet else "was no longer in force"
    return TraceLine(
        step="BASIS_OMITTED",
        conduct=conduct,
        id=(
            f"{conduct}: {ref.cite()} tidak dikutip karena {why_id} pada tanggal perbuatan "
            f"(berlaku {period})."
        ),
        en=(
            f"{conduct}: {ref.cite()} is not cited: it {why_en} on the date of the conduct "
            f"(in force {period})."
        ),
    )


def body_line(body: BodyPeriod | None) -> TraceLine:
    if body is None:
        return TraceLine(
            step="HANDLER",
            id="Tidak ada lembaga pemberi rekomendasi yang tercatat untuk tanggal ini.",
            en="No recommending body is on record for this date.",
        )
    return TraceLine(
        step="HANDLER",
        provision=f"recommending_body.{body.body}",
        effective=body.effective,
        id=(
            f"Lembaga pemberi rekomendasi pada tanggal perbuatan: {body.body} "
            f"(berlaku {body.effective.describe()}; {body.source})."
        ),
        en=(
            f"Recommending body on the date of the conduct: {body.body} "
            f"(in force {body.effective.describe()}; {body.source})."
        ),
    )


def undecided_line(conduct: str, provision: Provision) -> TraceLine:
    return TraceLine(
        step="UNDECIDED",
        conduct=conduct,
        provision=provision.id,
        id=(
            f"{conduct}: {provision.id} hanya berlaku dalam masa kampanye, dan masa kampanye "
            "untuk tanggal ini tidak diketahui; tidak diterapkan."
        ),
        en=(
            f"{conduct}: {provision.id} applies only during the campaign, and the campaign "
            "period for this date is unknown; not applied."
        ),
    )


def nothing_line(conduct: str, facts: Facts, status: str | None) -> TraceLine:
    who = f"{facts.subject}, {facts.election}, {status or '-'}"
    return TraceLine(
        step="NO_PROVISION",
        conduct=conduct,
        id=(
            f"{conduct}: tidak ada ketentuan dalam katalog untuk fakta ini ({who}) pada "
            "tanggal perbuatan; perlu kajian analis."
        ),
        en=(
            f"{conduct}: no provision in the catalogue applies to these facts ({who}) on the "
            "date of the conduct; an analyst must review it."
        ),
    )
