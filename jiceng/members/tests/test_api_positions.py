import datetime

import pytest
from django.urls import reverse

from jiceng.members.models import Position

LIST = reverse("api:position-list")


def detail(position):
    return reverse("api:position-detail", args=[position.pk])


def ids(response):
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


@pytest.fixture
def former(county):
    """A deputy secretary of village A1 who left office in 2023."""
    return Position.objects.create(
        person=county.member_a1b.person,
        organization=county.village_a1,
        title="deputy_secretary",
        start_date=datetime.date(2018, 1, 1),
        end_date=datetime.date(2023, 6, 30),
    )


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("county_admin", {"position_a1", "position_b1", "former"}),
        ("township_admin_a", {"position_a1", "former"}),
        ("township_admin_b", {"position_b1"}),
        ("secretary_a1", {"position_a1", "former"}),
        ("member_user_a1", {"position_a1"}),
    ],
)
def test_each_role_lists_its_own_positions(county, former, login, persona, expected):
    county.former = former
    client = login(getattr(county, persona))
    assert ids(client.get(LIST)) == {getattr(county, name).pk for name in expected}


def test_anonymous_is_refused(county, client):
    assert client.get(LIST).status_code in (401, 403)


def test_current_true_leaves_out_former_office_holders(county, former, login):
    client = login(county.township_admin_a)
    assert ids(client.get(LIST, {"current": "true"})) == {county.position_a1.pk}
    assert ids(client.get(LIST, {"current": "false"})) == {former.pk}


def test_title_and_subtree_filters(county, former, login):
    client = login(county.county_admin)
    assert ids(client.get(LIST, {"title": "secretary"})) == {county.position_a1.pk, county.position_b1.pk}
    assert ids(client.get(LIST, {"organization": county.town_a.pk})) == {county.position_a1.pk, former.pk}
    assert ids(client.get(LIST, {"q": "lxh"})) == {former.pk}
    response = client.get(LIST, {"title": "emperor"})
    assert response.status_code == 400 and "title" in response.json()


def test_other_township_gets_404_for_every_method(county, login):
    client = login(county.township_admin_b)
    url = detail(county.position_a1)
    assert client.get(url).status_code == 404
    assert client.put(url, {}, content_type="application/json").status_code == 404
    assert client.patch(url, {"note": "x"}, content_type="application/json").status_code == 404
    assert client.delete(url).status_code == 404
    assert Position.objects.filter(pk=county.position_a1.pk).exists()


def test_create_in_another_township_is_refused(county, login):
    client = login(county.township_admin_b)
    data = {
        "person": county.member_b1.person.pk,
        "organization": county.village_a1.pk,
        "title": "village_chair",
        "start_date": "2024-01-01",
    }
    response = client.post(LIST, data, content_type="application/json")
    assert response.status_code == 400
    assert "对象不存在" in response.json()["organization"][0]
    assert Position.objects.count() == 2


def test_end_before_start_is_refused_in_chinese(county, login):
    client = login(county.secretary_a1)
    data = {
        "person": county.member_a1b.person.pk,
        "organization": county.village_a1.pk,
        "title": "village_chair",
        "start_date": "2024-01-01",
        "end_date": "2023-01-01",
    }
    response = client.post(LIST, data, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["end_date"] == ["离任日期不能早于任职日期。"]
    data["end_date"] = None
    response = client.post(LIST, data, content_type="application/json")
    assert response.status_code == 201, response.content
    assert response.json()["title_display"] == "村（居）委会主任"
    assert response.json()["is_current"] is True


def test_member_reads_own_position_only(county, former, login):
    client = login(county.member_user_a1)
    assert client.get(detail(county.position_a1)).status_code == 200
    assert client.get(detail(former)).status_code == 404
    response = client.patch(detail(county.position_a1), {"note": "x"}, content_type="application/json")
    assert response.status_code == 403
