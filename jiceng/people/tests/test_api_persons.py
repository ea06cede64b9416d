import datetime

import pytest
from django.urls import reverse

from jiceng.conftest import make_person
from jiceng.core.models import ChangeLog
from jiceng.people import idnumber
from jiceng.people.forms import PersonFilterForm
from jiceng.people.models import Person

LIST = reverse("api:person-list")


def detail(person):
    return reverse("api:person-detail", args=[person.pk])


def ids(response):
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def persons(county, *names):
    return {getattr(county, name).person.pk for name in names}


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("county_admin", ("member_a1", "member_a1b", "member_a2", "member_b1")),
        ("township_admin_a", ("member_a1", "member_a1b", "member_a2")),
        ("township_admin_b", ("member_b1",)),
        ("secretary_a1", ("member_a1", "member_a1b")),
        ("member_user_a1", ("member_a1",)),
    ],
)
def test_each_role_lists_its_own_people(county, login, persona, expected):
    assert ids(login(getattr(county, persona)).get(LIST)) == persons(county, *expected)


def test_anonymous_is_refused(county, client):
    assert client.get(LIST).status_code in (401, 403)


def test_lists_mask_the_id_number(county, login):
    response = login(county.county_admin).get(LIST)
    body = response.content.decode()
    for person in Person.objects.all():
        assert person.id_number not in body
    row = response.json()["results"][0]
    assert "id_number" not in row
    assert row["id_number_masked"].count("*") == 11


def test_detail_shows_the_full_id_number_to_who_may_change_it(county, login):
    person = county.member_a1.person
    response = login(county.secretary_a1).get(detail(person))
    assert response.json()["id_number"] == person.id_number


def test_detail_hides_the_id_number_from_who_may_not_change_it(county, login):
    from jiceng.accounts.models import User

    reader = User.objects.create_user(
        username="reader", password="x", organization=county.village_a1, role="member"
    )
    reader.person = county.member_a1b.person
    reader.save()
    response = login(reader).get(detail(county.member_a1b.person))
    assert response.status_code == 200
    # A member changes their own contact fields, so they see their own number; nobody else's.
    assert response.json()["id_number"] == county.member_a1b.person.id_number
    assert login(reader).get(detail(county.member_a1.person)).status_code == 404


@pytest.mark.parametrize(
    ("q", "expected"),
    [("zsf", "member_a1"), ("zhangsanfeng", "member_a1"), ("三丰", "member_a1"), ("LXH", "member_a1b")],
)
def test_q_searches_name_pinyin_and_initials(county, login, q, expected):
    assert ids(login(county.county_admin).get(LIST, {"q": q})) == persons(county, expected)


def test_q_searches_the_id_number_tail(county, login):
    tail = county.member_a2.person.id_number[-6:]
    assert ids(login(county.county_admin).get(LIST, {"q": tail})) == persons(county, "member_a2")


def test_other_township_gets_404_for_every_method(county, login):
    client = login(county.township_admin_b)
    url = detail(county.member_a1.person)
    assert client.get(url).status_code == 404
    assert client.put(url, {"name": "x"}, content_type="application/json").status_code == 404
    assert client.patch(url, {"phone": "13900000000"}, content_type="application/json").status_code == 404
    assert client.delete(url).status_code == 404
    assert Person.objects.filter(pk=county.member_a1.person.pk, phone="").exists()


def test_create_in_another_township_is_refused(county, login):
    client = login(county.township_admin_b)
    response = client.post(
        LIST, {"name": "钱七", "organization": county.village_a1.pk}, content_type="application/json"
    )
    assert response.status_code == 400
    assert "对象不存在" in response.json()["organization"][0]
    assert not Person.objects.filter(name="钱七").exists()


def test_create_takes_birth_date_and_sex_from_the_id_number(county, login):
    number = idnumber.make("430121", datetime.date(1988, 8, 8), 62)
    client = login(county.secretary_a1)
    data = {"name": " 钱七 ", "id_number": number.lower(), "organization": county.village_a1.pk}
    response = client.post(LIST, data, content_type="application/json")
    assert response.status_code == 201, response.content
    person = Person.objects.get(pk=response.json()["id"])
    assert (person.name, person.birth_date, person.sex) == ("钱七", datetime.date(1988, 8, 8), "female")
    assert person.name_initials == "qq"
    assert response.json()["id_number"] == number


