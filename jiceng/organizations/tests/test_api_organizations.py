import pytest
from django.urls import reverse

from jiceng.organizations.models import Organization

LIST = reverse("api:organization-list")


def detail(org):
    return reverse("api:organization-detail", args=[org.pk])


def ids(response):
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def orgs(county, *names):
    return {getattr(county, name).pk for name in names}


ALL_A = ("town_a", "village_a1", "village_a2", "group_a2")


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("county_admin", ("root", "town_b", "village_b1", *ALL_A)),
        ("township_admin_a", ALL_A),
        ("township_admin_b", ("town_b", "village_b1")),
        ("secretary_a1", ("village_a1",)),
        ("member_user_a1", ("village_a1",)),
    ],
)
def test_each_role_lists_its_own_subtree(county, login, persona, expected):
    assert ids(login(getattr(county, persona)).get(LIST)) == orgs(county, *expected)


def test_anonymous_is_refused(county, client):
    assert client.get(LIST).status_code in (401, 403)


def test_rows_carry_chinese_labels_and_the_tree_position(county, login):
    row = login(county.township_admin_a).get(detail(county.village_a2)).json()
    assert row["kind_display"] == "党总支"
    assert row["sector_display"] == "农村"
    assert row["formation_display"] == "单独组建"
    assert row["industry_display"] == ""
    assert (row["parent"], row["parent_name"]) == (county.town_a.pk, county.town_a.name)
    assert (row["path"], row["depth"]) == (county.village_a2.path, 2)


def test_filters(county, login):
    client = login(county.county_admin)
    assert ids(client.get(LIST, {"parent": county.town_a.pk})) == orgs(county, "village_a1", "village_a2")
    assert ids(client.get(LIST, {"subtree": county.village_a2.pk})) == orgs(county, "village_a2", "group_a2")
    assert ids(client.get(LIST, {"kind": "general_branch"})) == orgs(county, "village_a2")
    assert ids(client.get(LIST, {"sector": "institution"})) == orgs(county, "root")
    assert ids(client.get(LIST, {"q": "杏花"})) == orgs(county, "village_a2", "group_a2")
    assert client.get(LIST, {"kind": "club"}).status_code == 400


def test_subtree_of_another_township_is_a_400_not_its_rows(county, login):
    response = login(county.township_admin_a).get(LIST, {"subtree": county.town_b.pk})
    assert response.status_code == 400
    assert "中共柳溪村" not in response.content.decode()


def test_other_township_gets_404_for_every_method(county, login):
    client = login(county.township_admin_b)
    url = detail(county.village_a1)
    assert client.get(url).status_code == 404
    assert client.put(url, {"name": "x"}, content_type="application/json").status_code == 404
    assert client.patch(url, {"phone": "1"}, content_type="application/json").status_code == 404
    assert client.delete(url).status_code == 404
    assert Organization.objects.filter(pk=county.village_a1.pk, phone="").exists()


def new_branch(parent, code="V009"):
    return {
        "name": "中共新村支部委员会",
        "code": code,
        "kind": "branch",
        "sector": "village",
        "parent": parent.pk,
    }


def test_create_in_another_township_is_refused(county, login):
    client = login(county.township_admin_b)
    response = client.post(LIST, new_branch(county.town_a), content_type="application/json")
    assert response.status_code == 400
    assert "对象不存在" in response.json()["parent"][0]
    assert not Organization.objects.filter(code="V009").exists()


def test_a_new_root_outside_the_subtree_is_refused(county, login):
    client = login(county.county_admin)
    data = {**new_branch(county.root), "kind": "county_committee", "parent": None}
    response = client.post(LIST, data, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["parent"] == ["请选择上级党组织。"]
    data.pop("parent")
    assert client.post(LIST, data, content_type="application/json").status_code == 400
    assert not Organization.objects.filter(code="V009").exists()


def test_township_admin_creates_a_branch_in_the_path(county, login):
    response = login(county.township_admin_a).post(
        LIST, new_branch(county.town_a), content_type="application/json"
    )
    assert response.status_code == 201, response.content
    org = Organization.objects.get(pk=response.json()["id"])
    assert org.path == f"{county.town_a.path}{org.pk}/"
    assert response.json()["depth"] == 2


def test_the_forms_rules_apply_in_the_same_words(county, login):
    client = login(county.township_admin_a)
    data = {**new_branch(county.village_a1), "kind": "general_branch"}
    response = client.post(LIST, data, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["kind"] == ["“党总支”不能设在“党支部”之下。"]
    data = {**new_branch(county.town_a), "industry": "planting"}
    assert client.post(LIST, data, content_type="application/json").json()["industry"] == [
        "只有党小组可以设置产业类别（产业党小组）。"
    ]
    response = client.post(LIST, new_branch(county.town_a, code="V001"), content_type="application/json")
    assert "已被其他党组织使用" in response.json()["code"][0]


def test_a_node_cannot_move_under_its_own_descendant(county, login):
    client = login(county.township_admin_a)
    response = client.patch(
        detail(county.village_a2), {"parent": county.group_a2.pk}, content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["parent"] == ["上级不能是它自己的下级。"]


def test_a_township_sends_its_own_record_back_unchanged(county, login):
    client = login(county.township_admin_a)
    row = client.get(detail(county.town_a)).json()
    row["phone"] = "0731-84561234"
    response = client.put(detail(county.town_a), row, content_type="application/json")
    assert response.status_code == 200, response.content
    county.town_a.refresh_from_db()
    assert county.town_a.parent == county.root and county.town_a.phone == "0731-84561234"
    response = client.patch(detail(county.town_a), {"parent": None}, content_type="application/json")
    assert response.status_code == 400
    response = client.patch(
        detail(county.village_a1), {"parent": county.root.pk}, content_type="application/json"
    )
    assert response.status_code == 400
    assert "对象不存在" in response.json()["parent"][0]


def test_secretary_edits_but_may_not_delete(county, login):
    client = login(county.secretary_a1)
    response = client.patch(
        detail(county.village_a1), {"phone": "0731-84561234"}, content_type="application/json"
    )
    assert response.status_code == 200
    assert client.delete(detail(county.village_a1)).status_code == 403


def test_deleting_an_organisation_that_has_members_is_a_409(county, login):
    response = login(county.township_admin_a).delete(detail(county.village_a1))
    assert response.status_code == 409
    assert Organization.objects.filter(pk=county.village_a1.pk).exists()


def test_member_reads_own_organisation_and_changes_nothing(county, login):
    client = login(county.member_user_a1)
    assert client.get(detail(county.village_a1)).status_code == 200
    assert client.get(detail(county.village_a2)).status_code == 404
    assert (
        client.patch(detail(county.village_a1), {"phone": "1"}, content_type="application/json").status_code
        == 403
    )
    assert (
        client.post(LIST, new_branch(county.village_a1), content_type="application/json").status_code == 403
    )
