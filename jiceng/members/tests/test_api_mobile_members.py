import datetime

import pytest
from django.urls import reverse

from jiceng.members.models import MobileMember

LIST = reverse("api:mobile-member-list")


def detail(record):
    return reverse("api:mobile-member-detail", args=[record.pk])


def ids(response):
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


@pytest.fixture
def away(county):
    """张三丰 works in Shenzhen; 赵四海 (township B) came back from Dongguan."""
    a = MobileMember.objects.create(
        member=county.member_a1,
        destination="广东省深圳市",
        work="电子厂",
        start_date=datetime.date(2024, 2, 1),
    )
    b = MobileMember.objects.create(
        member=county.member_b1,
        destination="广东省东莞市",
        start_date=datetime.date(2022, 3, 1),
        end_date=datetime.date(2023, 1, 15),
    )
    return a, b


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("county_admin", {0, 1}),
        ("township_admin_a", {0}),
        ("township_admin_b", {1}),
        ("secretary_a1", {0}),
        ("member_user_a1", {0}),
    ],
)
def test_each_role_lists_its_own_mobile_members(county, away, login, persona, expected):
    client = login(getattr(county, persona))
    assert ids(client.get(LIST)) == {away[i].pk for i in expected}


def test_anonymous_is_refused(county, client):
    assert client.get(LIST).status_code in (401, 403)


def test_filters_by_subtree_still_away_and_name(county, away, login):
    client = login(county.county_admin)
    assert ids(client.get(LIST, {"organization": county.town_b.pk})) == {away[1].pk}
    assert ids(client.get(LIST, {"current": "true"})) == {away[0].pk}
    assert ids(client.get(LIST, {"q": "zsf"})) == {away[0].pk}
    row = client.get(reverse("api:mobile-member-detail", args=[away[0].pk])).json()
    assert row["member_name"] == "张三丰" and row["is_away"] is True
    assert row["organization_name"] == county.village_a1.name


def test_other_township_gets_404_for_every_method(county, away, login):
    client = login(county.township_admin_b)
    url = detail(away[0])
    assert client.get(url).status_code == 404
    assert client.put(url, {}, content_type="application/json").status_code == 404
    assert client.patch(url, {"work": "x"}, content_type="application/json").status_code == 404
    assert client.delete(url).status_code == 404
    assert MobileMember.objects.filter(pk=away[0].pk, work="电子厂").exists()


def test_a_member_of_another_township_cannot_be_recorded(county, login):
    client = login(county.township_admin_b)
    data = {"member": county.member_a1.pk, "destination": "浙江省义乌市", "start_date": "2024-05-01"}
    response = client.post(LIST, data, content_type="application/json")
    assert response.status_code == 400
    assert "对象不存在" in response.json()["member"][0]
    assert not MobileMember.objects.exists()


def test_secretary_records_a_return_and_dates_are_checked(county, away, login):
    client = login(county.secretary_a1)
    url = detail(away[0])
    response = client.patch(url, {"end_date": "2024-01-01"}, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["end_date"] == ["返回日期不能早于外出日期。"]
    response = client.patch(url, {"end_date": "2025-01-10"}, content_type="application/json")
    assert response.status_code == 200
    assert response.json()["is_away"] is False


def test_member_reads_own_record_and_changes_nothing(county, away, login):
    client = login(county.member_user_a1)
    assert client.get(detail(away[0])).status_code == 200
    assert client.get(detail(away[1])).status_code == 404
    assert client.patch(detail(away[0]), {"work": "x"}, content_type="application/json").status_code == 403
