import pytest
from django.urls import reverse

from jiceng.people.models import Household

LIST = reverse("api:household-list")


def detail(household):
    return reverse("api:household-detail", args=[household.pk])


def ids(response):
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("county_admin", {"household_a1", "household_b1"}),
        ("township_admin_a", {"household_a1"}),
        ("township_admin_b", {"household_b1"}),
        ("secretary_a1", {"household_a1"}),
        ("member_user_a1", set()),
    ],
)
def test_each_role_lists_its_own_households(county, login, persona, expected):
    client = login(getattr(county, persona))
    assert ids(client.get(LIST)) == {getattr(county, name).pk for name in expected}


def test_member_sees_the_household_they_live_in_with_everyone_counted(county, login):
    for person in (county.member_a1.person, county.member_a1b.person):
        person.household = county.household_a1
        person.save()
    response = login(county.member_user_a1).get(LIST)
    assert ids(response) == {county.household_a1.pk}
    assert response.json()["results"][0]["people_count"] == 2


def test_anonymous_is_refused(county, client):
    assert client.get(LIST).status_code in (401, 403)


def test_other_township_gets_404_for_every_method(county, login):
    client = login(county.township_admin_b)
    url = detail(county.household_a1)
    assert client.get(url).status_code == 404
    assert client.put(url, {"name": "x"}, content_type="application/json").status_code == 404
    assert client.patch(url, {"is_hardship": True}, content_type="application/json").status_code == 404
    assert client.delete(url).status_code == 404
    assert Household.objects.filter(pk=county.household_a1.pk, is_hardship=False).exists()


def test_create_in_another_township_is_refused(county, login):
    client = login(county.township_admin_b)
    data = {"name": "孙五户", "organization": county.village_a1.pk}
    response = client.post(LIST, data, content_type="application/json")
    assert response.status_code == 400
    assert "对象不存在" in response.json()["organization"][0]
    data = {"name": "孙五户", "organization": county.village_b1.pk, "head": county.member_a1.person.pk}
    response = client.post(LIST, data, content_type="application/json")
    assert response.status_code == 400
    assert "对象不存在" in response.json()["head"][0]
    assert not Household.objects.filter(name="孙五户").exists()


def test_secretary_creates_and_filters_hardship_households(county, login):
    client = login(county.secretary_a1)
    data = {"name": "孙五户", "organization": county.village_a1.pk, "is_hardship": True, "size": 4}
    response = client.post(LIST, data, content_type="application/json")
    assert response.status_code == 201, response.content
    assert response.json()["people_count"] == 0
    assert ids(client.get(LIST, {"is_hardship": "true"})) == {response.json()["id"]}
    assert ids(client.get(LIST, {"q": "张三丰"})) == {county.household_a1.pk}
    # Like the web list, initials find a household by its head.
    assert ids(client.get(LIST, {"q": "zsf"})) == {county.household_a1.pk}


def test_secretary_may_not_delete(county, login):
    response = login(county.secretary_a1).delete(detail(county.household_a1))
    assert response.status_code == 403
    assert Household.objects.filter(pk=county.household_a1.pk).exists()
