import datetime

import pytest
from django.urls import reverse

from jiceng.core.models import ChangeLog
from jiceng.members.models import Member
from jiceng.people.models import Person

from .pages import login_url_of, new_id_number, person, text, years_ago

ADD = reverse("members:add")
BIRTH = datetime.date(1990, 4, 12)


def edit_url(member):
    return reverse("members:edit", args=[member.pk])


def form_data(org, *, id_number=None, name="陈新民", **changes):
    data = {
        "person-name": name,
        "person-id_number": id_number if id_number is not None else new_id_number(BIRTH, 15),
        "person-sex": "",
        "person-birth_date": "",
        "person-ethnicity": "01",
        "person-education": "senior_high",
        "person-phone": "13812345678",
        "person-address": "桃源村五组",
        "person-household": "",
        "person-note": "",
        "member-organization": org.pk,
        "member-status": "full",
        "member-application_date": "2012-05-01",
        "member-activist_date": "",
        "member-candidate_date": "",
        "member-admission_date": "2013-07-01",
        "member-full_date": "2014-07-01",
        "member-left_date": "",
        "member-occupation": "farmer",
        "member-added_how": "developed",
        "member-note": "",
    }
    data.update(changes)
    return data


def edit_data(member, **changes):
    p = member.person
    data = form_data(
        member.organization,
        id_number=p.id_number or "",
        name=p.name,
        **{
            "person-sex": p.sex,
            "person-birth_date": p.birth_date.isoformat() if p.birth_date else "",
            "person-education": p.education,
            "person-phone": p.phone,
            "person-address": p.address,
            "member-status": member.status,
            "member-application_date": "",
            "member-admission_date": member.admission_date.isoformat() if member.admission_date else "",
            "member-full_date": member.full_date.isoformat() if member.full_date else "",
            "member-occupation": member.occupation,
        },
    )
    data.update(changes)
    return data


def counts():
    return Person.objects.count(), Member.objects.count()


def errors(response):
    assert response.status_code == 200, response.status_code
    ctx = response.context
    out = {}
    for prefix, form in (("person", ctx["person_form"]), ("member", ctx["member_form"])):
        for field, messages in form.errors.items():
            out[f"{prefix}.{field}"] = " ".join(messages)
    return out


# -- creating ------------------------------------------------------------------------------------


def test_a_secretary_adds_a_member_with_the_person_in_one_form(county, login):
    before = counts()
    response = login(county.secretary_a1).post(ADD, form_data(county.village_a1))
    assert response.status_code == 302
    assert counts() == (before[0] + 1, before[1] + 1)
    member = Member.objects.get(person__name="陈新民")
    assert response["Location"] == reverse("members:detail", args=[member.pk])
    assert member.organization == county.village_a1
    assert member.person.organization == county.village_a1  # the person is managed where the member is
    assert member.person.birth_date == BIRTH  # filled from the ID number
    assert member.person.sex == "male"
    assert member.person.name_initials == "cxm"
    assert ChangeLog.objects.filter(object_id=member.pk, action="create", user=county.secretary_a1).exists()


def test_the_add_page_opens_for_staff(county, login):
    for persona in ("county_admin", "township_admin_a", "secretary_a1"):
        response = login(getattr(county, persona)).get(ADD)
        assert response.status_code == 200
        assert "人员信息" in text(response) and "党籍信息" in text(response)


def test_typed_chinese_dates_are_accepted(county, login):
    data = form_data(
        county.village_a1,
        **{
            "member-application_date": "2012年5月1日",
            "member-admission_date": "2013/7/1",
            "member-full_date": "２０１４．７．１",
        },
    )
    assert login(county.secretary_a1).post(ADD, data).status_code == 302
    member = Member.objects.get(person__name="陈新民")
    assert member.application_date == datetime.date(2012, 5, 1)
    assert member.admission_date == datetime.date(2013, 7, 1)
    assert member.full_date == datetime.date(2014, 7, 1)


def test_a_date_that_is_not_one_is_named_in_chinese(county, login):
    data = form_data(county.village_a1, **{"member-admission_date": "去年七月"})
    found = errors(login(county.secretary_a1).post(ADD, data))
    assert "日期格式不对" in found["member.admission_date"]


def test_a_bad_id_checksum_is_an_error_and_saves_nothing(county, login):
    number = new_id_number(BIRTH, 15)
    wrong = number[:-1] + ("0" if number[-1] != "0" else "1")
    before = counts()
    response = login(county.secretary_a1).post(ADD, form_data(county.village_a1, id_number=wrong))
    assert "校验位错误" in errors(response)["person.id_number"]
    assert counts() == before
    assert "本次没有保存任何内容" in text(response)


