"""regions:list, regions:detail, regions:add, regions:edit — scoped by the user's division."""

import pytest
from django.urls import reverse

from jiceng.regions.models import Region

LIST, ADD = reverse("regions:list"), reverse("regions:add")


def detail(region):
    return reverse("regions:detail", args=[region.pk])


def edit(region):
    return reverse("regions:edit", args=[region.pk])


def listed(response):
    return set(response.context["object_list"])


@pytest.mark.parametrize("url", [LIST, ADD, "/regions/1/", "/regions/1/edit/"])
def test_anonymous_is_sent_to_login(client, county, url):
    response = client.get(url)
    assert response.status_code == 302 and response.url.startswith(reverse("accounts:login"))


def test_each_user_lists_the_divisions_under_their_own(county, login):
    everything = {county.region, county.region_a, county.region_b, county.region_a1}
    assert listed(login(county.county_admin).get(LIST)) == everything
    assert listed(login(county.township_admin_a).get(LIST)) == {county.region_a, county.region_a1}
    assert listed(login(county.secretary_a1).get(LIST)) == {county.region_a1}
    response = login(county.township_admin_b).get(LIST)
    assert listed(response) == {county.region_b}
    assert "桃源村" not in response.content.decode()


def test_member_lists_no_divisions(county, login):
    response = login(county.member_user_a1).get(LIST)
    assert response.status_code == 200 and listed(response) == set()


def test_search_by_name_or_code_prefix_and_level(county, login):
    client = login(county.county_admin)
    assert listed(client.get(LIST, {"q": "桃源"})) == {county.region_a1}
    assert listed(client.get(LIST, {"q": "4301212"})) == {county.region_b}
    assert listed(client.get(LIST, {"level": "township"})) == {county.region_a, county.region_b}
    assert listed(client.get(LIST, {"level": "nonsense"})) == {
        county.region,
        county.region_a,
        county.region_b,
        county.region_a1,
    }


@pytest.mark.parametrize("page", ["abc", "999"])
def test_bad_page_numbers_answer_404_not_500(county, login, page):
    assert login(county.county_admin).get(LIST, {"page": page}).status_code == 404


@pytest.mark.parametrize(
    "persona, attr, status",
    [
        ("county_admin", "region_a1", 200),
        ("township_admin_a", "region_a1", 200),
        ("township_admin_b", "region_a", 404),
        ("township_admin_b", "region_a1", 404),
        ("secretary_a1", "region_a", 404),
        ("member_user_a1", "region_a1", 404),
    ],
)
def test_who_may_open_which_division(county, login, persona, attr, status):
    assert login(getattr(county, persona)).get(detail(getattr(county, attr))).status_code == status


def test_detail_shows_children_and_organisations(county, login):
    response = login(county.township_admin_a).get(detail(county.region_a))
    assert response.context["children"] == [county.region_a1]
    assert response.context["organizations"] == [county.town_a]
    assert response.context["breadcrumbs"] == []
    assert "history" in response.context and "变更记录" in response.content.decode()


def test_county_admin_adds_a_village_with_its_code(county, login):
    client = login(county.county_admin)
    form = client.get(ADD, {"parent": county.region_a.pk}).context["form"]
    assert form.initial["level"] == "village"
    data = {"parent": county.region_a.pk, "name": "杏花村", "level": "village", "code": "430121100002"}
    response = client.post(ADD, data)
    created = Region.objects.get(code="430121100002")
    assert response.status_code == 302 and response.url == detail(created)
    assert created.path.startswith(county.region_a.path)


def test_a_natural_village_needs_no_code(county, login):
    data = {"parent": county.region_a1.pk, "name": "王家湾", "level": "natural_village", "code": ""}
    assert login(county.township_admin_a).post(ADD, data).status_code == 302
    assert Region.objects.get(name="王家湾").code is None


@pytest.mark.parametrize(
    "code, level, message",
    [
        ("4301", "village", "区划代码应为12位数字。"),
        ("", "village", "除自然村外，行政区划必须填写12位区划代码。"),
        ("430121200003", "village", "区划代码应以上级代码的前9位“430121100”开头。"),
        ("430121100001", "village", "具有 区划代码 的 行政区划 已存在。"),
    ],
)
def test_bad_codes_are_answered_in_chinese(county, login, code, level, message):
    data = {"parent": county.region_a.pk, "name": "新村", "level": level, "code": code}
    response = login(county.township_admin_a).post(ADD, data)
    assert response.status_code == 200
    assert message in response.context["form"].errors["code"]
    assert "区划代码：" in response.content.decode()


def test_another_townships_division_cannot_be_a_parent(county, login):
    client = login(county.township_admin_b)
    assert client.get(ADD, {"parent": county.region_a.pk}).status_code == 404
    data = {"parent": county.region_a.pk, "name": "新村", "level": "village", "code": "430121100009"}
    response = client.post(ADD, data)
    assert "parent" in response.context["form"].errors
    assert not Region.objects.filter(code="430121100009").exists()


@pytest.mark.parametrize("value", ["abc", "0", "999999"])
def test_garbage_parent_answers_404(county, login, value):
    assert login(county.county_admin).get(ADD, {"parent": value}).status_code == 404


def test_township_admin_edits_a_village_code(county, login):
    data = {"parent": county.region_a.pk, "name": "桃源村", "level": "village", "code": "430121100011"}
    assert login(county.township_admin_a).post(edit(county.region_a1), data).status_code == 302
    county.region_a1.refresh_from_db()
    assert county.region_a1.code == "430121100011"


def test_own_division_keeps_its_parent(county, login):
    client = login(county.township_admin_a)
    assert "parent" not in client.get(edit(county.region_a)).context["form"].fields
    data = {"parent": county.region_b.pk, "name": "东山镇", "level": "township", "code": "430121100000"}
    assert client.post(edit(county.region_a), data).status_code == 302
    county.region_a.refresh_from_db()
    assert county.region_a.parent == county.region


def test_another_townships_admin_cannot_edit(county, login):
    client = login(county.township_admin_b)
    assert client.get(edit(county.region_a1)).status_code == 404
    data = {"parent": county.region_b.pk, "name": "改名", "level": "village", "code": "430121200001"}
    assert client.post(edit(county.region_a1), data).status_code == 404
    county.region_a1.refresh_from_db()
    assert county.region_a1.name == "桃源村"


def test_member_cannot_add_or_edit(county, login):
    client = login(county.member_user_a1)
    assert client.get(ADD).status_code == 404
    assert client.get(edit(county.region_a1)).status_code == 404
