import pytest

from jiceng.core.models import ChangeLog
from jiceng.members.models import Member
from jiceng.organizations.models import Organization
from jiceng.people.models import Person


def names(qs):
    return sorted(str(o) for o in qs)


def test_township_admin_sees_own_subtree_only(county):
    orgs = Organization.objects.restrict(county.township_admin_a)
    assert set(orgs) == {county.town_a, county.village_a1, county.village_a2, county.group_a2}
    members = Member.objects.restrict(county.township_admin_a)
    assert set(members) == {county.member_a1, county.member_a1b, county.member_a2}


def test_county_admin_sees_everything_below_the_county(county):
    assert Member.objects.restrict(county.county_admin).count() == 4


def test_member_sees_only_own_records(county):
    user = county.member_user_a1
    assert list(Member.objects.restrict(user)) == [county.member_a1]
    assert list(Person.objects.restrict(user)) == [county.member_a1.person]
    assert list(Organization.objects.restrict(user)) == [county.village_a1]
    assert not Member.objects.restrict(user, "delete").exists()
    assert not Organization.objects.restrict(user, "change").exists()


def test_secretary_may_change_but_not_delete(county):
    assert Member.objects.restrict(county.secretary_a1, "change").count() == 2
    assert not Member.objects.restrict(county.secretary_a1, "delete").exists()


def test_anonymous_and_inactive_users_see_nothing(county):
    from django.contrib.auth.models import AnonymousUser

    assert not Member.objects.restrict(AnonymousUser()).exists()
    county.county_admin.is_active = False
    assert not Member.objects.restrict(county.county_admin).exists()


def test_moving_a_subtree_rewrites_descendant_paths(county):
    county.village_a2.parent = county.town_b
    county.village_a2.save()
    county.group_a2.refresh_from_db()
    assert county.group_a2.path.startswith(county.town_b.path)
    assert county.group_a2.depth == 3
    assert county.member_a2 in Member.objects.restrict(county.township_admin_b)
    assert county.member_a2 not in Member.objects.restrict(county.township_admin_a)


def test_a_node_cannot_move_under_its_own_descendant(county):
    from django.core.exceptions import ValidationError

    county.village_a2.parent = county.group_a2
    with pytest.raises(ValidationError):
        county.village_a2.full_clean()


def test_changes_are_logged_with_before_and_after(county):
    from jiceng.core.context import change_context

    person = county.member_a1.person
    with change_context(user=county.secretary_a1, request_id="req-12345678"):
        person.phone = "13800138000"
        person.save()
    log = ChangeLog.objects.filter(object_id=person.pk, action="update").latest("id")
    assert log.user == county.secretary_a1
    assert log.request_id == "req-12345678"
    assert log.before["phone"] == "" and log.after["phone"] == "13800138000"
    assert log.scope_path == county.village_a1.path
    assert log in ChangeLog.objects.restrict(county.township_admin_a)
    assert log not in ChangeLog.objects.restrict(county.township_admin_b)


def test_new_tree_nodes_are_logged_in_their_subtree(county):
    log = ChangeLog.objects.get(object_repr=county.group_a2.name, action="create")
    assert log.scope_path == county.group_a2.path


def test_a_regions_changes_are_seen_by_the_organisation_of_that_region(county):
    from jiceng.core.context import change_context

    with change_context(user=county.county_admin):
        county.region_a1.name = "桃源新村"
        county.region_a1.save()
    log = ChangeLog.objects.filter(object_repr="桃源新村").latest("id")
    assert log.scope_path == county.village_a1.path
    assert log in ChangeLog.objects.restrict(county.secretary_a1)
    assert log in ChangeLog.objects.restrict(county.township_admin_a)
    assert log not in ChangeLog.objects.restrict(county.township_admin_b)