def test_a_birth_date_that_disagrees_with_the_id_number_is_an_error(county, login):
    before = counts()
    data = form_data(county.village_a1, **{"person-birth_date": "1990-04-13"})
    found = errors(login(county.secretary_a1).post(ADD, data))
    assert "出生日期与身份证号不一致" in found["person.birth_date"]
    assert counts() == before


def test_a_sex_that_disagrees_with_the_id_number_is_an_error(county, login):
    data = form_data(county.village_a1, **{"person-sex": "female"})
    assert "性别与身份证号不一致" in errors(login(county.secretary_a1).post(ADD, data))["person.sex"]


def test_an_application_before_eighteen_is_an_error_and_saves_nothing(county, login):
    birth = years_ago(20)
    data = form_data(
        county.village_a1,
        id_number=new_id_number(birth, 17),
        **{
            "member-status": "applicant",
            "member-application_date": years_ago(3).isoformat(),
            "member-admission_date": "",
            "member-full_date": "",
        },
    )
    before = counts()
    found = errors(login(county.secretary_a1).post(ADD, data))
    assert "申请入党时应年满18周岁" in found["member.application_date"]
    assert counts() == before  # the person saved to check the rule was rolled back
    assert not ChangeLog.objects.filter(object_repr="陈新民").exists()


def test_an_admission_before_eighteen_is_an_error_and_saves_nothing(county, login):
    birth = years_ago(20)
    data = form_data(
        county.village_a1,
        id_number=new_id_number(birth, 19),
        **{
            "member-status": "probationary",
            "member-application_date": "",
            "member-admission_date": years_ago(3).isoformat(),
            "member-full_date": "",
            "member-added_how": "other",
        },
    )
    before = counts()
    found = errors(login(county.secretary_a1).post(ADD, data))
    assert "入党时应年满18周岁" in found["member.admission_date"]
    assert counts() == before


def test_dates_out_of_order_are_an_error_on_the_right_field(county, login):
    data = form_data(county.village_a1, **{"member-admission_date": "2011-07-01"})
    data["member-application_date"] = "2012-05-01"
    found = errors(login(county.secretary_a1).post(ADD, data))
    assert "入党日期不能早于申请入党日期" in found["member.admission_date"]


def test_a_full_member_needs_the_full_date(county, login):
    data = form_data(county.village_a1, **{"member-full_date": ""})
    assert "转正日期" in errors(login(county.secretary_a1).post(ADD, data))["member.full_date"]


def test_an_organisation_outside_the_scope_is_refused(county, login):
    before = counts()
    found = errors(login(county.secretary_a1).post(ADD, form_data(county.village_b1)))
    assert "member.organization" in found
    assert counts() == before


def test_a_forged_household_outside_the_scope_is_refused(county, login):
    data = form_data(county.village_a1, **{"person-household": county.household_b1.pk})
    assert "person.household" in errors(login(county.township_admin_a).post(ADD, data))


def test_an_id_number_of_a_person_in_scope_attaches_to_that_person(county, login):
    villager = person("刘乡亲", county.village_a1, 81, birth=BIRTH, phone="13600000000", address="老屋场")
    before = counts()
    data = form_data(
        county.village_a1,
        id_number=villager.id_number,
        name="刘乡亲",
        **{"person-phone": "", "person-address": "新屋场"},
    )
    response = login(county.secretary_a1).post(ADD, data, follow=True)
    assert counts() == (before[0], before[1] + 1)  # no second person
    villager.refresh_from_db()
    assert villager.membership.status == "full"
    assert villager.phone == "13600000000"  # left blank: the stored value stays
    assert villager.address == "新屋场"  # filled in: replaces it
    assert "未重复新增人员" in text(response)


def test_an_id_number_of_an_existing_member_says_so_with_a_link(county, login):
    before = counts()
    data = form_data(county.village_a1, id_number=county.member_a1b.person.id_number, name="李小红")
    response = login(county.secretary_a1).post(ADD, data)
    assert "已登记为正式党员" in errors(response)["person.id_number"]
    assert reverse("members:detail", args=[county.member_a1b.pk]) in response.content.decode()
    assert counts() == before


def test_an_id_number_recorded_outside_the_scope_is_refused_without_details(county, login):
    data = form_data(county.village_a1, id_number=county.member_b1.person.id_number, name="赵四海")
    response = login(county.township_admin_a).post(ADD, data)
    assert "管理范围以外" in errors(response)["person.id_number"]
    assert "柳溪村" not in response.content.decode()


