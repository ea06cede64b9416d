import datetime

from django.urls import reverse

from jiceng.conftest import make_member
from jiceng.organizations.models import Organization


def tree(org):
    return reverse("api:organization-tree", args=[org.pk])


def node_by_name(node, name):
    if node["name"] == name:
        return node
    for child in node["children"]:
        found = node_by_name(child, name)
        if found:
            return found
    return None


def test_tree_nests_children_with_subtree_member_counts(county, login):
    body = login(county.county_admin).get(tree(county.root)).json()
    assert body["name"] == county.root.name
    assert [c["name"] for c in body["children"]] == [county.town_a.name, county.town_b.name]
    # Party members are full and probationary: 张三丰, 李小红, 王大明 in A; 赵四海 in B.
    assert body["party_members"] == 4 and body["party_members_direct"] == 0
    town_a = node_by_name(body, county.town_a.name)
    assert town_a["party_members"] == 3
    village_a2 = node_by_name(body, county.village_a2.name)
    assert (village_a2["party_members"], village_a2["party_members_direct"]) == (1, 0)
    assert node_by_name(body, county.group_a2.name)["party_members_direct"] == 1


def test_applicants_are_not_counted_as_party_members(county, login):
    make_member("新申请", county.village_b1, 51, status="applicant", birth=datetime.date(2000, 1, 1))
    body = login(county.county_admin).get(tree(county.town_b)).json()
    assert body["party_members"] == 1


def test_levels_limit_the_depth_but_not_the_counts(county, login):
    body = login(county.county_admin).get(tree(county.root), {"levels": 1}).json()
    assert all(child["children"] == [] for child in body["children"])
    assert node_by_name(body, county.town_a.name)["party_members"] == 3


def test_bad_levels_are_explained(county, login):
    client = login(county.county_admin)
    for value in ("0", "abc", "99", "1" * 400):
        response = client.get(tree(county.root), {"levels": value})
        assert response.status_code == 400
        assert response.json()["levels"] == ["层数应为1至10之间的整数。"]


def test_tree_is_scoped(county, login):
    assert login(county.township_admin_b).get(tree(county.town_a)).status_code == 404
    body = login(county.township_admin_a).get(tree(county.town_a)).json()
    assert body["party_members"] == 3
    assert login(county.township_admin_a).get(tree(county.root)).status_code == 404


def test_tree_costs_the_same_queries_whatever_its_size(county, login, django_assert_max_num_queries):
    client = login(county.county_admin)
    client.get(tree(county.root))  # warm the session
    for i in range(12):
        parent = Organization.objects.create(
            name=f"新支部{i}", code=f"N{i:03d}", kind="branch", sector="village", parent=county.town_b
        )
        make_member(f"党员{i}", parent, 100 + i)
    with django_assert_max_num_queries(6):
        body = client.get(tree(county.root)).json()
    assert body["party_members"] == 16


def test_anonymous_gets_no_tree(county, client):
    response = client.get(tree(county.root))
    assert response.status_code in (401, 403)
    assert county.town_a.name not in response.content.decode()


def test_member_sees_only_their_own_branch_and_record(county, login):
    body = login(county.member_user_a1).get(tree(county.village_a1)).json()
    assert (body["name"], body["children"], body["party_members"]) == (county.village_a1.name, [], 1)
