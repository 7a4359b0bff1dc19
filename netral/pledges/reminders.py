"""The missing-pledge reminder: before each campaign, the BKPSDM of every region with
agencies that have not recorded a pledge is told once which ones.

`notify_missing_pledges` is the one place the message leaves Netral (Django's e-mail
backend today); a notification service can take its place without touching the rest.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Sequence

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from netral.accounts.models import Role, RoleAssignment, User
from netral.org.models import Agency, Region
from netral.pledges.models import PledgeReminder
from netral.pledges.schedule import reminder_day
from netral.pledges.selectors import agencies_without_pledge
from netral.rules import RulesError, default_catalogue
from netral.rules.model import Cycle

log = logging.getLogger(__name__)


def notify_missing_pledges(
    *, region: Region, cycle: Cycle, agencies: Sequence[Agency], recipients: Sequence[User]
) -> int:
    """Tell `recipients` which `agencies` of `region` have no pledge yet; how many got it."""
    addresses = [u.email for u in recipients if u.email]
    if not addresses:
        return 0
    context = {"region": region, "cycle": cycle, "agencies": agencies}
    send_mail(
        subject=render_to_string("pledges/reminder_subject.txt", context).strip(),
        message=render_to_string("pledges/reminder.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=addresses,
    )
    return len(addresses)


def bkpsdm_of(region: Region) -> list[User]:
    """Active personnel staff whose assignment covers the region (directly, through its
    province, or through one of its agencies)."""
    codes = [region.code, region.code.split(".", 1)[0]]
    assignments = RoleAssignment.objects.filter(role=Role.PPK_STAFF, user__is_active=True).filter(
        Q(regions__code__in=codes) | Q(agencies__region=region)
    )
    return list(User.objects.filter(role_assignments__in=assignments).distinct())


def _cycles_due(today: datetime.date) -> list[Cycle]:
    due = []
    for cycle in default_catalogue().cycles:
        if not today < cycle.campaign.start:
            continue
        try:
            if reminder_day(cycle) <= today:
                due.append(cycle)
        except RulesError as error:  # no holiday data for that year: nothing is guessed
            log.warning("pledge reminder for %s not computed: %s", cycle.id, error)
    return due


def send_pledge_reminders(today: str | None = None) -> dict[str, int]:
    """Daily task; idempotent (a region is reminded once per cycle)."""
    day = datetime.date.fromisoformat(today) if today else timezone.localdate()
    sent = regions = 0
    for cycle in _cycles_due(day):
        missing = agencies_without_pledge(
            Agency.objects.filter(parent__isnull=True, region__isnull=False), cycle.id
        )
        by_region: dict[int, list[Agency]] = {}
        for agency in missing.select_related("region").order_by("region__code", "name"):
            by_region.setdefault(agency.region_id or 0, []).append(agency)
        done = set(
            PledgeReminder.objects.filter(cycle=cycle.id).values_list("region_id", flat=True)
        )
        for region_id, agencies in by_region.items():
            if region_id in done:
                continue
            region = agencies[0].region
            assert region is not None  # noqa: S101  (filtered above; narrows the type)
            with transaction.atomic():
                reminder, created = PledgeReminder.objects.get_or_create(
                    cycle=cycle.id,
                    region=region,
                    defaults={
                        "sent_at": timezone.now(),
                        "agencies": len(agencies),
                        "recipients": 0,
                    },
                )
                if not created:
                    continue
                people = bkpsdm_of(region)
                reminder.recipients = notify_missing_pledges(
                    region=region, cycle=cycle, agencies=agencies, recipients=people
                )
                reminder.save(update_fields=["recipients"])
            sent += reminder.recipients
            regions += 1
    result = {"regions": regions, "recipients": sent}
    log.info("pledge reminders %s: %s", day.isoformat(), result)
    return result
