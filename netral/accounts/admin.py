from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from netral.accounts.models import RoleAssignment, User


class RoleAssignmentInline(admin.StackedInline):  # type: ignore[type-arg]
    model = RoleAssignment
    extra = 0
    filter_horizontal = ("regions", "agencies")


@admin.register(User)
class NetralUserAdmin(UserAdmin):  # type: ignore[type-arg]
    inlines = [RoleAssignmentInline]
    list_display = ("username", "first_name", "last_name", "is_active", "is_demo")
    fieldsets = (*(UserAdmin.fieldsets or ()), ("Netral", {"fields": ("is_demo",)}))
