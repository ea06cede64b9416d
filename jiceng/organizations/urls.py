from django.urls import path

from . import views

app_name = "organizations"
urlpatterns = [
    path("", views.OrganizationTreeView.as_view(), name="tree"),
    path("add/", views.OrganizationCreateView.as_view(), name="add"),
    path("<int:pk>/", views.OrganizationDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", views.OrganizationEditView.as_view(), name="edit"),
    path("<int:pk>/delete/", views.OrganizationDeleteView.as_view(), name="delete"),
]
