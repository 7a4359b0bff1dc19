"""Staff API tokens: `Authorization: Bearer <token>`; only the token's sha256 is stored."""

from __future__ import annotations

import datetime
import hashlib
import secrets
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer

from netral.accounts.models import User
from netral.audit import AuditAction, Chain, record
from netral.cases.models import ApiToken
from netral.errors import NotFound

PREFIX = "ntr_"
# Writing last_used_at on every request would turn reads into writes; once a minute is enough.
TOUCH_EVERY = datetime.timedelta(minutes=1)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def api_token_issue(
    *, user: User, name: str, days: int | None = None, actor: User | None = None
) -> tuple[ApiToken, str]:
    """Create a token; the plain token is returned once and never stored.

    It expires after `days`, or after NETRAL_API_TOKEN_DAYS when none is given; `actor` is
    who issued it (the owner, or an administrator in the admin), for the audit row.
    """
    lifetime = days if days else settings.NETRAL_API_TOKEN_DAYS
    token = PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        row = ApiToken.objects.create(
            user=user,
            name=name,
            prefix=token[len(PREFIX) : len(PREFIX) + 8],
            digest=token_digest(token),
            expires_at=timezone.now() + datetime.timedelta(days=lifetime),
        )
        record(
            Chain.ACCOUNTS,
            AuditAction.TOKEN_ISSUE,
            actor or user,
            f"token:{row.pk}",
            {"user": user.pk, "name": name, "prefix": row.prefix, "expires_at": row.expires_at},
        )
    return row, token


def api_token_revoke(*, token: ApiToken, actor: User | None = None) -> bool:
    """Revoke a token at once; False when it was already revoked (nothing is written)."""
    with transaction.atomic():
        revoked = ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
        if revoked:
            record(
                Chain.ACCOUNTS,
                AuditAction.TOKEN_REVOKE,
                actor or token.user,
                f"token:{token.pk}",
                {"user": token.user_id, "prefix": token.prefix},
            )
    return bool(revoked)


def api_tokens_of(user: User) -> QuerySet[ApiToken]:
    """The user's own tokens, newest first (the digest never leaves this module's callers)."""
    return ApiToken.objects.filter(user=user).order_by("-created_at", "-pk")


def api_token_of(user: User, pk: int) -> ApiToken:
    """One of the user's own tokens; another user's token is not found, as an unknown one."""
    row = ApiToken.objects.filter(user=user, pk=pk).first()
    if row is None:
        raise NotFound()
    return row


def api_token_status(row: ApiToken, now: datetime.datetime | None = None) -> str:
    """`active`, `expired` or `revoked`."""
    if row.revoked_at is not None:
        return "revoked"
    if row.expires_at is not None and row.expires_at <= (now or timezone.now()):
        return "expired"
    return "active"


def user_for_token(token: str) -> User | None:
    now = timezone.now()
    row = (
        ApiToken.objects.select_related("user")
        .filter(digest=token_digest(token), revoked_at__isnull=True)
        .first()
    )
    if row is None or (row.expires_at and row.expires_at <= now) or not row.user.is_active:
        return None
    if row.last_used_at is None or now - row.last_used_at > TOUCH_EVERY:
        ApiToken.objects.filter(pk=row.pk).update(last_used_at=now)
    return row.user


class StaffToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = user_for_token(token)
        if user is not None:
            request.user = user
        return user
