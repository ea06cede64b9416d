"""The person and household choices: a search box over a select that also works without script."""

import re

from django.urls import reverse

from jiceng.members.tests.pages import person
from jiceng.people.forms import SearchSelect

ADD_POSITION = reverse("members:position_add")


def options(page, name):
    select = re.search(rf'<select name="{name}".*?</select>', page, flags=re.S).group(0)
    return re.findall(r'<option value="(\d+)"', select)


def test_a_small_scope_lists_every_person_in_the_select(county, login):
    page = login(county.secretary_a1).get(ADD_POSITION).content.decode()
    assert set(options(page, "person")) == {str(county.member_a1.person.pk), str(county.member_a1b.person.pk)}
    assert f'data-search-url="{reverse("members:person_search")}"' in page
    assert 'name="person_q"' in page


def test_a_large_scope_lists_only_the_current_choice(county, login, monkeypatch):
    monkeypatch.setattr(SearchSelect, "fallback_limit", 2)
    person("周村民", county.village_a1, 81)
    client = login(county.secretary_a1)
    page = client.get(reverse("members:position_edit", args=[county.position_a1.pk])).content.decode()
    assert options(page, "person") == [str(county.member_a1.person.pk)]
    assert "范围内共3条记录" in page
    assert options(client.get(ADD_POSITION).content.decode(), "person") == []


def test_the_select_never_lists_another_township(county, login):
    page = login(county.township_admin_a).get(ADD_POSITION).content.decode()
    assert str(county.member_b1.person.pk) not in options(page, "person")
    assert "赵四海" not in page


def test_the_household_choice_of_a_person_is_a_search_select_too(county, login):
    page = login(county.secretary_a1).get(reverse("people:person_add")).content.decode()
    assert options(page, "household") == [str(county.household_a1.pk)]
    assert f'data-search-url="{reverse("people:household_search")}"' in page
