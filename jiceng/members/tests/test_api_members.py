import datetime
from types import SimpleNamespace
from urllib.parse import urlencode

import pytest
from django.http import QueryDict
from django.urls import reverse

from jiceng.core.models import ChangeLog
from jiceng.members.filtersets import MemberFilterSet
from jiceng.members.models import Member
from jiceng.people.models import Person

LIST = reverse("api:member-list")


def detail(member):
    return reverse("api:member-detail", args=[member.pk])


def ids(response):
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def new_person(county, org, seq=77, birth=datetime.date(1990, 1, 2)):
    from jiceng.conftest import make_person

    return make_person("陈新", org, seq, birth=birth)


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("county_admin", {"member_a1", "member_a1b", "member_a2", "member_b1"}),
        ("township_admin_a", {"member_a1", "member_a1b", "member_a2"}),
        ("township_admin_b", {"member_b1"}),
        ("secretary_a1", {"member_a1", "member_a1b"}),
        ("member_user_a1", {"member_a1"}),
    ],
)
def test_each_role_lists_exactly_its_own_subtree(county, login, persona, expected):
    client = login(getattr(county, persona))
    assert ids(client.get(LIST)) == {getattr(county, name).pk for name in expected}


def test_anonymous_gets_no_members(county, client):
    response = client.get(LIST)
    assert response.status_code in (401, 403)
    assert "张三丰" not in response.content.decode()


def test_other_township_gets_404_for_every_method(county, login):
    client = login(county.township_admin_b)
    url = detail(county.member_a1)
    assert client.get(url).status_code == 404
    assert client.put(url, {"status": "full"}, content_type="application/json").status_code == 404
    assert client.patch(url, {"note": "x"}, content_type="application/json").status_code == 404
    assert client.delete(url).status_code == 404
    assert Member.objects.filter(pk=county.member_a1.pk, note="").exists()


def test_create_in_another_township_is_refused(county, login):
    person = new_person(county, county.village_b1)
    client = login(county.township_admin_b)
    data = {"person": person.pk, "organization": county.village_a1.pk, "status": "applicant"}
    response = client.post(LIST, data, content_type="application/json")
    assert response.status_code == 400
    assert "对象不存在" in response.json()["organization"][0]
    assert not Member.objects.filter(person=person).exists()


def test_a_person_of_another_township_cannot_be_named(county, login):
    person = new_person(county, county.village_b1)
    client = login(county.township_admin_a)
    data = {"person": person.pk, "organization": county.village_a1.pk, "status": "applicant"}
    response = client.post(LIST, data, content_type="application/json")
    assert response.status_code == 400
    assert "对象不存在" in response.json()["person"][0]


def test_secretary_creates_a_member_and_the_change_is_logged(county, login):
    person = new_person(county, county.village_a1)
    client = login(county.secretary_a1)
    data = {
        "person": person.pk,
        "organization": county.village_a1.pk,
        "status": "activist",
        "application_date": "2020-03-01",
        "activist_date": "2020-09-01",
    }
    response = client.post(LIST, data, content_type="application/json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["person_summary"]["name"] == "陈新"
    assert body["status_display"] == "入党积极分子"
    member = Member.objects.get(pk=body["id"])
    log = ChangeLog.objects.get(object_id=member.pk, action="create", content_type__model="member")
    assert log.user == county.secretary_a1


def test_moving_a_member_to_another_township_is_refused(county, login):
    client = login(county.township_admin_a)
    response = client.patch(
        detail(county.member_a1), {"organization": county.village_b1.pk}, content_type="application/json"
    )
    assert response.status_code == 400
    county.member_a1.refresh_from_db()
    assert county.member_a1.organization == county.village_a1


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"application_date": "2999-01-01"}, "application_date", "申请入党日期不能晚于今天。"),
        ({"full_date": None}, "full_date", "正式党员必须填写转正日期。"),
        ({"admission_date": "2009-01-01"}, "full_date", "转正日期不能早于入党日期。"),
        ({"application_date": "1990-01-01"}, "application_date", "申请入党时应年满18周岁"),
    ],
)
def test_the_api_refuses_what_the_form_refuses_in_the_same_words(county, login, changes, field, message):
    client = login(county.township_admin_a)
    if "admission_date" in changes:
        changes = {**changes, "full_date": "2008-01-01"}
    response = client.patch(detail(county.member_a1), changes, content_type="application/json")
    assert response.status_code == 400
    assert any(message in m for m in response.json()[field]), response.json()
    county.member_a1.refresh_from_db()
    assert county.member_a1.full_date == datetime.date(2011, 7, 1)


