from django.urls import path

from . import views

app_name = "people"
urlpatterns = [
    path("", views.PersonListView.as_view(), name="person_list"),
    path("add/", views.PersonCreateView.as_view(), name="person_add"),
    path("<int:pk>/", views.PersonDetailView.as_view(), name="person_detail"),
    path("<int:pk>/edit/", views.PersonEditView.as_view(), name="person_edit"),
    path("households/", views.HouseholdListView.as_view(), name="household_list"),
    path("households/add/", views.HouseholdCreateView.as_view(), name="household_add"),
    path("households/search/", views.household_search, name="household_search"),
    path("households/<int:pk>/", views.HouseholdDetailView.as_view(), name="household_detail"),
    path("households/<int:pk>/edit/", views.HouseholdEditView.as_view(), name="household_edit"),
    path("households/<int:pk>/delete/", views.HouseholdDeleteView.as_view(), name="household_delete"),
]
