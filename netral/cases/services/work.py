"""Working the queue: assignment, the soft lock, bulk actions and saved searches."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netral.accounts.models import Role, User
from netral.cases.models import Case, SavedSearch
from netral.cases.selectors import cases_visible_to
from netral.cases.services.errors import Invalid, NotFound
from netral.cases.services.events import case_touch, event_append, reload
from netral.cases.services.transitions import (
    case_transition,
    lock_visible,
    require_role,
    require_version,
)
from netral.errors import DomainError

ASSIGNER_ROLES = (Role.VERIFIER, Role.CENTRAL_SUPERVISOR)
LOCK_MINUTES = 15


@dataclass(frozen=True)
class LockResult:
    acquired: bool
    holder: User | None
    until: datetime.datetime | None


@dataclass
class BulkResult:
    done: list[int] = field(default_factory=list)
    refused: dict[int, str] = field(default_factory=dict)


def case_assign(*, case: Case, actor: User, assignee: User | None, expected_version: int) -> Case:
    """Give the case to an officer who can see it (None: back to the pool)."""
    with transaction.atomic():
        locked = lock_visible(case.pk, actor)
        require_version(locked, expected_version)
        require_role(locked, actor, ASSIGNER_ROLES)
        if (
            assignee is not None
            and not cases_visible_to(actor=assignee).filter(pk=case.pk).exists()
        ):
            raise Invalid(_("Petugas yang dipilih tidak berwenang atas kasus ini."))
        case_touch(locked, assigned_to=assignee)
        event_append(
            case=locked,
            action="assign",
            actor=actor,
            payload={"assignee": assignee.pk if assignee else None},
        )
        return reload(locked)


def case_lock(*, case: Case, actor: User, minutes: int = LOCK_MINUTES) -> LockResult:
    """Take (or renew) the soft work lock unless someone else holds a live one.

    Not audited and no version bump: it only tells colleagues who is working on it.
    """
    now = timezone.now()
    with transaction.atomic():
        locked = lock_visible(case.pk, actor)
        if locked.lock_holder_id(now) not in (None, actor.pk):
            return LockResult(False, locked.locked_by, locked.locked_until)
        until = now + datetime.timedelta(minutes=minutes)
        case_touch(locked, bump=False, locked_by=actor, locked_until=until)
        return LockResult(True, actor, until)


def case_unlock(*, case: Case, actor: User) -> None:
    with transaction.atomic():
        locked = lock_visible(case.pk, actor)
        if locked.locked_by_id == actor.pk:
            case_touch(locked, bump=False, locked_by=None, locked_until=None)


def _locked_by_other(case: Case, actor: User) -> bool:
    return case.lock_holder_id(timezone.now()) not in (None, actor.pk)


def _bulk(case_ids: Iterable[int], actor: User, apply: Callable[[Case], Any]) -> BulkResult:
    result = BulkResult()
    found = {c.pk: c for c in cases_visible_to(actor=actor).filter(pk__in=list(case_ids))}
    for pk in case_ids:
        case = found.get(pk)
        if case is None:
            result.refused[pk] = str(NotFound.message)
        elif _locked_by_other(case, actor):
            result.refused[pk] = str(_("Sedang dikerjakan petugas lain."))
        else:
            try:
                apply(case)
                result.done.append(pk)
            except DomainError as error:
                result.refused[pk] = str(error.message)
    return result


def cases_bulk_assign(*, case_ids: list[int], actor: User, assignee: User | None) -> BulkResult:
    return _bulk(
        case_ids,
        actor,
        lambda c: case_assign(case=c, actor=actor, assignee=assignee, expected_version=c.version),
    )


def cases_bulk_not_actionable(*, case_ids: list[int], actor: User, reason: str) -> BulkResult:
    return _bulk(
        case_ids,
        actor,
        lambda c: case_transition(
            case=c,
            action="mark_not_actionable",
            actor=actor,
            reason=reason,
            expected_version=c.version,
        ),
    )


def saved_search_save(*, owner: User, name: str, params: dict[str, Any]) -> SavedSearch:
    name = name.strip()
    if not name:
        raise Invalid(_("Nama pencarian wajib diisi."))
    search, _created = SavedSearch.objects.update_or_create(
        owner=owner, name=name, defaults={"params": params}
    )
    return search


def saved_search_delete(*, owner: User, pk: int) -> None:
    deleted, _counts = SavedSearch.objects.filter(owner=owner, pk=pk).delete()
    if not deleted:
        raise NotFound()
