import datetime

import pytest
from django.urls import reverse

from jiceng.core.context import change_context
from jiceng.members.models import MobileMember, Position

from .pages import login_url_of, text


def url(member):
    return reverse("members:detail", args=[member.pk])


@pytest.mark.parametrize("persona", ["county_admin", "township_admin_a", "secretary_a1", "member_user_a1"])
def test_every_role_of_the_subtree_opens_the_page(county, login, persona):
    response = login(getattr(county, persona)).get(url(county.member_a1))
    assert response.status_code == 200
    assert "张三丰" in text(response)


def test_another_township_gets_404(county, login):
    client = login(county.township_admin_b)
    assert client.get(url(county.member_a1)).status_code == 404
    assert client.get(url(county.member_a2)).status_code == 404


def test_a_member_cannot_open_another_members_page(county, login):
    assert login(county.member_user_a1).get(url(county.member_a1b)).status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client, county):
    assert login_url_of(client.get(url(county.member_a1)))


@pytest.mark.parametrize("persona", ["county_admin", "township_admin_a", "secretary_a1"])
def test_roles_that_may_change_see_the_full_id_number(county, login, persona):
    response = login(getattr(county, persona)).get(url(county.member_a1))
    assert county.member_a1.person.id_number in response.content.decode()


def test_a_member_sees_the_id_number_masked_on_the_member_page(county, login):
    page = login(county.member_user_a1).get(url(county.member_a1)).content.decode()
    assert county.member_a1.person.id_number not in page
    assert county.member_a1.person.id_number_masked in page


def test_the_page_shows_person_membership_and_development_timeline(county, login):
    m = county.member_a1
    m.application_date = datetime.date(2008, 3, 1)
    m.activist_date = datetime.date(2008, 9, 1)
    m.candidate_date = datetime.date(2009, 9, 1)
    m.occupation = "farmer"
    m.double_strong = True
    m.save()
    m.person.phone = "13800138000"
    m.person.address = "桃源村三组"
    m.person.household = county.household_a1
    m.person.save()
    page = text(login(county.secretary_a1).get(url(m)))
    for expected in (
        "1980年5月17日",
        "13800138000",
        "桃源村三组",
        "张三丰户",
        "户主",
        "中共长乐县委员会 / 中共东山镇委员会 /",  # the organisation with its ancestors
        "农牧渔民",
        "双强",
        "申请入党 2008年3月1日",
        "确定为积极分子 2008年9月1日",
        "确定为发展对象 2009年9月1日",
        "接收为预备党员 2010年7月1日",
        "转为正式党员 2011年7月1日",
    ):
        assert expected in page, expected


def test_the_page_lists_current_and_past_posts(county, login):
    Position.objects.create(
        person=county.member_a1.person,
        organization=county.village_a1,
        title="village_chair",
        start_date=datetime.date(2015, 1, 1),
        end_date=datetime.date(2020, 12, 31),
    )
    page = text(login(county.township_admin_a).get(url(county.member_a1)))
    assert "党组织书记 现任" in page
    assert "村（居）委会主任 已离任" in page


def test_the_page_shows_the_current_mobile_member_record(county, login):
    MobileMember.objects.create(
        member=county.member_a1,
        destination="广东省东莞市",
        work="电子厂",
        start_date=datetime.date(2024, 3, 1),
    )
    MobileMember.objects.create(
        member=county.member_a1,
        destination="浙江省义乌市",
        start_date=datetime.date(2019, 3, 1),
        end_date=datetime.date(2020, 1, 1),
    )
    response = login(county.secretary_a1).get(url(county.member_a1))
    assert response.context["current_mobile"].destination == "广东省东莞市"
    page = text(response)
    assert "流动党员 2024年3月1日起在广东省东莞市，电子厂" in page
    assert "浙江省义乌市" in page


def test_the_history_holds_changes_of_the_member_and_of_its_person(county, login):
    m = county.member_a1
    with change_context(user=county.secretary_a1):
        m.person.phone = "13912345678"
        m.person.save()
        m.double_strong = True
        m.save()
        MobileMember.objects.create(member=m, destination="长沙市", start_date=datetime.date(2025, 1, 1))
    response = login(county.township_admin_a).get(url(m))
    kinds = {(row.content_type.model, row.action) for row in response.context["history"]}
    assert ("person", "update") in kinds
    assert ("member", "update") in kinds
    assert ("mobilemember", "create") in kinds
    page = text(response)
    assert "联系电话" in page and "13912345678" in page
    assert "双强" in page


def test_another_members_history_does_not_leak_in(county, login):
    with change_context(user=county.secretary_a1):
        county.member_a1b.person.phone = "13700000000"
        county.member_a1b.person.save()
    response = login(county.township_admin_a).get(url(county.member_a1))
    assert "13700000000" not in response.content.decode()


def test_a_member_sees_no_edit_buttons_and_no_history(county, login):
    response = login(county.member_user_a1).get(url(county.member_a1))
    page = response.content.decode()
    assert reverse("members:edit", args=[county.member_a1.pk]) not in page
    assert response.context["history"] is None


def test_only_roles_that_may_delete_see_the_delete_button(county, login):
    delete = reverse("members:delete", args=[county.member_a1.pk])
    assert delete in login(county.township_admin_a).get(url(county.member_a1)).content.decode()
    assert delete not in login(county.secretary_a1).get(url(county.member_a1)).content.decode()


def test_the_page_needs_few_queries(county, login, django_assert_max_num_queries):
    for i in range(5):
        Position.objects.create(
            person=county.member_a1.person,
            organization=county.village_a1,
            title="committee_member",
            start_date=datetime.date(2010 + i, 1, 1),
            end_date=datetime.date(2010 + i, 12, 31),
        )
        MobileMember.objects.create(
            member=county.member_a1, destination=f"城市{i}", start_date=datetime.date(2015 + i, 1, 1)
        )
    client = login(county.secretary_a1)
    with django_assert_max_num_queries(16):
        assert client.get(url(county.member_a1)).status_code == 200


def test_a_non_numeric_id_is_not_found(county, login):
    assert login(county.county_admin).get("/members/abc/").status_code == 404
    assert login(county.county_admin).get("/members/99999999999999999999/").status_code == 404
