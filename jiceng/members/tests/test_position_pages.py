import datetime

import pytest
from django.urls import reverse

from jiceng.members.models import Position

from .pages import login_url_of, person, text

LIST = reverse("members:position_list")
ADD = reverse("members:position_add")


def edit_url(position):
    return reverse("members:position_edit", args=[position.pk])


def delete_url(position):
    return reverse("members:position_delete", args=[position.pk])


def listed(response):
    assert response.status_code == 200
    return {(p.person.name, p.title) for p in response.context["positions"]}


def data(chosen, org, **changes):
    values = {
        "person": chosen.pk if chosen else "",
        "organization": org.pk,
        "title": "organization_member",
        "start_date": "2021-01-15",
        "end_date": "",
        "note": "",
    }
    values.update(changes)
    return values


@pytest.fixture
def past_post(county):
    return Position.objects.create(
        person=county.member_a1b.person,
        organization=county.village_a1,
        title="village_chair",
        start_date=datetime.date(2015, 1, 1),
        end_date=datetime.date(2020, 12, 31),
    )


# -- list ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("county_admin", {("张三丰", "secretary"), ("赵四海", "secretary")}),
        ("township_admin_a", {("张三丰", "secretary")}),
        ("township_admin_b", {("赵四海", "secretary")}),
        ("secretary_a1", {("张三丰", "secretary")}),
        ("member_user_a1", {("张三丰", "secretary")}),
    ],
)
def test_each_role_lists_the_posts_of_its_subtree(county, login, persona, expected):
    assert listed(login(getattr(county, persona)).get(LIST)) == expected


def test_the_list_shows_current_posts_unless_asked_otherwise(county, login, past_post):
    client = login(county.secretary_a1)
    assert listed(client.get(LIST)) == {("张三丰", "secretary")}
    assert listed(client.get(LIST, {"period": "ended"})) == {("李小红", "village_chair")}
    assert listed(client.get(LIST, {"period": "all"})) == {
        ("张三丰", "secretary"),
        ("李小红", "village_chair"),
    }


def test_the_list_filters_by_title_organisation_and_name(county, login, past_post):
    Position.objects.create(
        person=county.member_a2.person,
        organization=county.group_a2,
        title="secretary",
        start_date=datetime.date(2022, 1, 1),
    )
    client = login(county.county_admin)
    assert listed(client.get(LIST, {"organization": county.village_a2.pk})) == {("王大明", "secretary")}
    assert listed(client.get(LIST, {"organization": county.town_a.pk, "title": "secretary"})) == {
        ("张三丰", "secretary"),
        ("王大明", "secretary"),
    }
    assert listed(client.get(LIST, {"q": "wdm"})) == {("王大明", "secretary")}
    assert listed(client.get(LIST, {"title": "village_chair", "period": "all"})) == {
        ("李小红", "village_chair")
    }


@pytest.mark.parametrize("query", ["?page=x", "?organization=abc", "?title=zzz&period=zzz", "?q=" + "9" * 80])
def test_garbage_query_strings_never_fail(county, login, query):
    assert login(county.township_admin_a).get(LIST + query).status_code == 200


def test_the_list_query_count_does_not_depend_on_the_rows(county, login, django_assert_max_num_queries):
    for i in range(25):
        p = person(f"干部{i:02d}", county.village_a1, 400 + i)
        Position.objects.create(
            person=p,
            organization=county.village_a1,
            title="committee_member",
            start_date=datetime.date(2021, 1, 1),
        )
    client = login(county.secretary_a1)
    with django_assert_max_num_queries(6):
        assert len(client.get(LIST).context["positions"]) == 26


def test_anonymous_visitors_are_sent_to_log_in(client, county):
    assert login_url_of(client.get(LIST))
    assert login_url_of(client.get(ADD))


# -- create --------------------------------------------------------------------------------------


def test_a_secretary_adds_a_post(county, login):
    response = login(county.secretary_a1).post(ADD, data(county.member_a1b.person, county.village_a1))
    assert response.status_code == 302
    assert Position.objects.filter(person=county.member_a1b.person, title="organization_member").exists()


