from django.urls import path

from . import views

app_name = "regions"
urlpatterns = [
    path("", views.RegionListView.as_view(), name="list"),
    path("add/", views.RegionCreateView.as_view(), name="add"),
    path("<int:pk>/", views.RegionDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", views.RegionEditView.as_view(), name="edit"),
]
