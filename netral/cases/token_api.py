"""The caller's own API tokens under /api/v1/tokens: list them and revoke one.

Only the token's owner sees or revokes it: another user's token is not found (404), as an
unknown id. The secret is never part of an answer; tokens are created on the staff page
/akun/token-api/ (or by an administrator), not through the API.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Path, Router, Schema

from netral.accounts.models import User
from netral.api.inputs import MAX_BIGINT
from netral.cases.auth import (
    StaffToken,
    api_token_of,
    api_token_revoke,
    api_token_status,
    api_tokens_of,
)
from netral.cases.models import ApiToken

router = Router(tags=["tokens"], auth=StaffToken())

TokenId = Annotated[int, Path(ge=1, le=MAX_BIGINT)]


class TokenOut(Schema):
    id: int
    name: str
    prefix: str
    created_at: datetime.datetime
    expires_at: datetime.datetime | None
    last_used_at: datetime.datetime | None
    revoked_at: datetime.datetime | None
    status: str

    @staticmethod
    def of(row: ApiToken, now: datetime.datetime | None = None) -> dict[str, Any]:
        return {
            "id": row.pk,
            "name": row.name,
            "prefix": row.prefix,
            "created_at": row.created_at,
            "expires_at": row.expires_at,
            "last_used_at": row.last_used_at,
            "revoked_at": row.revoked_at,
            "status": api_token_status(row, now),
        }


def _owner(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # noqa: S101  (StaffToken guarantees it; narrows the type)
    return user


@router.get(
    "/",
    response=list[TokenOut],
    summary="Token API milik Anda",
    description="Token milik pemanggil, terbaru dahulu; `status` adalah `active`, `expired` "
    "atau `revoked`. Rahasia token tidak pernah ditampilkan, hanya awalannya (`prefix`).",
)
def token_list(request: HttpRequest) -> list[dict[str, Any]]:
    now = timezone.now()
    return [TokenOut.of(row, now) for row in api_tokens_of(_owner(request))]


@router.post(
    "/{int:token_id}/revoke",
    response=TokenOut,
    summary="Cabut token Anda",
    description="Mencabut token milik pemanggil seketika (mencabut token yang sedang dipakai "
    "pun boleh). Token pengguna lain: 404 `not_found`. Mencabut ulang tidak mengubah apa pun.",
)
def token_revoke(request: HttpRequest, token_id: TokenId) -> dict[str, Any]:
    owner = _owner(request)
    row = api_token_of(owner, token_id)
    api_token_revoke(token=row, actor=owner)
    return TokenOut.of(api_token_of(owner, token_id))
