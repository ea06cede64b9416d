import pytest
from django.urls import reverse

from jiceng.core.models import ChangeLog

ME = reverse("api:me-list")


def test_me_is_at_a_fixed_url():
    assert ME == "/api/v1/me/"


@pytest.mark.parametrize(
    ("persona", "role", "scope", "root", "can_change", "can_delete"),
    [
        ("county_admin", "county_admin", "subtree", "root", True, True),
        ("township_admin_a", "township_admin", "subtree", "town_a", True, True),
        ("secretary_a1", "village_secretary", "subtree", "village_a1", True, False),
        ("member_user_a1", "member", "own_records", None, False, False),
    ],
)
def test_me_describes_role_organisation_and_scope(
    county, login, persona, role, scope, root, can_change, can_delete
):
    user = getattr(county, persona)
    body = login(user).get(ME).json()
    assert (body["username"], body["role"], body["scope"]) == (user.username, role, scope)
    assert body["organization"]["id"] == user.organization_id
    assert body["scope_root"] == (
        None if root is None else {**body["scope_root"], "id": getattr(county, root).pk}
    )
    assert (body["can_change"], body["can_delete"]) == (can_change, can_delete)


def test_me_names_the_members_own_person(county, login):
    body = login(county.member_user_a1).get(ME).json()
    assert body["person"]["name"] == "张三丰"
    assert body["role_display"] == "党员"


def test_anonymous_is_refused(client):
    assert client.get(ME).status_code in (401, 403)


def test_member_patches_own_contact_details(county, login):
    client = login(county.member_user_a1)
    data = {"phone": "0731-84561234", "address": "桃源村五组", "education": "college"}
    response = client.patch(ME, data, content_type="application/json")
    assert response.status_code == 200, response.content
    assert response.json()["person"]["education_display"] == "大学专科"
    person = county.member_a1.person
    person.refresh_from_db()
    assert (person.phone, person.address, person.education) == ("0731-84561234", "桃源村五组", "college")
    log = ChangeLog.objects.filter(object_id=person.pk, content_type__model="person", action="update").latest(
        "id"
    )
    assert log.user == county.member_user_a1


@pytest.mark.parametrize("field", ["name", "id_number", "organization", "birth_date", "role", "is_superuser"])
def test_any_other_field_refuses_the_whole_request(county, login, field):
    client = login(county.member_user_a1)
    response = client.patch(ME, {"phone": "13912345678", field: "1"}, content_type="application/json")
    assert response.status_code == 403
    assert field in response.json()["detail"]
    county.member_a1.person.refresh_from_db()
    assert county.member_a1.person.phone == ""
    county.member_user_a1.refresh_from_db()
    assert county.member_user_a1.role == "member" and not county.member_user_a1.is_superuser


def test_bad_values_are_explained(county, login):
    client = login(county.member_user_a1)
    response = client.patch(ME, {"phone": "call me", "education": "phd"}, content_type="application/json")
    assert response.status_code == 400
    assert set(response.json()) == {"phone", "education"}


def test_an_account_without_a_person_has_nothing_to_patch(county, login):
    response = login(county.township_admin_a).patch(
        ME, {"phone": "13912345678"}, content_type="application/json"
    )
    assert response.status_code == 404
    assert "人员信息" in response.json()["detail"]


def test_me_refuses_other_methods(county, login):
    client = login(county.county_admin)
    assert client.post(ME, {}, content_type="application/json").status_code == 405
    assert client.delete(ME).status_code == 405
