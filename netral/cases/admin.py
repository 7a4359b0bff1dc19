"""Admin: read-mostly views; stages and events are never edited here."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from netral.accounts.models import User
from netral.cases.auth import api_token_issue, api_token_revoke
from netral.cases.models import ApiToken, Case, CaseEvent, Escalation, PpkConflict


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("reference", "stage", "region", "agency", "due_date", "overdue")
    list_filter = ("stage", "election", "overdue")
    search_fields = ("subject_name", "employee__name", "employee__nip")
    readonly_fields = [f.name for f in Case._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(CaseEvent)
class CaseEventAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("case", "seq", "action", "from_stage", "to_stage", "actor", "created_at")
    list_filter = ("action",)
    readonly_fields = [f.name for f in CaseEvent._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Escalation)
class EscalationAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("case", "kind", "stage", "due_date", "level", "created_at")
    list_filter = ("kind",)


@admin.register(PpkConflict)
class PpkConflictAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("agency", "active", "declared_at")


def _admin(request: HttpRequest) -> User | None:
    return request.user if isinstance(request.user, User) else None


@admin.action(description=_("Terbitkan token baru untuk pengguna yang sama"))
def issue_again(modeladmin: Any, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
    for row in queryset.select_related("user"):
        _row, token = api_token_issue(user=row.user, name=row.name, actor=_admin(request))
        # Shown once; only its digest is kept.
        messages.warning(
            request, _("Token untuk %(user)s: %(token)s") % {"user": row.user, "token": token}
        )


@admin.action(description=_("Cabut token terpilih"))
def revoke(modeladmin: Any, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
    revoked = sum(
        api_token_revoke(token=row, actor=_admin(request))
        for row in queryset.select_related("user")
    )
    messages.success(request, _("%(count)d token dicabut.") % {"count": revoked})


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = (
        "user",
        "name",
        "prefix",
        "created_at",
        "expires_at",
        "last_used_at",
        "revoked_at",
    )
    # Lifetime and revocation change only through the audited services (the actions).
    readonly_fields = ("prefix", "digest", "created_at", "expires_at", "last_used_at", "revoked_at")
    actions = (issue_again, revoke)

    def save_model(self, request: HttpRequest, obj: ApiToken, form: Any, change: bool) -> None:
        if change:
            super().save_model(request, obj, form, change)
            return
        row, token = api_token_issue(user=obj.user, name=obj.name, actor=_admin(request))
        obj.pk = row.pk
        messages.warning(
            request, _("Token baru (hanya ditampilkan sekali): %(token)s") % {"token": token}
        )
