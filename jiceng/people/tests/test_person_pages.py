import datetime

import pytest
from django.urls import reverse

from jiceng.core.context import change_context
from jiceng.members.tests.pages import login_url_of, new_id_number, person, text, years_ago
from jiceng.people.models import Person

LIST = reverse("people:person_list")
ADD = reverse("people:person_add")


def detail_url(p):
    return reverse("people:person_detail", args=[p.pk])


def edit_url(p):
    return reverse("people:person_edit", args=[p.pk])


def names(response):
    assert response.status_code == 200
    return {p.name for p in response.context["persons"]}


def data(org, **changes):
    values = {
        "name": "黄村民",
        "id_number": new_id_number(datetime.date(1975, 8, 9), 27),
        "sex": "",
        "birth_date": "",
        "ethnicity": "01",
        "education": "junior_high_below",
        "phone": "",
        "address": "桃源村二组",
        "organization": org.pk,
        "household": "",
        "note": "",
    }
    values.update(changes)
    return values


# -- list ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("county_admin", {"张三丰", "李小红", "王大明", "赵四海"}),
        ("township_admin_a", {"张三丰", "李小红", "王大明"}),
        ("township_admin_b", {"赵四海"}),
        ("secretary_a1", {"张三丰", "李小红"}),
        ("member_user_a1", {"张三丰"}),
    ],
)
def test_each_role_lists_the_persons_of_its_subtree(county, login, persona, expected):
    assert names(login(getattr(county, persona)).get(LIST)) == expected


def test_villagers_and_members_are_told_apart(county, login):
    person("黄村民", county.village_a1, 71)
    client = login(county.secretary_a1)
    assert names(client.get(LIST, {"membership": "non_member"})) == {"黄村民"}
    assert names(client.get(LIST, {"membership": "member"})) == {"张三丰", "李小红"}
    assert "群众" in text(client.get(LIST))


@pytest.mark.parametrize("query", ["zsf", "zhangsanfeng", "张三丰"])
def test_search_finds_a_person_by_name_or_pinyin(county, login, query):
    assert names(login(county.township_admin_a).get(LIST, {"q": query})) == {"张三丰"}


def test_search_finds_a_person_by_the_last_digits_of_the_id_number(county, login):
    tail = county.member_a2.person.id_number[-4:]
    assert names(login(county.township_admin_a).get(LIST, {"q": tail})) == {"王大明"}


def test_filters_by_sex_age_education_and_organisation(county, login):
    young = person("林青", county.village_a1, 73, birth=years_ago(22), education="university")
    client = login(county.county_admin)
    assert names(client.get(LIST, {"sex": "female"})) == {"李小红"}
    assert young.name in names(client.get(LIST, {"age_band": "le30"}))
    assert "张三丰" not in names(client.get(LIST, {"age_band": "le30"}))
    assert names(client.get(LIST, {"education": "university"})) == {"林青"}
    assert names(client.get(LIST, {"organization": county.village_a2.pk})) == {"王大明"}


@pytest.mark.parametrize(
    "query", ["?page=abc", "?age_band=zzz", "?organization=notanumber", "?sex=x&membership=y&education=z"]
)
def test_garbage_query_strings_never_fail(county, login, query):
    assert login(county.township_admin_a).get(LIST + query).status_code == 200


def test_the_list_query_count_does_not_depend_on_the_rows(county, login, django_assert_max_num_queries):
    for i in range(30):
        person(f"村民{i:02d}", county.village_a1, 600 + i)
    client = login(county.secretary_a1)
    with django_assert_max_num_queries(6):
        assert len(client.get(LIST).context["persons"]) == 32


def test_anonymous_visitors_are_sent_to_log_in(client, county):
    assert login_url_of(client.get(LIST))
    assert login_url_of(client.get(detail_url(county.member_a1.person)))


# -- page ----------------------------------------------------------------------------------------


def test_the_page_shows_household_membership_and_posts(county, login):
    p = county.member_a1.person
    p.household = county.household_a1
    p.save()
    response = login(county.secretary_a1).get(detail_url(p))
    page = text(response)
    assert "张三丰户" in page and "户主" in page
    assert (
        "正式党员" in page
        and reverse("members:detail", args=[county.member_a1.pk]) in response.content.decode()
    )
    assert "党组织书记" in page
    assert p.id_number in page


