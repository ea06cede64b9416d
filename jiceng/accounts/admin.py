from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from .models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "full_name", "role", "organization", "is_active"]
    list_filter = ["role", "is_active", "is_superuser"]
    search_fields = ["username", "full_name"]
    raw_id_fields = ["organization", "person"]
    fieldsets = BaseUserAdmin.fieldsets + (
        ("所属与角色", {"fields": ("full_name", "organization", "role", "person")}),
    )
    add_fieldsets = BaseUserAdmin.add_fieldsets + (
        ("所属与角色", {"fields": ("full_name", "organization", "role")}),
    )
