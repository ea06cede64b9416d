import pytest
from django.urls import reverse

from jiceng.members.tests.pages import login_url_of, person, text
from jiceng.people.models import Household, Person

LIST = reverse("people:household_list")
ADD = reverse("people:household_add")
SEARCH = reverse("people:household_search")


def detail_url(h):
    return reverse("people:household_detail", args=[h.pk])


def edit_url(h):
    return reverse("people:household_edit", args=[h.pk])


def delete_url(h):
    return reverse("people:household_delete", args=[h.pk])


def names(response):
    assert response.status_code == 200
    return {h.name for h in response.context["households"]}


def data(org, **changes):
    values = {
        "name": "黄村民户",
        "head": "",
        "organization": org.pk,
        "region": "",
        "address": "桃源村二组",
        "size": "4",
        "note": "",
    }
    values.update(changes)
    return values


# -- list ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("county_admin", {"张三丰户", "赵四海户"}),
        ("township_admin_a", {"张三丰户"}),
        ("township_admin_b", {"赵四海户"}),
        ("secretary_a1", {"张三丰户"}),
    ],
)
def test_each_role_lists_the_households_of_its_subtree(county, login, persona, expected):
    assert names(login(getattr(county, persona)).get(LIST)) == expected


def test_a_member_lists_only_their_own_household(county, login):
    client = login(county.member_user_a1)
    assert names(client.get(LIST)) == set()
    p = county.member_a1.person
    p.household = county.household_a1
    p.save()
    assert names(client.get(LIST)) == {"张三丰户"}


def test_filters_by_hardship_organisation_and_name(county, login):
    Household.objects.create(name="王大明户", organization=county.group_a2, is_hardship=True)
    client = login(county.township_admin_a)
    assert names(client.get(LIST, {"hardship": "yes"})) == {"王大明户"}
    assert names(client.get(LIST, {"hardship": "no"})) == {"张三丰户"}
    assert names(client.get(LIST, {"organization": county.village_a2.pk})) == {"王大明户"}
    assert names(client.get(LIST, {"q": "王大"})) == {"王大明户"}
    assert names(client.get(LIST, {"q": "zsf"})) == {"张三丰户"}  # by the head's pinyin


def test_the_list_counts_the_people_recorded_in_each_household(county, login):
    for i in range(3):
        person(f"张家{i}", county.village_a1, 700 + i, household=county.household_a1)
    response = login(county.secretary_a1).get(LIST)
    assert [h.people_count for h in response.context["households"]] == [3]


@pytest.mark.parametrize(
    "query", ["?page=abc", "?hardship=maybe", "?organization=notanumber", "?q=" + "x" * 300]
)
def test_garbage_query_strings_never_fail(county, login, query):
    assert login(county.township_admin_a).get(LIST + query).status_code == 200


def test_the_list_query_count_does_not_depend_on_the_rows(county, login, django_assert_max_num_queries):
    for i in range(30):
        Household.objects.create(name=f"农户{i:02d}", organization=county.village_a1)
    client = login(county.secretary_a1)
    with django_assert_max_num_queries(6):
        assert len(client.get(LIST).context["households"]) == 31


def test_anonymous_visitors_are_sent_to_log_in(client, county):
    assert login_url_of(client.get(LIST))
    assert login_url_of(client.get(detail_url(county.household_a1)))


# -- page ----------------------------------------------------------------------------------------


def test_the_page_shows_the_head_and_the_people_of_the_household(county, login):
    person("张小丰", county.village_a1, 75, household=county.household_a1)
    person("王外户", county.village_a1, 77)
    page = text(login(county.secretary_a1).get(detail_url(county.household_a1)))
    assert "户主 张三丰" in page
    assert "张小丰" in page and "王外户" not in page


def test_another_township_gets_404_on_page_edit_and_delete(county, login):
    h = county.household_a1
    client = login(county.township_admin_b)
    assert client.get(detail_url(h)).status_code == 404
    assert client.get(edit_url(h)).status_code == 404
    assert client.post(edit_url(h), data(county.village_b1, name="改名户")).status_code == 404
    assert client.post(delete_url(h)).status_code == 404
    h.refresh_from_db()
    assert h.name == "张三丰户"


# -- create, edit, delete ------------------------------------------------------------------------


def test_a_secretary_adds_a_household_and_its_head_joins_it(county, login):
    head = person("黄村民", county.village_a1, 79)
    response = login(county.secretary_a1).post(ADD, data(county.village_a1, head=head.pk))
    assert response.status_code == 302
    h = Household.objects.get(name="黄村民户")
    assert response["Location"] == detail_url(h)
    assert h.head == head and h.size == 4
    head.refresh_from_db()
    assert head.household == h


def test_a_head_can_be_typed_without_script(county, login):
    head = person("黄村民", county.village_a1, 79)
    assert login(county.secretary_a1).post(ADD, data(county.village_a1, head_q="hcm")).status_code == 302
    assert Household.objects.get(name="黄村民户").head == head


def test_a_head_or_organisation_outside_the_scope_is_refused(county, login):
    client = login(county.township_admin_a)
    response = client.post(ADD, data(county.village_a1, head=county.member_b1.person.pk))
    assert "head" in response.context["form"].errors
    response = client.post(ADD, data(county.village_b1))
    assert "organization" in response.context["form"].errors
    assert not Household.objects.filter(name="黄村民户").exists()


def test_an_absurd_household_size_is_explained(county, login):
    response = login(county.secretary_a1).post(ADD, data(county.village_a1, size="500"))
    assert "家庭人口应在1至99人之间" in text(response)
    response = login(county.secretary_a1).post(ADD, data(county.village_a1, size="四"))
    assert "size" in response.context["form"].errors
    assert not Household.objects.filter(name="黄村民户").exists()


def test_a_secretary_marks_a_hardship_household(county, login):
    h = county.household_a1
    values = data(county.village_a1, name=h.name, head=h.head_id, is_hardship="on")
    assert login(county.secretary_a1).post(edit_url(h), values).status_code == 302
    h.refresh_from_db()
    assert h.is_hardship is True


def test_only_roles_that_may_delete_delete_a_household_and_its_people_stay(county, login):
    h = county.household_a1
    member_of_it = person("张小丰", county.village_a1, 75, household=h)
    assert login(county.secretary_a1).post(delete_url(h)).status_code == 403
    assert login(county.member_user_a1).post(delete_url(h)).status_code == 403
    assert login(county.township_admin_a).post(delete_url(h)).status_code == 302
    assert not Household.objects.filter(pk=h.pk).exists()
    member_of_it.refresh_from_db()
    assert member_of_it.household is None
    assert Person.objects.filter(pk=h.head_id).exists()


def test_a_member_may_not_add_households(county, login):
    assert login(county.member_user_a1).post(ADD, data(county.village_a1)).status_code == 403


# -- search (JSON) -------------------------------------------------------------------------------


def test_household_search_answers_the_scope_only(county, login):
    assert [r["name"] for r in login(county.secretary_a1).get(SEARCH, {"q": "张三"}).json()["results"]] == [
        "张三丰户"
    ]
    assert login(county.township_admin_b).get(SEARCH, {"q": "张三"}).json()["results"] == []
    assert login(county.secretary_a1).get(SEARCH).json() == {"results": [], "more": False}
