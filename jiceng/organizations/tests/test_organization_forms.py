"""organizations:add and organizations:edit — the parent stays inside the user's subtree and
the model's rules answer in Chinese next to the fields."""

import pytest
from django.urls import reverse

from jiceng.core.models import ChangeLog
from jiceng.organizations.models import Organization

ADD = reverse("organizations:add")


def edit_url(org):
    return reverse("organizations:edit", args=[org.pk])


def org_data(parent, **overrides):
    data = {
        "parent": parent.pk if parent else "",
        "name": "桃源村第一党小组",
        "code": "V001-1",
        "kind": "group",
        "sector": "village",
        "formation": "standalone",
        "industry": "",
        "region": "",
        "established_date": "",
        "dissolved_date": "",
        "phone": "",
        "address": "",
        "note": "",
    }
    data.update(overrides)
    return data


def current(org):
    """The organisation's fields as a form would post them back unchanged."""
    return org_data(
        org.parent,
        name=org.name,
        code=org.code,
        kind=org.kind,
        sector=org.sector,
        formation=org.formation,
        region=org.region_id or "",
    )


def errors(response):
    return response.context["form"].errors


def test_anonymous_is_sent_to_login(client, county):
    response = client.get(ADD)
    assert response.status_code == 302 and response.url.startswith(reverse("accounts:login"))


def test_township_admin_adds_a_group_under_a_village(county, login):
    response = login(county.township_admin_a).post(ADD, org_data(county.village_a1))
    created = Organization.objects.get(code="V001-1")
    assert response.status_code == 302 and response.url == reverse("organizations:detail", args=[created.pk])
    assert created.parent == county.village_a1 and created.path.startswith(county.village_a1.path)
    log = ChangeLog.objects.get(object_id=created.pk, action="create", content_type__model="organization")
    assert log.user == county.township_admin_a


def test_secretary_adds_under_own_village(county, login):
    response = login(county.secretary_a1).post(ADD, org_data(county.village_a1))
    assert response.status_code == 302
    assert Organization.objects.filter(code="V001-1", parent=county.village_a1).exists()


def test_the_form_opens_with_the_parent_and_a_fitting_kind(county, login):
    response = login(county.township_admin_a).get(ADD, {"parent": county.town_a.pk})
    form = response.context["form"]
    assert form.initial["parent"] == county.town_a and form.initial["kind"] == "branch"
    assert set(form.fields["parent"].queryset) == {
        county.town_a,
        county.village_a1,
        county.village_a2,
        county.group_a2,
    }


@pytest.mark.parametrize("value", ["abc", "0", "999999", "-5", "99999999999999999999999"])
def test_garbage_parent_in_the_query_answers_404(county, login, value):
    assert login(county.county_admin).get(ADD, {"parent": value}).status_code == 404


def test_another_townships_parent_in_the_query_answers_404(county, login):
    assert login(county.township_admin_a).get(ADD, {"parent": county.town_b.pk}).status_code == 404


def test_posting_another_townships_parent_is_refused(county, login):
    response = login(county.township_admin_a).post(ADD, org_data(county.village_b1))
    assert response.status_code == 200
    assert errors(response)["parent"] == ["所选上级党组织不存在，或不在您的管理范围内。"]
    assert "所选上级党组织不存在" in response.content.decode()
    assert not Organization.objects.filter(code="V001-1").exists()


def test_a_parent_is_required(county, login):
    response = login(county.township_admin_a).post(ADD, org_data(None, kind="county_committee"))
    assert errors(response)["parent"] == ["请选择上级党组织。"]
    assert not Organization.objects.filter(code="V001-1").exists()


