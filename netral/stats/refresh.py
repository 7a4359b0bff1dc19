"""Rebuilding the summary table from the case tables (a django-q2 task and a CLI command).

One read of every case joined to its region, employee, recommendation and decision (in
chunks, so memory stays flat), then the table is replaced in one transaction: a reader
sees either the old facts or the new ones, never a half-written table.
"""

from __future__ import annotations

import datetime
import logging
import time
from collections.abc import Callable, Iterator
from typing import Any, TypeVar, cast

from django.core.cache import cache
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from netral.cases.models import FINAL_STAGES, Case, FollowUpAction, FollowUpKind, Stage
from netral.stats.models import CaseFact, Outcome, Refresh
from netral.stats.reference import position_group

log = logging.getLogger(__name__)

BATCH = 2000
STAMP_KEY = "stats:refreshed-at"

OUTCOME_OF_FINAL = {
    Stage.NOT_ACTIONABLE: Outcome.NOT_ACTIONABLE,
    Stage.NOT_PROVEN: Outcome.NOT_PROVEN,
    Stage.MERGED: Outcome.MERGED,
    Stage.REFERRED: Outcome.REFERRED,
}
PROVEN_STAGES = frozenset(
    {Stage.RECOMMENDATION, Stage.PPK_FOLLOW_UP, Stage.SANCTION_EXECUTED, Stage.CLOSED}
)

FIELDS = (
    "pk",
    "region_id",
    "region__code",
    "agency_id",
    "election",
    "incident_date",
    "stage",
    "stage_entered_at",
    "created_at",
    "due_date",
    "confirmed_codes",
    "subject_status",
    "subject_position",
    "employee__position",
    "employee__position_category",
    "recommendation__signed_at",
    "recommendation__chosen_level",
    "recommendation__chosen_track",
    "recommendation__chosen_sanction",
    "recommendation__ppk_due_date",
    "sanction__sk_date",
    "sanction__sanction",
    "sanction__on_time",
)


def _local(moment: datetime.datetime | None) -> datetime.date | None:
    return timezone.localdate(moment) if moment else None


def _outcome(stage: str) -> str:
    if stage in PROVEN_STAGES:
        return Outcome.PROVEN
    return OUTCOME_OF_FINAL.get(Stage(stage), Outcome.OPEN)


def _days(start: datetime.date | None, end: datetime.date | None) -> int | None:
    if start is None or end is None:
        return None
    return max(0, (end - start).days)


def fact_from_row(row: dict[str, Any]) -> CaseFact:
    reported = _local(row["created_at"]) or timezone.localdate()
    recommended = _local(row["recommendation__signed_at"])
    sanctioned = row["sanction__sk_date"]
    stage = row["stage"]
    codes = row["confirmed_codes"] or []
    title = row["employee__position"] or row["subject_position"] or ""
    category = row["employee__position_category"] or ""
    recommended_sanction = row["recommendation__chosen_sanction"] or ""
    imposed = row["sanction__sanction"] or ""
    region_code = row["region__code"] or ""
    year_of = row["incident_date"] or reported
    return CaseFact(
        case_id=row["pk"],
        region_id=row["region_id"],
        province_code=region_code.split(".", 1)[0],
        agency_id=row["agency_id"],
        election=row["election"],
        election_year=year_of.year if row["election"] else None,
        stage=stage,
        stage_entered_on=_local(row["stage_entered_at"]) or reported,
        outcome=_outcome(stage),
        position_group=position_group(title, category) if (title or category) else "",
        subject_status=row["subject_status"],
        conduct=str(codes[0]) if codes else "",
        reported_on=reported,
        reported_month=reported.replace(day=1),
        closed_on=_local(row["stage_entered_at"]) if stage in FINAL_STAGES else None,
        due_date=row["due_date"],
        recommended_on=recommended,
        recommended_level=(
            row["recommendation__chosen_level"] or row["recommendation__chosen_track"] or ""
        ),
        recommended_sanction=recommended_sanction,
        ppk_due_date=row["recommendation__ppk_due_date"],
        sanctioned_on=sanctioned,
        imposed_sanction=imposed,
        imposed_as_recommended=(imposed == recommended_sanction) if imposed else None,
        sanction_on_time=row["sanction__on_time"],
        warned=row["warned"],
        blocked=row["blocked"],
        days_to_recommendation=_days(reported, recommended),
        days_to_sanction=_days(recommended, sanctioned),
    )


def _follow_up(kind: str) -> Exists:
    return Exists(FollowUpAction.objects.filter(case_id=OuterRef("pk"), kind=kind))


def case_rows() -> Iterator[dict[str, Any]]:
    rows: Iterator[dict[str, Any]] = (
        Case.objects.order_by()
        .annotate(
            warned=_follow_up(FollowUpKind.PPK_WARNING),
            blocked=_follow_up(FollowUpKind.DATA_BLOCKING),
        )
        .values(*FIELDS, "warned", "blocked")
        .iterator(chunk_size=BATCH)
    )
    return rows


def refresh_facts() -> Refresh:
    """Replace every fact with one built from the cases as they are now."""
    started = time.perf_counter()
    count = 0
    with transaction.atomic():
        CaseFact.objects.all().delete()
        batch: list[CaseFact] = []
        for row in case_rows():
            batch.append(fact_from_row(row))
            if len(batch) >= BATCH:
                CaseFact.objects.bulk_create(batch)
                count += len(batch)
                batch = []
        CaseFact.objects.bulk_create(batch)
        count += len(batch)
        done = Refresh.objects.create(cases=count, seconds=time.perf_counter() - started)
    cache.delete(STAMP_KEY)
    _warm()
    return done


def _warm() -> None:
    """The first visitor after a rebuild should not pay for the national figures."""
    from netral.stats.warm import warm_figures  # the figures' modules import this one

    try:
        warm_figures()
    except Exception:  # the facts are rebuilt either way; pages compute on view
        log.exception("stats refresh: warming the figures failed")


def last_refresh() -> Refresh | None:
    """The latest rebuild (its date is shown on every statistics page), cached per refresh."""
    key = f"stats:last-refresh:{refresh_stamp()}"
    found: Refresh | None = cache.get(key)
    if found is None:
        found = Refresh.objects.order_by("-finished_at").first()
        if found is not None:
            cache.set(key, found, 3600)
    return found


T = TypeVar("T")


def per_refresh(key: str, build: Callable[[], T], seconds: int) -> T:
    """``build()`` once per rebuild of the summary table, shared through the cache under
    ``key`` and the rebuild's stamp."""
    return cast(T, cache.get_or_set(f"{key}@{refresh_stamp()}", build, seconds))


def refresh_stamp() -> str:
    """A key part that changes with every rebuild: cached figures are keyed by it.

    Read from the cache for a few seconds so a busy page does not ask the database each
    time; a rebuild in this process drops it at once, other processes within seconds.
    """
    stamp: str | None = cache.get(STAMP_KEY)
    if stamp is None:
        last = Refresh.objects.order_by("-finished_at").values_list("pk", flat=True).first()
        stamp = str(last or 0)
        cache.set(STAMP_KEY, stamp, 5)
    return stamp
