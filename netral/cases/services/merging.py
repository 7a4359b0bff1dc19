"""Merging duplicate cases: reports move to the surviving case; nothing is lost."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from netral.accounts.models import Role, User
from netral.cases.models import Case, CaseReport
from netral.cases.searchtext import search_text_refresh
from netral.cases.services.errors import Invalid, TransitionRefused
from netral.cases.services.events import case_touch, event_append, reload
from netral.cases.services.transitions import lock_visible, require_role, require_version, run_named
from netral.cases.services.work import BulkResult, _bulk


def case_merge(
    *,
    target: Case,
    absorbed: Case,
    actor: User,
    reason: str,
    expected_versions: tuple[int, int],
) -> Case:
    """Absorb one case into another. Both rows are locked in id order (no deadlock)."""
    if target.pk == absorbed.pk:
        raise Invalid(_("Kasus tidak dapat digabung dengan dirinya sendiri."))
    with transaction.atomic():
        first, second = sorted((target.pk, absorbed.pk))
        rows = {pk: lock_visible(pk, actor) for pk in (first, second)}
        keep, gone = rows[target.pk], rows[absorbed.pk]
        require_version(keep, expected_versions[0])
        require_version(gone, expected_versions[1])
        require_role(keep, actor, (Role.VERIFIER,))
        if not keep.is_open:
            raise TransitionRefused(_("Kasus tujuan sudah selesai."), detail={"stage": keep.stage})
        moved = list(CaseReport.objects.filter(case=gone).values_list("report_id", flat=True))
        run_named(
            gone,
            "merge",
            actor=actor,
            reason=reason.strip(),
            payload={"into": keep.pk, "reports": moved},
            extra={"merged_into": keep},
        )
        CaseReport.objects.filter(case=gone).update(case=keep)
        suggested = list(dict.fromkeys([*keep.suggested_codes, *gone.suggested_codes]))
        case_touch(keep, suggested_codes=suggested)
        search_text_refresh(keep.pk)
        search_text_refresh(gone.pk)
        event_append(
            case=keep,
            action="merge_in",
            actor=actor,
            reason=reason.strip(),
            payload={"absorbed": gone.pk, "reports": moved},
        )
        return reload(keep)


def cases_bulk_merge(
    *, target_id: int, case_ids: list[int], actor: User, reason: str
) -> BulkResult:
    def merge_one(case: Case) -> None:
        target = Case.objects.get(pk=target_id)
        case_merge(
            target=target,
            absorbed=case,
            actor=actor,
            reason=reason,
            expected_versions=(target.version, case.version),
        )

    return _bulk([pk for pk in case_ids if pk != target_id], actor, merge_one)