@pytest.mark.parametrize("persona", ["member_user_a1"])
def test_roles_without_change_rights_get_404(county, login, persona):
    client = login(getattr(county, persona))
    assert client.get(ADD).status_code == 404
    assert client.post(ADD, org_data(county.village_a1)).status_code == 404
    assert client.get(edit_url(county.village_a1)).status_code == 404


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"kind": "township_committee"}, "kind", "“乡镇党委”不能设在“党支部”之下。"),
        (
            {"kind": "branch", "industry": "planting", "parent": "town_a"},
            "industry",
            "只有党小组可以设置产业类别（产业党小组）。",
        ),
        (
            {"established_date": "2020-05-01", "dissolved_date": "2019-01-01"},
            "dissolved_date",
            "撤销日期不能早于成立日期。",
        ),
        ({"code": "V 01"}, "code", "组织编码只能由字母、数字和连字符组成（2至32位）。"),
        ({"code": "V001"}, "code", "具有 组织编码 的 党组织 已存在。"),
        ({"name": "   "}, "name", "该字段是必填项。"),
        ({"established_date": "2020-13-45"}, "established_date", "输入一个有效的日期。"),
    ],
)
def test_bad_data_is_answered_in_chinese_next_to_the_field(county, login, overrides, field, message):
    overrides = dict(overrides)
    parent = getattr(county, overrides.pop("parent", "village_a1"))
    response = login(county.township_admin_a).post(ADD, org_data(parent, **overrides))
    assert response.status_code == 200
    assert message in errors(response)[field]
    body = response.content.decode()
    label = str(Organization._meta.get_field(field).verbose_name)
    assert f"{label}：{message}" in body.replace("&ldquo;", "“").replace("&rdquo;", "”")


def test_township_admin_edits_a_village(county, login):
    data = current(county.village_a1) | {"name": "中共桃源村委员会", "phone": "0731-8888888"}
    response = login(county.township_admin_a).post(edit_url(county.village_a1), data)
    assert response.status_code == 302
    county.village_a1.refresh_from_db()
    assert county.village_a1.name == "中共桃源村委员会" and county.village_a1.phone == "0731-8888888"


def test_moving_a_village_to_another_township_is_refused(county, login):
    data = current(county.village_a1) | {"parent": county.town_b.pk}
    response = login(county.township_admin_a).post(edit_url(county.village_a1), data)
    assert "parent" in errors(response)
    county.village_a1.refresh_from_db()
    assert county.village_a1.parent == county.town_a


def test_a_node_cannot_move_under_its_own_descendant(county, login):
    data = current(county.village_a2) | {"parent": county.group_a2.pk}
    response = login(county.township_admin_a).post(edit_url(county.village_a2), data)
    assert "parent" in errors(response)
    assert county.group_a2 not in response.context["form"].fields["parent"].queryset


def test_own_root_keeps_its_parent(county, login):
    client = login(county.township_admin_a)
    form = client.get(edit_url(county.town_a)).context["form"]
    assert "parent" not in form.fields and form.parent_locked
    data = current(county.town_a) | {"parent": county.town_b.pk, "name": "中共东山镇委员会（新）"}
    response = client.post(edit_url(county.town_a), data)
    assert response.status_code == 302
    county.town_a.refresh_from_db()
    assert county.town_a.parent == county.root and county.town_a.name == "中共东山镇委员会（新）"


def test_county_admin_edits_the_county_committee_without_a_parent(county, login):
    data = current(county.root) | {"phone": "0731-1234567"}
    response = login(county.county_admin).post(edit_url(county.root), data)
    assert response.status_code == 302
    county.root.refresh_from_db()
    assert county.root.parent is None and county.root.phone == "0731-1234567"


def test_another_townships_admin_cannot_edit(county, login):
    client = login(county.township_admin_b)
    assert client.get(edit_url(county.village_a1)).status_code == 404
    response = client.post(edit_url(county.village_a1), current(county.village_a1) | {"name": "改名"})
    assert response.status_code == 404
    county.village_a1.refresh_from_db()
    assert county.village_a1.name == "中共桃源村支部委员会"


def test_region_choices_are_the_users_divisions(county, login):
    form = login(county.township_admin_a).get(ADD).context["form"]
    assert set(form.fields["region"].queryset) == {county.region_a, county.region_a1}
