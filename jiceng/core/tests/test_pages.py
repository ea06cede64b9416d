"""The home page (headline figures of the user's subtree) and the change log page."""

import re

import pytest
from django.urls import reverse

from jiceng.conftest import make_member
from jiceng.core.context import change_context
from jiceng.members.choices import MemberStatus
from jiceng.members.models import Member
from jiceng.members.stats import member_figures
from jiceng.organizations.models import Organization
from jiceng.organizations.templatetags.jiceng_tags import count, percent

HOME, CHANGELOG = reverse("core:home"), reverse("core:changelog")


def figure(body, key):
    match = re.search(rf'data-figure="{key}">([^<]*)<', body)
    assert match, key
    return match.group(1)


@pytest.mark.parametrize("url", [HOME, CHANGELOG])
def test_anonymous_is_sent_to_login(client, county, url):
    response = client.get(url)
    assert response.status_code == 302 and response.url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize("persona", ["county_admin", "township_admin_a", "township_admin_b", "secretary_a1"])
def test_home_figures_match_member_figures_of_the_subtree(county, login, persona):
    make_member("钱积极", county.village_a1, 61, status=MemberStatus.ACTIVIST)
    user = getattr(county, persona)
    response = login(user).get(HOME)
    assert response.status_code == 200
    members = Member.objects.filter(organization__path__startswith=user.organization.path)
    expected = member_figures(members)
    summary = response.context["summary"]
    for key in ("party_members", "full", "probationary", "in_development", "female_share", "college_share"):
        assert summary[key] == expected[key], key
    body = response.content.decode()
    assert figure(body, "party_members") == count(expected["party_members"], "名")
    assert figure(body, "in_development") == count(expected["in_development"], "名")
    assert figure(body, "female_share") == percent(expected["female_share"])
    orgs = Organization.objects.filter(path__startswith=user.organization.path).count()
    assert figure(body, "organizations") == count(orgs, "个")


def test_home_of_township_a_counts_its_members(county, login):
    body = login(county.township_admin_a).get(HOME).content.decode()
    assert figure(body, "party_members") == "3 名"
    assert figure(body, "female_share") == "33.3%"  # 李小红 of three (sex from the ID number)
    assert "预备 1 名" in body
    assert "党总支" in body and "乡镇党委" in body


def test_member_is_sent_to_own_page(county, login):
    response = login(county.member_user_a1).get(HOME)
    assert response.status_code == 302 and response.url == reverse("members:me")


def test_change_log_lists_only_the_users_subtree(county, login):
    with change_context(user=county.county_admin):
        county.village_a1.phone = "0731-1111111"
        county.village_a1.save()
        county.village_b1.phone = "0731-2222222"
        county.village_b1.save()
    body = login(county.township_admin_a).get(CHANGELOG).content.decode()
    assert "0731-1111111" in body and "0731-2222222" not in body
    assert "联系电话" in body  # the field by its verbose name
    body = login(county.township_admin_b).get(CHANGELOG).content.decode()
    assert "0731-2222222" in body and "0731-1111111" not in body and "桃源村" not in body


def test_change_log_filters_by_action(county, login):
    with change_context(user=county.county_admin):
        county.village_a1.phone = "0731-1111111"
        county.village_a1.save()
    response = login(county.county_admin).get(CHANGELOG, {"action": "update"})
    rows = list(response.context["page_obj"].object_list)
    assert rows and {r.action for r in rows} == {"update"}
    assert 'value="update" selected' in response.content.decode()


@pytest.mark.parametrize(
    "query", [{"action": "drop table"}, {"page": "abc"}, {"page": "99999"}, {"page": "-1"}]
)
def test_change_log_survives_garbage(county, login, query):
    assert login(county.county_admin).get(CHANGELOG, query).status_code == 200


def test_change_log_paginates(county, login):
    with change_context(user=county.county_admin):
        for i in range(55):
            county.village_a1.phone = f"0731-{i:07d}"
            county.village_a1.save()
    response = login(county.township_admin_a).get(CHANGELOG, {"action": "update"})
    page = response.context["page_obj"]
    assert page.paginator.num_pages == 2 and len(page.object_list) == 50
    assert "action=update&amp;page=2" in response.content.decode()


def test_change_log_of_a_member_account_is_own_records_only(county, login):
    response = login(county.member_user_a1).get(CHANGELOG)
    assert response.status_code == 200
    assert "赵四海" not in response.content.decode()


def test_change_log_query_count_is_bounded(county, login, django_assert_max_num_queries):
    client = login(county.county_admin)
    with django_assert_max_num_queries(15):
        assert client.get(CHANGELOG).status_code == 200
