from django.contrib import admin

from .models import Member, MobileMember, Position


@admin.register(Member)
class MemberAdmin(admin.ModelAdmin):
    list_display = ["person", "organization", "status", "admission_date", "double_strong"]
    list_filter = ["status", "double_strong", "lost_contact"]
    search_fields = ["person__name", "person__name_initials", "person__id_number"]
    raw_id_fields = ["person", "organization"]
    list_select_related = ["person", "organization"]


@admin.register(Position)
class PositionAdmin(admin.ModelAdmin):
    list_display = ["person", "organization", "title", "start_date", "end_date"]
    list_filter = ["title"]
    raw_id_fields = ["person", "organization"]
    list_select_related = ["person", "organization"]


@admin.register(MobileMember)
class MobileMemberAdmin(admin.ModelAdmin):
    list_display = ["member", "destination", "start_date", "end_date"]
    raw_id_fields = ["member"]