def test_a_person_gets_one_membership_only(county, login):
    client = login(county.township_admin_a)
    data = {"person": county.member_a1.person.pk, "organization": county.village_a1.pk, "status": "applicant"}
    response = client.post(LIST, data, content_type="application/json")
    assert response.status_code == 400
    assert "已有党员档案" in response.json()["person"][0]


def test_secretary_may_not_delete_but_township_admin_may(county, login):
    member = county.member_a1b
    response = login(county.secretary_a1).delete(detail(member))
    assert response.status_code == 403
    assert "删除" in response.json()["detail"]
    assert login(county.township_admin_a).delete(detail(member)).status_code == 204
    assert not Member.objects.filter(pk=member.pk).exists()


def test_member_reads_own_record_and_changes_nothing(county, login):
    client = login(county.member_user_a1)
    assert client.get(detail(county.member_a1)).status_code == 200
    assert client.get(detail(county.member_a1b)).status_code == 404
    response = client.patch(detail(county.member_a1), {"note": "x"}, content_type="application/json")
    assert response.status_code == 403
    assert "党员账号" in response.json()["detail"]
    person = new_person(county, county.village_a1)
    data = {"person": person.pk, "organization": county.village_a1.pk, "status": "applicant"}
    assert client.post(LIST, data, content_type="application/json").status_code == 403
    assert client.delete(detail(county.member_a1)).status_code == 403
    assert Member.objects.filter(pk=county.member_a1.pk, note="").exists()


def test_list_shows_a_person_summary_with_the_id_number_masked(county, login):
    response = login(county.secretary_a1).get(LIST, {"q": "张三丰"})
    (row,) = response.json()["results"]
    summary = row["person_summary"]
    assert summary["name"] == "张三丰"
    assert summary["id_number_masked"] == county.member_a1.person.id_number_masked
    assert county.member_a1.person.id_number not in response.content.decode()
    assert row["organization_name"] == county.village_a1.name


@pytest.mark.parametrize(
    "query",
    [
        {"q": "zsf"},
        {"q": "zhang"},
        {"q": "张"},
        {"q": "id-tail"},
        {"status": "probationary"},
        {"status": ["full", "probationary"]},
        {"age_band": "le30"},
        {"double_strong": "false"},
        {"organization": "village_a2"},
        {"organization": "village_a1", "status": "full"},
    ],
)
def test_filters_match_the_web_list(county, login, query):
    user = county.township_admin_a
    query = {k: (str(getattr(county, v).pk) if k == "organization" else v) for k, v in query.items()}
    if query.get("q") == "id-tail":
        query["q"] = county.member_a1.person.id_number[-6:]
    data = QueryDict(urlencode(query, doseq=True))
    web = MemberFilterSet(data, queryset=Member.objects.restrict(user), request=SimpleNamespace(user=user))
    assert web.is_valid()
    expected = {m.pk for m in web.qs}
    assert ids(login(user).get(LIST, query)) == expected
    assert expected or query.get("age_band")


def test_q_zsf_finds_zhang_sanfeng(county, login):
    response = login(county.county_admin).get(LIST, {"q": "zsf"})
    assert [r["person_summary"]["name"] for r in response.json()["results"]] == ["张三丰"]


def test_filtering_by_an_organisation_outside_the_subtree_is_a_400(county, login):
    response = login(county.township_admin_a).get(LIST, {"organization": county.village_b1.pk})
    assert response.status_code == 400
    assert "organization" in response.json()


def test_person_ids_and_status_are_validated_in_chinese(county, login):
    client = login(county.township_admin_a)
    response = client.post(LIST, {"person": "abc", "status": "boss"}, content_type="application/json")
    assert response.status_code == 400
    body = response.json()
    assert set(body) >= {"person", "organization", "status"}
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in msgs[0]) for msgs in body.values())
    assert Person.objects.count() == 4
