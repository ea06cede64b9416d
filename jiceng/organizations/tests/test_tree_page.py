"""organizations:tree — the user's subtree with each node's party members (whole subtree)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from jiceng.conftest import make_member
from jiceng.members.choices import PARTY_MEMBER_STATUSES, MemberStatus
from jiceng.members.models import Member
from jiceng.organizations.models import Organization
from jiceng.organizations.views import OrganizationTreeView

URL = reverse("organizations:tree")


def shown(response):
    """{organisation: subtree total} of the nodes the page renders."""
    return {item.node: item.total for token, item in response.context["tokens"] if item is not None}


def party_members_under(org):
    return Member.objects.filter(
        organization__path__startswith=org.path, status__in=PARTY_MEMBER_STATUSES
    ).count()


def test_anonymous_is_sent_to_login(client, county):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_county_admin_sees_every_node_with_its_subtree_count(county, login):
    make_member("钱申请", county.village_a1, 51, status=MemberStatus.APPLICANT)
    make_member("孙转出", county.group_a2, 52, status=MemberStatus.TRANSFERRED_OUT)
    response = login(county.county_admin).get(URL)
    assert response.status_code == 200
    nodes = shown(response)
    assert set(nodes) == set(Organization.objects.all())
    for org, total in nodes.items():
        assert total == party_members_under(org), org
    assert nodes[county.root] == 4 and nodes[county.town_a] == 3 and nodes[county.village_a2] == 1
    assert response.context["root_total"] == 4
    assert "中共柳溪村支部委员会" in response.content.decode()


def test_township_admin_sees_only_own_township(county, login):
    response = login(county.township_admin_a).get(URL)
    assert set(shown(response)) == {county.town_a, county.village_a1, county.village_a2, county.group_a2}
    body = response.content.decode()
    assert "中共西河乡委员会" not in body and "中共柳溪村支部委员会" not in body


def test_other_township_admin_sees_none_of_township_a(county, login):
    response = login(county.township_admin_b).get(URL)
    assert set(shown(response)) == {county.town_b, county.village_b1}
    body = response.content.decode()
    assert "中共东山镇委员会" not in body and "中共桃源村支部委员会" not in body


@pytest.mark.parametrize("attr", ["town_a", "village_a1", "group_a2", "root"])
def test_other_township_admin_gets_404_for_a_root_outside(county, login, attr):
    response = login(county.township_admin_b).get(URL, {"root": getattr(county, attr).pk})
    assert response.status_code == 404


def test_secretary_sees_own_village(county, login):
    response = login(county.secretary_a1).get(URL)
    assert shown(response) == {county.village_a1: 2}


def test_member_sees_own_organisation_without_figures(county, login):
    response = login(county.member_user_a1).get(URL)
    assert response.status_code == 200
    assert set(shown(response)) == {county.village_a1}
    assert response.context["show_figures"] is False
    assert "名党员" not in response.content.decode()


@pytest.mark.parametrize(
    "value", ["abc", "999999", "-1", "1e5", "0", "99999999999999999999999", "3 OR 1=1", "²", "١٢"]
)
def test_garbage_root_answers_404(county, login, value):
    assert login(county.county_admin).get(URL, {"root": value}).status_code == 404


def test_a_node_opens_as_its_own_tree_with_breadcrumbs(county, login):
    response = login(county.county_admin).get(URL, {"root": county.village_a2.pk})
    assert response.status_code == 200
    assert set(shown(response)) == {county.village_a2, county.group_a2}
    assert response.context["breadcrumbs"] == [county.root, county.town_a]
    assert response.context["root_total"] == 1


def test_filter_by_kind_marks_matches_and_shows_their_ancestors(county, login):
    response = login(county.township_admin_a).get(URL, {"kind": "branch"})
    items = [item for token, item in response.context["tokens"] if item is not None]
    assert {i.node for i in items if i.match} == {county.village_a1, county.group_a2}
    assert {i.node for i in items if not i.match} == {county.town_a, county.village_a2}


def test_name_search_finds_by_part_of_the_name(county, login):
    response = login(county.county_admin).get(URL, {"q": "桃源"})
    items = [item for token, item in response.context["tokens"] if item is not None]
    assert {i.node for i in items if i.match} == {county.village_a1}
    assert response.context["matches_count"] == 1


def test_unknown_kind_is_ignored(county, login):
    response = login(county.county_admin).get(URL, {"kind": "<script>"})
    assert response.status_code == 200
    assert response.context["filtering"] is False
    assert len(shown(response)) == Organization.objects.count()


def test_large_tree_shows_two_levels_and_expand_links(county, login, monkeypatch):
    monkeypatch.setattr(OrganizationTreeView, "full_tree_limit", 3)
    response = login(county.county_admin).get(URL)
    nodes = shown(response)
    assert county.group_a2 not in nodes
    assert nodes[county.village_a2] == 1  # the count still covers the hidden level
    more = {item.node: item.more for token, item in response.context["tokens"] if item is not None}
    assert more[county.village_a2] == 1 and more[county.village_a1] == 0
    assert f'href="?root={county.village_a2.pk}"' in response.content.decode()


def add_villages(county, n):
    for i in range(n):
        village = Organization.objects.create(
            name=f"测试村{i}党支部", code=f"X{i:03d}", kind="branch", sector="village", parent=county.town_b
        )
        Organization.objects.create(
            name=f"测试村{i}第一党小组", code=f"X{i:03d}-1", kind="group", sector="village", parent=village
        )
        make_member(f"测试{i}", village, 100 + i, birth=datetime.date(1970, 1, 1))


def count_queries(client):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(URL).status_code == 200
    return len(ctx.captured_queries)


def test_query_count_does_not_grow_with_the_number_of_nodes(county, login, django_assert_max_num_queries):
    client = login(county.county_admin)
    small = count_queries(client)
    add_villages(county, 40)
    assert count_queries(client) == small
    with django_assert_max_num_queries(8):
        response = client.get(URL)
    assert shown(response)[county.town_b] == 41
