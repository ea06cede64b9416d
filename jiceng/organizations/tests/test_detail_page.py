"""organizations:detail — attributes, visible ancestors, sub-organisations, members, cadres,
figures and history of one organisation."""

import datetime

import pytest
from django.urls import reverse

from jiceng.members.models import Member, Position
from jiceng.members.stats import member_figures


def url(org):
    return reverse("organizations:detail", args=[org.pk])


def test_anonymous_is_sent_to_login(client, county):
    response = client.get(url(county.town_a))
    assert response.status_code == 302 and response.url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize(
    "persona, attr, status",
    [
        ("county_admin", "town_a", 200),
        ("township_admin_a", "town_a", 200),
        ("township_admin_a", "group_a2", 200),
        ("township_admin_a", "town_b", 404),
        ("township_admin_a", "root", 404),
        ("township_admin_b", "town_a", 404),
        ("township_admin_b", "village_a1", 404),
        ("secretary_a1", "village_a1", 200),
        ("secretary_a1", "town_a", 404),
        ("member_user_a1", "village_a1", 200),
        ("member_user_a1", "village_a2", 404),
    ],
)
def test_who_may_open_which_page(county, login, persona, attr, status):
    assert login(getattr(county, persona)).get(url(getattr(county, attr))).status_code == status


def test_huge_id_answers_404(county, login):
    response = login(county.county_admin).get("/organizations/99999999999999999999999/")
    assert response.status_code == 404


def test_breadcrumbs_show_only_visible_ancestors(county, login):
    response = login(county.township_admin_a).get(url(county.group_a2))
    assert response.context["breadcrumbs"] == [county.town_a, county.village_a2]
    assert "中共长乐县委员会" not in response.content.decode().split("<main", 1)[1]


def test_sub_organisations_carry_their_subtree_counts(county, login):
    response = login(county.county_admin).get(url(county.town_a))
    children = {c.node: c.total for c in response.context["children"]}
    assert children == {county.village_a1: 2, county.village_a2: 1}
    assert response.context["subtree_total"] == 3


def test_members_of_the_subtree_are_listed_with_a_link_to_the_full_list(county, login):
    response = login(county.county_admin).get(url(county.town_a))
    assert {m.person.name for m in response.context["members"]} == {"张三丰", "李小红", "王大明"}
    assert response.context["members_total"] == 3
    body = response.content.decode()
    assert "赵四海" not in body
    assert f"{reverse('members:list')}?organization={county.town_a.pk}" in body


def test_figures_match_member_figures_of_the_subtree(county, login):
    response = login(county.township_admin_a).get(url(county.town_a))
    expected = member_figures(Member.objects.filter(organization__path__startswith=county.town_a.path))
    assert response.context["figures"] == expected
    assert expected["party_members"] == 3 and expected["probationary"] == 1
    assert 'data-figure="party_members">3<' in response.content.decode()


def test_current_cadres_are_listed_and_former_ones_are_not(county, login):
    Position.objects.create(
        person=county.member_a1b.person,
        organization=county.village_a1,
        title="village_chair",
        start_date=datetime.date(2018, 1, 1),
        end_date=datetime.date(2020, 12, 31),
    )
    response = login(county.secretary_a1).get(url(county.village_a1))
    assert response.context["cadres"] == [county.position_a1]
    body = response.content.decode()
    assert "党组织书记" in body and "村（居）委会主任" not in body


def test_buttons_follow_the_users_rights(county, login):
    edit, delete = (
        reverse("organizations:edit", args=[county.village_a1.pk]),
        reverse("organizations:delete", args=[county.village_a1.pk]),
    )
    body = login(county.township_admin_a).get(url(county.village_a1)).content.decode()
    assert edit in body and delete in body
    body = login(county.secretary_a1).get(url(county.village_a1)).content.decode()
    assert edit in body and delete not in body
    body = login(county.member_user_a1).get(url(county.village_a1)).content.decode()
    assert edit not in body and delete not in body


def test_own_organisation_has_no_delete_button(county, login):
    body = login(county.township_admin_a).get(url(county.town_a)).content.decode()
    assert reverse("organizations:delete", args=[county.town_a.pk]) not in body


def test_member_sees_no_figures_or_member_list(county, login):
    response = login(county.member_user_a1).get(url(county.village_a1))
    assert response.context["show_figures"] is False
    assert "figures" not in response.context and "李小红" not in response.content.decode()


def test_history_shows_changes_with_chinese_field_names(county, login):
    client = login(county.township_admin_a)
    data = {
        "parent": county.town_a.pk,
        "name": "中共桃源村委员会",
        "code": "V001",
        "kind": "branch",
        "sector": "village",
        "formation": "standalone",
        "region": county.region_a1.pk,
    }
    assert client.post(reverse("organizations:edit", args=[county.village_a1.pk]), data).status_code == 302
    body = client.get(url(county.village_a1)).content.decode()
    assert "组织名称" in body and "中共桃源村支部委员会" in body and "中共桃源村委员会" in body
    assert "town_a" in body  # who made the change


def test_query_count_is_bounded(county, login, django_assert_max_num_queries):
    client = login(county.county_admin)
    with django_assert_max_num_queries(20):
        assert client.get(url(county.town_a)).status_code == 200
