from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from netral.accounts.enrolment import (
    enrolment_link_issue,
    enrolment_link_path,
    has_totp_device,
    may_issue_enrolment_links,
)
from netral.accounts.models import EnrolmentLink, RoleAssignment, User
from netral.errors import DomainError


class RoleAssignmentInline(admin.StackedInline):  # type: ignore[type-arg]
    model = RoleAssignment
    extra = 0
    filter_horizontal = ("regions", "agencies")


STILL_HAS_DEVICE = _(
    "Pengguna ini masih memiliki perangkat TOTP; hapus dulu agar tautan dapat dipakai."
)


@admin.action(description=_("Terbitkan tautan pendaftaran TOTP (sekali pakai)"))
def issue_enrolment_link(modeladmin: Any, request: HttpRequest, queryset: QuerySet[User]) -> None:
    actor = request.user
    if not may_issue_enrolment_links(actor):
        messages.error(request, _("Hanya administrator yang dapat menerbitkan tautan pendaftaran."))
        return
    assert isinstance(actor, User)  # noqa: S101  (may_issue_enrolment_links checked it)
    for user in queryset:
        try:
            link, token = enrolment_link_issue(user=user, actor=actor)
        except DomainError as refused:
            messages.error(request, f"{user.username}: {refused.message}")
            continue
        url = request.build_absolute_uri(enrolment_link_path(token))
        # Shown once; only its digest is kept.
        text = _(
            "Tautan pendaftaran TOTP untuk %(user)s (sekali pakai, berlaku sampai %(until)s): "
            "%(url)s"
        ) % {"user": user.username, "until": f"{link.expires_at:%Y-%m-%d %H:%M}", "url": url}
        if has_totp_device(user):
            text += " " + str(STILL_HAS_DEVICE)
        messages.warning(request, text)


@admin.register(User)
class NetralUserAdmin(UserAdmin):  # type: ignore[type-arg]
    inlines = [RoleAssignmentInline]
    list_display = ("username", "first_name", "last_name", "is_active", "is_demo")
    fieldsets = (*(UserAdmin.fieldsets or ()), ("Netral", {"fields": ("is_demo",)}))
    actions = (issue_enrolment_link,)


@admin.register(EnrolmentLink)
class EnrolmentLinkAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Read-only: links are issued with the action on users (or the command line)."""

    list_display = ("user", "created_by", "created_at", "expires_at", "used_at")
    readonly_fields = ("user", "created_by", "created_at", "expires_at", "used_at")
    exclude = ("digest",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
