from django.contrib import admin

from netral.org.models import Agency, Employee, Region


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("code", "name", "level", "parent")
    list_filter = ("level",)
    search_fields = ("code", "name")


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("name", "level", "region", "ppk_title")
    list_filter = ("level",)
    search_fields = ("name",)
    autocomplete_fields = ("region", "parent")


@admin.register(Employee)
class EmployeeAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("nip", "name", "status", "position", "agency")
    list_filter = ("status", "position_category")
    search_fields = ("nip", "name")
    autocomplete_fields = ("agency",)
