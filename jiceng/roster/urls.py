from django.urls import path

from . import views

app_name = "roster"
urlpatterns = [
    path("import/", views.import_view, name="import"),
    path("import/confirm/", views.import_confirm, name="import_confirm"),
    path("template.xlsx", views.template_view, name="template"),
    path("export/members.xlsx", views.export_members_view, name="export_members"),
]