def test_a_villager_page_offers_to_record_a_membership(county, login):
    villager = person("黄村民", county.village_a1, 71)
    page = login(county.secretary_a1).get(detail_url(villager)).content.decode()
    assert f"{reverse('members:add')}?person={villager.pk}" in page


def test_the_page_history_includes_the_membership(county, login):
    with change_context(user=county.secretary_a1):
        county.member_a1.double_strong = True
        county.member_a1.save()
    response = login(county.township_admin_a).get(detail_url(county.member_a1.person))
    assert any(row.content_type.model == "member" for row in response.context["history"])


def test_a_member_sees_their_own_person_page_masked_and_without_history(county, login):
    response = login(county.member_user_a1).get(detail_url(county.member_a1.person))
    assert response.status_code == 200
    assert county.member_a1.person.id_number not in response.content.decode()
    assert response.context["history"] is None
    assert login(county.member_user_a1).get(detail_url(county.member_a1b.person)).status_code == 404


def test_another_township_gets_404_on_page_and_edit(county, login):
    p = county.member_a1.person
    client = login(county.township_admin_b)
    assert client.get(detail_url(p)).status_code == 404
    assert client.get(edit_url(p)).status_code == 404
    assert (
        client.post(edit_url(p), data(county.village_b1, name="改名", id_number=p.id_number)).status_code
        == 404
    )
    p.refresh_from_db()
    assert p.name == "张三丰"


# -- create and edit -----------------------------------------------------------------------------


def test_a_secretary_adds_a_villager(county, login):
    response = login(county.secretary_a1).post(ADD, data(county.village_a1))
    assert response.status_code == 302
    p = Person.objects.get(name="黄村民")
    assert response["Location"] == detail_url(p)
    assert p.birth_date == datetime.date(1975, 8, 9) and p.sex == "male"


def test_a_villager_joins_a_household_from_the_add_link(county, login):
    client = login(county.secretary_a1)
    response = client.get(ADD, {"household": county.household_a1.pk})
    assert response.context["form"].initial["household"] == county.household_a1.pk
    assert client.post(ADD, data(county.village_a1, household=county.household_a1.pk)).status_code == 302
    assert Person.objects.get(name="黄村民").household == county.household_a1


def test_a_bad_id_number_is_explained_and_nothing_is_saved(county, login):
    response = login(county.secretary_a1).post(ADD, data(county.village_a1, id_number="43012119750809027"))
    assert response.status_code == 200
    assert "身份证号应为18位，现为17位" in text(response)
    assert not Person.objects.filter(name="黄村民").exists()


def test_a_duplicate_id_number_links_to_the_person_recorded(county, login):
    response = login(county.secretary_a1).post(
        ADD, data(county.village_a1, id_number=county.member_a1b.person.id_number)
    )
    assert "已登记为正式党员" in text(response)
    assert reverse("members:detail", args=[county.member_a1b.pk]) in response.content.decode()


def test_an_organisation_or_household_outside_the_scope_is_refused(county, login):
    client = login(county.township_admin_a)
    response = client.post(ADD, data(county.village_b1))
    assert "organization" in response.context["form"].errors
    response = client.post(ADD, data(county.village_a1, household=county.household_b1.pk))
    assert "household" in response.context["form"].errors
    assert not Person.objects.filter(name="黄村民").exists()


def test_editing_a_person_keeps_the_id_number_rules(county, login):
    p = county.member_a1b.person
    values = data(p.organization, name=p.name, id_number=p.id_number, birth_date="1995-03-09")
    response = login(county.secretary_a1).post(edit_url(p), values)
    assert "出生日期与身份证号不一致" in text(response)
    values["birth_date"] = ""
    values["phone"] = "13900001111"
    assert login(county.secretary_a1).post(edit_url(p), values).status_code == 302
    p.refresh_from_db()
    assert p.phone == "13900001111" and p.birth_date == datetime.date(1995, 3, 8)


def test_a_member_may_not_add_or_edit_persons(county, login):
    client = login(county.member_user_a1)
    assert client.get(ADD).status_code == 403
    assert client.post(ADD, data(county.village_a1)).status_code == 403
    assert not Person.objects.filter(name="黄村民").exists()
