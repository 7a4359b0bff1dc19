"""Findings of social-media screening into the workflow, as cases of source "screening".

A supervisor's own finding, not a citizen's report: no report, no receipt, nobody to
notify. One transaction for the whole batch. Idempotent: a post already imported (same
normalised URL, or platform and id) is skipped; a post about the same person, conduct
and day as an open case the importer can see joins that case instead of opening
another. Every case opened or joined gets its audit event. Roster candidates travel
with the post as suggestions; the analyst links the subject, as for any case.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from netral.accounts.models import Role, User
from netral.cases.deadlines import local_today, stage_deadline
from netral.cases.models import OPEN_STAGES, Case, CaseElection, CaseSource, ScreenedPost, Stage
from netral.cases.names import bare_name
from netral.cases.scoping import cases_condition, role_scopes
from netral.cases.screening import Finding
from netral.cases.searchtext import search_text_refresh
from netral.cases.services.errors import Forbidden
from netral.cases.services.events import event_append
from netral.org.models import Region
from netral.screening.matching import author_name

IMPORT_ROLES = (Role.BAWASLU_ANALYST, Role.CENTRAL_SUPERVISOR)


@dataclass
class ImportResult:
    opened: list[int] = field(default_factory=list)  # new case ids
    joined: list[int] = field(default_factory=list)  # existing case ids a post joined
    already: int = 0  # posts imported before
    out_of_scope: list[str] = field(default_factory=list)  # post ids the importer may not file

    def to_dict(self) -> dict[str, Any]:
        return {
            "opened": len(self.opened),
            "joined": len(self.joined),
            "already_imported": self.already,
            "out_of_scope": len(self.out_of_scope),
            "rejected": len(self.out_of_scope),
            "cases": sorted({*self.opened, *self.joined}),
        }


class _OutOfScope(Exception):
    pass


def findings_import(*, findings: list[Finding], actor: User | None, election: str) -> ImportResult:
    """Open or join cases for ``findings``. ``actor`` None is the operator's command line
    (no scope); a user must be a Bawaslu analyst or central supervisor, and files only
    findings whose case would fall in that role's scope."""
    if election and election not in CaseElection.values:
        raise ValueError(f"unknown election {election!r}")
    visible = _visible_to(actor)
    result = ImportResult()
    regions = {r.code: r for r in Region.objects.filter(code__in={f.region_code for f in findings})}
    with transaction.atomic():
        seen = set(
            ScreenedPost.objects.filter(key__in=[f.key for f in findings]).values_list(
                "key", flat=True
            )
        )
        for finding in findings:
            if finding.key in seen:
                result.already += 1
                continue
            seen.add(finding.key)
            try:
                with transaction.atomic():  # a savepoint: an out-of-scope case leaves nothing
                    case, new = _file(finding, actor, election, regions, visible)
            except _OutOfScope:
                result.out_of_scope.append(finding.post_id)
                continue
            (result.opened if new else result.joined).append(case.pk)
    return result


def _visible_to(actor: User | None) -> QuerySet[Case] | None:
    if actor is None:
        return None
    condition = cases_condition(role_scopes(actor), IMPORT_ROLES)
    if condition is None:
        raise Forbidden()
    return Case.objects.filter(condition)


def _file(
    finding: Finding, actor: User | None, election: str, regions: dict[str, Region],
    visible: QuerySet[Case] | None,
) -> tuple[Case, bool]:  # fmt: skip
    existing = _same_incident(finding, visible)
    if existing is not None:
        post = _post(finding, existing, actor)
        event_append(
            case=existing, action="screening_post_added", actor=actor,
            payload={"source": CaseSource.SCREENING, "post": post.pk, "url": finding.url,
                     "post_id": finding.post_id, "codes": finding.codes},
        )  # fmt: skip
        search_text_refresh(existing.pk)
        return existing, False
    case = _open(finding, election, regions.get(finding.region_code))
    if visible is not None and not visible.filter(pk=case.pk).exists():
        raise _OutOfScope
    post = _post(finding, case, actor)
    event_append(
        case=case, action="open_screening", actor=actor,
        payload={"source": CaseSource.SCREENING, "post": post.pk, "url": finding.url,
                 "post_id": finding.post_id, "codes": finding.codes, "due_date": case.due_date,
                 "candidates": [c.get("nip") for c in finding.candidates]},
    )  # fmt: skip
    search_text_refresh(case.pk)
    return case, True


def _same_incident(finding: Finding, visible: QuerySet[Case] | None) -> Case | None:
    """An open case about the same person, conduct and day, locked for the new event."""
    subject = bare_name(author_name(finding.author))
    day = finding.posted_on
    if not subject or day is None:
        return None
    pool = (visible if visible is not None else Case.objects.all()).filter(
        Q(incident_date=day), stage__in=OPEN_STAGES
    )
    codes = set(finding.codes)
    for case in pool.select_for_update().order_by("pk"):
        known = set(case.suggested_codes or []) | set(case.confirmed_codes or [])
        if bare_name(case.subject_name) == subject and codes & known:
            return case
    return None


def _open(finding: Finding, election: str, region: Region | None) -> Case:
    now = timezone.now()
    deadline = stage_deadline(stage=Stage.RECEIVED, election=election, start=local_today(now))
    return Case.objects.create(
        source=CaseSource.SCREENING,
        region=region,
        election=election,
        subject_name=author_name(finding.author)[:200],
        incident_date=finding.posted_on,
        suggested_codes=list(finding.codes),
        due_date=deadline.due_date,
        deadline_rule=deadline.rule,
        created_at=now,
        stage_entered_at=now,
    )


def _post(finding: Finding, case: Case, actor: User | None) -> ScreenedPost:
    return ScreenedPost.objects.create(
        case=case,
        key=finding.key,
        identity=finding.identity,
        post_id=finding.post_id,
        url=finding.url,
        platform=finding.platform,
        author=finding.author,
        author_bio=finding.author_bio,
        text=finding.text,
        posted_at=finding.posted_at,
        posted_on=finding.posted_on,
        region_code=finding.region_code,
        codes=finding.codes,
        scores=finding.scores,
        evidence=finding.evidence,
        candidates=finding.candidates,
        imported_by=actor,
        imported_at=timezone.now(),
    )
