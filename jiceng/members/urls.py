from django.urls import path

from . import views

app_name = "members"
urlpatterns = [
    path("", views.MemberListView.as_view(), name="list"),
    path("add/", views.MemberFormView.as_view(), name="add"),
    path("me/", views.me, name="me"),
    path("person-search/", views.person_search, name="person_search"),
    path("<int:pk>/", views.MemberDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", views.MemberFormView.as_view(), name="edit"),
    path("<int:pk>/delete/", views.MemberDeleteView.as_view(), name="delete"),
    path("<int:pk>/mobile/add/", views.MobileMemberCreateView.as_view(), name="mobile_add"),
    path("mobile/<int:pk>/edit/", views.MobileMemberEditView.as_view(), name="mobile_edit"),
    path("mobile/<int:pk>/delete/", views.MobileMemberDeleteView.as_view(), name="mobile_delete"),
    path("positions/", views.PositionListView.as_view(), name="position_list"),
    path("positions/add/", views.PositionCreateView.as_view(), name="position_add"),
    path("positions/<int:pk>/edit/", views.PositionEditView.as_view(), name="position_edit"),
    path("positions/<int:pk>/delete/", views.PositionDeleteView.as_view(), name="position_delete"),
]