def test_a_bad_or_repeated_id_number_is_explained(county, login):
    client = login(county.township_admin_a)
    number = county.member_a1.person.id_number
    data = {
        "name": "钱七",
        "id_number": number[:-1] + ("0" if number[-1] != "0" else "1"),
        "organization": county.village_a1.pk,
    }
    response = client.post(LIST, data, content_type="application/json")
    assert response.status_code == 400
    assert "校验位" in response.json()["id_number"][0]
    data["id_number"] = number
    response = client.post(LIST, data, content_type="application/json")
    assert "张三丰" in response.json()["id_number"][0]
    data["id_number"] = county.member_b1.person.id_number
    response = client.post(LIST, data, content_type="application/json")
    message = response.json()["id_number"][0]
    assert "其他党组织" in message and "赵四海" not in message


def test_inconsistent_birth_date_is_refused_like_the_form(county, login):
    client = login(county.secretary_a1)
    response = client.patch(
        detail(county.member_a1.person), {"birth_date": "1981-01-01"}, content_type="application/json"
    )
    assert response.status_code == 400
    assert "出生日期与身份证号不一致" in response.json()["birth_date"][0]


def test_member_patches_own_phone_address_and_education(county, login):
    client = login(county.member_user_a1)
    person = county.member_a1.person
    data = {"phone": "13912345678", "address": "桃源村三组", "education": "senior_high"}
    response = client.patch(detail(person), data, content_type="application/json")
    assert response.status_code == 200, response.content
    person.refresh_from_db()
    assert (person.phone, person.address, person.education) == ("13912345678", "桃源村三组", "senior_high")
    log = ChangeLog.objects.filter(object_id=person.pk, action="update", content_type__model="person").latest(
        "id"
    )
    assert log.user == county.member_user_a1


def test_member_is_refused_other_fields_as_a_whole(county, login):
    client = login(county.member_user_a1)
    person = county.member_a1.person
    response = client.patch(
        detail(person), {"phone": "13912345678", "name": "张三"}, content_type="application/json"
    )
    assert response.status_code == 403
    assert "姓名（name）" in response.json()["detail"]
    person.refresh_from_db()
    assert (person.name, person.phone) == ("张三丰", "")


def test_member_cannot_put_create_delete_or_touch_others(county, login):
    client = login(county.member_user_a1)
    person = county.member_a1.person
    assert (
        client.put(detail(person), {"phone": "13912345678"}, content_type="application/json").status_code
        == 403
    )
    assert (
        client.post(
            LIST, {"name": "x", "organization": county.village_a1.pk}, content_type="application/json"
        ).status_code
        == 403
    )
    assert client.delete(detail(person)).status_code == 403
    other = county.member_a1b.person
    assert (
        client.patch(detail(other), {"phone": "13912345678"}, content_type="application/json").status_code
        == 404
    )


def test_a_bad_phone_is_explained(county, login):
    client = login(county.member_user_a1)
    response = client.patch(
        detail(county.member_a1.person), {"phone": "12345"}, content_type="application/json"
    )
    assert response.status_code == 400
    assert "手机号码" in response.json()["phone"][0]


def test_deleting_a_person_with_a_membership_is_a_409(county, login):
    response = login(county.township_admin_a).delete(detail(county.member_a1.person))
    assert response.status_code == 409
    assert "不能删除" in response.json()["detail"]


@pytest.mark.parametrize(
    "query",
    [
        {"q": "zsf"},
        {"q": "ｚｓｆ"},
        {"q": "李"},
        {"sex": "male"},
        {"age_band": "ge61"},
        {"age_band": "41_45"},
        {"education": "university"},
        {"membership": "member"},
        {"membership": "non_member"},
        {"organization": "village_a2"},
    ],
)
def test_filters_match_the_web_list(county, login, query):
    make_person("孙老汉", county.village_a1, 88, birth=datetime.date(1950, 2, 2))
    user = county.township_admin_a
    query = {k: (str(getattr(county, v).pk) if k == "organization" else v) for k, v in query.items()}
    form = PersonFilterForm(query, user=user)
    expected = {p.pk for p in form.filter(Person.objects.restrict(user))}
    assert ids(login(user).get(LIST, query)) == expected


def test_losing_a_race_for_an_id_number_is_a_409_not_a_500(county, login, monkeypatch):
    from jiceng.people.api.serializers import PersonSerializer

    # Another request registers the number between the serializer's check and the save.
    monkeypatch.setattr(PersonSerializer, "validate_id_number", lambda self, value: value)
    data = {
        "name": "钱七",
        "id_number": county.member_a1.person.id_number,
        "organization": county.village_a1.pk,
    }
    response = login(county.township_admin_a).post(LIST, data, content_type="application/json")
    assert response.status_code == 409
    assert "冲突" in response.json()["detail"]
    assert not Person.objects.filter(name="钱七").exists()