def test_a_person_page_link_prefills_the_person(county, login):
    villager = person("何村民", county.village_a1, 83)
    client = login(county.secretary_a1)
    response = client.get(ADD, {"person": villager.pk})
    assert response.context["person_form"].instance == villager
    assert response.context["member_form"].initial["organization"] == county.village_a1.pk
    data = form_data(
        county.village_a1,
        id_number=villager.id_number,
        name="何村民",
        person_pk=villager.pk,
        **{"member-status": "applicant", "member-admission_date": "", "member-full_date": ""},
    )
    assert client.post(ADD, data).status_code == 302
    assert Member.objects.get(person=villager).status == "applicant"


def test_a_person_outside_the_scope_cannot_be_prefilled(county, login):
    outsider = person("外乡人", county.village_b1, 85)
    response = login(county.township_admin_a).get(ADD, {"person": outsider.pk})
    assert response.context["person_form"].instance.pk is None


# -- editing -------------------------------------------------------------------------------------


def test_editing_changes_person_and_member_together(county, login):
    m = county.member_a1
    data = edit_data(m, **{"person-phone": "13700001111", "member-double_strong": "on"})
    response = login(county.secretary_a1).post(edit_url(m), data)
    assert response.status_code == 302
    m.refresh_from_db()
    m.person.refresh_from_db()
    assert m.double_strong is True
    assert m.person.phone == "13700001111"


def test_moving_a_member_moves_the_person_managed_with_it(county, login):
    m = county.member_a2
    data = edit_data(m, **{"member-organization": county.village_a1.pk})
    assert login(county.township_admin_a).post(edit_url(m), data).status_code == 302
    m.refresh_from_db()
    m.person.refresh_from_db()
    assert m.organization == county.village_a1
    assert m.person.organization == county.village_a1


def test_an_edit_with_errors_changes_nothing(county, login):
    m = county.member_a1
    data = edit_data(m, **{"person-phone": "13700001111", "member-full_date": "2009-01-01"})
    found = errors(login(county.secretary_a1).post(edit_url(m), data))
    assert "转正日期不能早于入党日期" in found["member.full_date"]
    m.person.refresh_from_db()
    assert m.person.phone == ""


def test_a_secretary_cannot_move_a_member_out_of_the_village(county, login):
    m = county.member_a1
    data = edit_data(m, **{"member-organization": county.village_a2.pk})
    assert "member.organization" in errors(login(county.secretary_a1).post(edit_url(m), data))
    m.refresh_from_db()
    assert m.organization == county.village_a1


def test_another_township_gets_404_on_edit_and_changes_nothing(county, login):
    m = county.member_a1
    client = login(county.township_admin_b)
    assert client.get(edit_url(m)).status_code == 404
    data = edit_data(m, **{"member-organization": county.village_b1.pk, "person-phone": "13700001111"})
    assert client.post(edit_url(m), data).status_code == 404
    m.refresh_from_db()
    assert m.organization == county.village_a1


@pytest.mark.parametrize("url_name", ["members:add", "members:edit"])
def test_a_member_may_not_use_the_full_form(county, login, url_name):
    args = [county.member_a1.pk] if url_name == "members:edit" else []
    client = login(county.member_user_a1)
    assert client.get(reverse(url_name, args=args)).status_code == 403
    data = edit_data(county.member_a1, **{"member-status": "probationary"})
    assert client.post(reverse(url_name, args=args), data).status_code == 403
    county.member_a1.refresh_from_db()
    assert county.member_a1.status == "full"


def test_anonymous_visitors_are_sent_to_log_in(client, county):
    assert login_url_of(client.get(ADD))
    assert login_url_of(client.post(edit_url(county.member_a1), {}))


def test_an_empty_post_names_the_required_fields(county, login):
    found = errors(login(county.secretary_a1).post(ADD, {}))
    assert "person.name" in found and "member.organization" in found and "member.status" in found


# -- deleting ------------------------------------------------------------------------------------


def test_a_township_admin_deletes_a_member_and_keeps_the_person(county, login):
    m = county.member_a1b
    client = login(county.township_admin_a)
    delete = reverse("members:delete", args=[m.pk])
    assert "确认删除" in text(client.get(delete))
    assert client.post(delete).status_code == 302
    assert not Member.objects.filter(pk=m.pk).exists()
    assert Person.objects.filter(pk=m.person_id).exists()


def test_a_secretary_may_not_delete(county, login):
    delete = reverse("members:delete", args=[county.member_a1b.pk])
    assert login(county.secretary_a1).post(delete).status_code == 403
    assert Member.objects.filter(pk=county.member_a1b.pk).exists()


def test_another_township_gets_404_on_delete(county, login):
    delete = reverse("members:delete", args=[county.member_a1b.pk])
    assert login(county.township_admin_b).post(delete).status_code == 404
    assert Member.objects.filter(pk=county.member_a1b.pk).exists()
