"""Raising a case to the central supervisor: late, a conflicted PPK, nobody to act, or a
sanction that does not follow the recommendation. The caller holds the case row lock."""

from __future__ import annotations

from netral.accounts.models import Role
from netral.cases.actors import Holder, has_actor
from netral.cases.models import Case, Escalation, EscalationKind
from netral.cases.services.events import case_touch, event_append

NO_ACTOR_NOTE = (
    "Tidak ada petugas dengan peran dan wilayah yang dapat menangani tahap ini: "
    "diteruskan ke pengawas pusat."
)


def case_escalate(case: Case, kind: EscalationKind, note: str) -> bool:
    """One escalation per case, kind and stage; returns whether it was new."""
    escalation, created = Escalation.objects.get_or_create(
        case=case,
        kind=kind,
        stage=case.stage,
        defaults={"due_date": case.due_date, "level": case.escalation_level + 1},
    )
    if created:
        case_touch(case, bump=False, escalation_level=escalation.level)
        event_append(
            case=case,
            action=f"escalate_{kind.lower()}",
            actor=None,
            reason=note,
            payload={
                "to": Role.CENTRAL_SUPERVISOR,
                "due_date": case.due_date,
                "level": escalation.level,
            },
        )
    return created


def case_flag_if_no_actor(case: Case, known: list[Holder] | None = None) -> bool:
    """Escalate a case nobody can work at its stage; returns whether it was flagged now."""
    if has_actor(case, known):
        return False
    return case_escalate(case, EscalationKind.NO_ACTOR, NO_ACTOR_NOTE)