def test_the_add_page_prefills_the_person_and_returns_to_the_page_it_came_from(county, login):
    client = login(county.secretary_a1)
    page = client.get(ADD, {"person": county.member_a1b.person.pk}).content.decode()
    assert f'<option value="{county.member_a1b.person.pk}" selected>' in page
    back = reverse("members:detail", args=[county.member_a1b.pk])
    response = client.post(ADD + f"?next={back}", data(county.member_a1b.person, county.village_a1))
    assert response["Location"] == back


def test_an_unsafe_next_address_is_ignored(county, login):
    response = login(county.secretary_a1).post(
        ADD + "?next=https://evil.example/", data(county.member_a1b.person, county.village_a1)
    )
    assert response["Location"] == LIST


def test_a_person_outside_the_scope_is_refused(county, login):
    response = login(county.township_admin_a).post(ADD, data(county.member_b1.person, county.village_a1))
    assert response.status_code == 200
    assert "person" in response.context["form"].errors
    assert not Position.objects.filter(
        person=county.member_b1.person, organization=county.village_a1
    ).exists()


def test_an_organisation_outside_the_scope_is_refused(county, login):
    response = login(county.township_admin_a).post(ADD, data(county.member_a1b.person, county.village_b1))
    assert "organization" in response.context["form"].errors
    assert not Position.objects.filter(
        organization=county.village_b1, person=county.member_a1b.person
    ).exists()


def test_an_end_before_the_start_is_explained(county, login):
    response = login(county.secretary_a1).post(
        ADD, data(county.member_a1b.person, county.village_a1, end_date="2020-01-01")
    )
    assert "离任日期不能早于任职日期" in text(response)


def test_without_script_a_typed_name_that_matches_one_person_is_taken(county, login):
    values = data(None, county.village_a1, person_q="lxh")
    assert login(county.secretary_a1).post(ADD, values).status_code == 302
    assert Position.objects.filter(person=county.member_a1b.person, title="organization_member").exists()


def test_without_script_a_typed_id_tail_finds_the_person(county, login):
    tail = county.member_a1b.person.id_number[-6:]
    values = data(None, county.village_a1, person_q=tail)
    assert login(county.secretary_a1).post(ADD, values).status_code == 302


def test_without_script_several_matches_are_offered_in_the_select(county, login):
    person("李小兰", county.village_a1, 91)
    values = data(None, county.village_a1, person_q="李小")
    response = login(county.secretary_a1).post(ADD, values)
    assert response.status_code == 200
    assert "相符的有2条" in text(response)
    page = response.content.decode()
    assert "李小红（" in page and "李小兰（" in page


def test_without_script_a_typed_name_outside_the_scope_is_not_found(county, login):
    values = data(None, county.village_a1, person_q="赵四海")
    response = login(county.township_admin_a).post(ADD, values)
    assert "没有找到“赵四海”" in text(response)


# -- edit and delete -----------------------------------------------------------------------------


def test_a_secretary_records_the_end_of_a_post(county, login):
    p = county.position_a1
    values = data(p.person, p.organization, title="secretary", start_date="2021-01-01", end_date="2025-12-31")
    assert login(county.secretary_a1).post(edit_url(p), values).status_code == 302
    p.refresh_from_db()
    assert p.end_date == datetime.date(2025, 12, 31)


def test_another_township_gets_404_on_edit_and_delete(county, login):
    p = county.position_a1
    client = login(county.township_admin_b)
    assert client.get(edit_url(p)).status_code == 404
    values = data(county.member_b1.person, county.village_b1, title="secretary")
    assert client.post(edit_url(p), values).status_code == 404
    assert client.post(delete_url(p)).status_code == 404
    p.refresh_from_db()
    assert p.organization == county.village_a1


def test_a_member_may_not_add_or_change_posts(county, login):
    client = login(county.member_user_a1)
    assert client.get(ADD).status_code == 403
    assert client.post(edit_url(county.position_a1), {}).status_code == 403


def test_only_roles_that_may_delete_delete_a_post(county, login):
    p = county.position_a1
    assert login(county.secretary_a1).post(delete_url(p)).status_code == 403
    assert Position.objects.filter(pk=p.pk).exists()
    assert login(county.township_admin_a).post(delete_url(p)).status_code == 302
    assert not Position.objects.filter(pk=p.pk).exists()
