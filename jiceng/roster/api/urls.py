"""Included at /api/v1/ before the router, so these paths win over members/{id}/."""

from django.urls import path

from .views import MemberExportView, MemberImportView

urlpatterns = [
    path("members/import/", MemberImportView.as_view(), name="members-import"),
    path("members/export/", MemberExportView.as_view(), name="members-export"),
]
