from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

admin.site.site_header = "基层党建云平台 系统管理"
admin.site.site_title = "基层党建云平台"
# Django's admin does not know the organisation scope: only superusers may use it.
admin.site.has_permission = lambda request: request.user.is_active and request.user.is_superuser

urlpatterns = [
    path("", include("jiceng.core.urls")),
    path("accounts/", include("jiceng.accounts.urls")),
    path("organizations/", include("jiceng.organizations.urls")),
    path("regions/", include("jiceng.regions.urls")),
    path("people/", include("jiceng.people.urls")),
    path("members/", include("jiceng.members.urls")),
    path("roster/", include("jiceng.roster.urls")),
    path("api/v1/", include("jiceng.api_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("api/redoc/", SpectacularRedocView.as_view(url_name="api-schema"), name="api-redoc"),
    path("admin/", admin.site.urls),
]

handler404 = "jiceng.core.views.page_not_found"
handler500 = "jiceng.core.views.server_error"
