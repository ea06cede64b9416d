from django.urls import reverse

from jiceng.accounts.models import User
from jiceng.people.models import Person

from .pages import login_url_of, text

ME = reverse("members:me")


def test_a_member_sees_their_own_page_with_the_full_id_number(county, login):
    response = login(county.member_user_a1).get(ME)
    assert response.status_code == 200
    page = text(response)
    assert "张三丰" in page and "正式党员" in page and "中共桃源村支部委员会" in page
    assert county.member_a1.person.id_number in page
    assert "李小红" not in page


def test_a_member_changes_phone_address_and_education(county, login):
    client = login(county.member_user_a1)
    response = client.post(ME, {"phone": "13511112222", "address": "桃源村一组8号", "education": "college"})
    assert response.status_code == 302
    p = Person.objects.get(pk=county.member_a1.person_id)
    assert (p.phone, p.address, p.education) == ("13511112222", "桃源村一组8号", "college")
    assert "已保存" in text(client.get(ME))


def test_posting_other_fields_changes_nothing_else(county, login):
    p = county.member_a1.person
    before = (p.name, p.id_number, p.birth_date, p.sex, p.organization_id, p.household_id, p.ethnicity)
    login(county.member_user_a1).post(
        ME,
        {
            "phone": "13511112222",
            "address": "",
            "education": "",
            "name": "张冒名",
            "id_number": county.member_b1.person.id_number,
            "birth_date": "2001-01-01",
            "sex": "female",
            "organization": county.village_b1.pk,
            "household": county.household_b1.pk,
            "ethnicity": "03",
            "status": "left",
            "double_strong": "on",
        },
    )
    p.refresh_from_db()
    assert (
        p.name,
        p.id_number,
        p.birth_date,
        p.sex,
        p.organization_id,
        p.household_id,
        p.ethnicity,
    ) == before
    assert p.phone == "13511112222"
    county.member_a1.refresh_from_db()
    assert county.member_a1.status == "full" and county.member_a1.double_strong is False


def test_a_wrong_phone_number_is_explained_in_chinese(county, login):
    response = login(county.member_user_a1).post(ME, {"phone": "12345", "address": "", "education": ""})
    assert response.status_code == 200
    assert "11位手机号码" in text(response)
    assert Person.objects.get(pk=county.member_a1.person_id).phone == ""


def test_a_member_cannot_change_their_person_through_the_person_form(county, login):
    url = reverse("people:person_edit", args=[county.member_a1.person_id])
    client = login(county.member_user_a1)
    assert client.post(url, {"name": "张冒名", "organization": county.village_a1.pk}).status_code == 403
    assert Person.objects.get(pk=county.member_a1.person_id).name == "张三丰"


def test_a_user_without_a_person_gets_a_friendly_message(county, login):
    response = login(county.township_admin_a).get(ME)
    assert response.status_code == 200
    assert "还没有关联到本人的人员信息" in text(response)


def test_a_secretary_with_a_person_sees_their_own_page(county, login):
    user = User.objects.get(pk=county.secretary_a1.pk)
    user.person = county.member_a1b.person
    user.save()
    response = login(user).get(ME)
    assert response.status_code == 200
    assert "李小红" in text(response)
    assert response.context["member"] == county.member_a1b


def test_anonymous_visitors_are_sent_to_log_in(client, county):
    assert login_url_of(client.get(ME))
    assert login_url_of(client.post(ME, {"phone": "13511112222"}))
