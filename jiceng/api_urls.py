"""/api/v1/: one router gathering every app's viewsets (each app's api/urls.py lists its own)."""

from django.urls import include, path
from rest_framework.routers import DefaultRouter

from jiceng.accounts.api.urls import register as register_accounts
from jiceng.core.api.urls import register as register_core
from jiceng.members.api.urls import register as register_members
from jiceng.organizations.api.urls import register as register_organizations
from jiceng.people.api.urls import register as register_people
from jiceng.regions.api.urls import register as register_regions

router = DefaultRouter()
for register in (
    register_core,
    register_accounts,
    register_regions,
    register_organizations,
    register_people,
    register_members,
):
    register(router)

app_name = "api"
urlpatterns = [
    path("", include("jiceng.roster.api.urls")),
    path("", include(router.urls)),
]
