"""Writes of the guide: counting self-check answers, anonymously."""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from netral.guide.core.advice import Answer, Question, check
from netral.guide.core.guidance import default_guidance
from netral.guide.models import SelfCheckCount
from netral.rules import default_catalogue


def _bump(*, day: datetime.date, channel: str, verdict: str, conduct: str) -> None:
    key = {"day": day, "channel": channel, "verdict": verdict, "conduct": conduct}
    if SelfCheckCount.objects.filter(**key).update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():  # a savepoint: a concurrent first answer may win the race
            SelfCheckCount.objects.create(**key, count=1)
    except IntegrityError:
        SelfCheckCount.objects.filter(**key).update(count=F("count") + 1)


def selfcheck_count(
    *, day: datetime.date, channel: str, verdict: str, conduct: tuple[str, ...]
) -> None:
    """Count one answer under each conduct it was about (or none)."""
    with transaction.atomic():
        for code in conduct or ("",):
            _bump(day=day, channel=channel, verdict=verdict, conduct=code)


def selfcheck_answer(*, question: Question, channel: str) -> Answer:
    """Answer a self-check question and count it (anonymously). Raises SelfCheckError."""
    answer = check(question, guidance=default_guidance(), catalogue=default_catalogue())
    selfcheck_count(
        day=timezone.localdate(), channel=channel, verdict=answer.verdict, conduct=answer.codes
    )
    return answer
