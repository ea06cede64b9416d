from django.contrib import admin

from .models import Organization


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "kind", "sector", "parent", "established_date"]
    list_filter = ["kind", "sector", "formation"]
    search_fields = ["name", "code"]
    raw_id_fields = ["parent", "region"]
    readonly_fields = ["path", "depth"]
