import pytest
from django.urls import reverse

from jiceng.regions.models import Region

LIST = reverse("api:region-list")


def detail(region):
    return reverse("api:region-detail", args=[region.pk])


def ids(response):
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def regions(county, *names):
    return {getattr(county, name).pk for name in names}


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("county_admin", ("region", "region_a", "region_b", "region_a1")),
        ("township_admin_a", ("region_a", "region_a1")),
        ("township_admin_b", ("region_b",)),
        ("secretary_a1", ("region_a1",)),
        ("member_user_a1", ()),
    ],
)
def test_each_role_reads_its_own_divisions(county, login, persona, expected):
    assert ids(login(getattr(county, persona)).get(LIST)) == regions(county, *expected)


def test_anonymous_is_refused(county, client):
    assert client.get(LIST).status_code in (401, 403)


def test_rows_carry_the_level_label_and_filters_work(county, login):
    client = login(county.county_admin)
    row = client.get(detail(county.region_a1)).json()
    assert (row["level_display"], row["code"], row["parent"]) == (
        "行政村（社区）",
        "430121100001",
        county.region_a.pk,
    )
    assert ids(client.get(LIST, {"level": "township"})) == regions(county, "region_a", "region_b")
    assert ids(client.get(LIST, {"parent": county.region_a.pk})) == regions(county, "region_a1")
    assert ids(client.get(LIST, {"code": "4301211"})) == regions(county, "region_a", "region_a1")
    assert ids(client.get(LIST, {"q": "桃源"})) == regions(county, "region_a1")
    assert ids(client.get(LIST, {"q": "4301212"})) == regions(county, "region_b")


def test_only_the_county_admin_writes(county, login):
    data = {"name": "梨园村", "level": "village", "code": "430121100002", "parent": county.region_a.pk}
    for persona in ("township_admin_a", "secretary_a1", "member_user_a1"):
        response = login(getattr(county, persona)).post(LIST, data, content_type="application/json")
        assert response.status_code == 403
        assert "县委组织部" in response.json()["detail"]
        assert login(getattr(county, persona)).delete(detail(county.region_a1)).status_code == 403
    response = login(county.county_admin).post(LIST, data, content_type="application/json")
    assert response.status_code == 201, response.content
    assert Region.objects.get(code="430121100002").parent == county.region_a


def test_code_rules_are_explained(county, login):
    client = login(county.county_admin)
    data = {"name": "梨园村", "level": "village", "code": "430122100002", "parent": county.region_a.pk}
    response = client.post(LIST, data, content_type="application/json")
    assert response.status_code == 400
    assert "430121100" in response.json()["code"][0]
    data["code"] = "4301"
    assert client.post(LIST, data, content_type="application/json").json()["code"] == [
        "区划代码应为12位数字。"
    ]
    data["code"] = "430121100001"
    assert (
        "已被其他行政区划使用" in client.post(LIST, data, content_type="application/json").json()["code"][0]
    )
    data["code"] = None
    assert "12位区划代码" in client.post(LIST, data, content_type="application/json").json()["code"][0]


def test_a_new_root_division_is_refused(county, login):
    data = {"name": "别县", "level": "county", "code": "430199000000"}
    response = login(county.county_admin).post(LIST, data, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["parent"] == ["请选择上级行政区划。"]


def test_county_admin_of_another_county_gets_404(county, login):
    from jiceng.accounts.models import User
    from jiceng.organizations.models import Organization

    other_region = Region.objects.create(name="别县", level="county", code="430199000000")
    other_root = Organization.objects.create(
        name="中共别县委员会", code="C099", kind="county_committee", sector="institution", region=other_region
    )
    other = User.objects.create_user(
        username="other", password="x", organization=other_root, role="county_admin"
    )
    client = login(other)
    assert ids(client.get(LIST)) == {other_region.pk}
    assert client.get(detail(county.region_a)).status_code == 404
    assert (
        client.patch(detail(county.region_a), {"name": "x"}, content_type="application/json").status_code
        == 404
    )
    assert client.delete(detail(county.region_a)).status_code == 404
    data = {"name": "梨园村", "level": "village", "code": "430121100002", "parent": county.region_a.pk}
    assert "对象不存在" in client.post(LIST, data, content_type="application/json").json()["parent"][0]
