"""The demo's accounts: one per role, one password, and the `demo_accounts` listing."""

import pytest

from jiceng.accounts.models import User
from jiceng.demo.accounts import DEMO_PASSWORD
from jiceng.members.models import Position

from .conftest import call


@pytest.mark.parametrize(
    "username, role, kind",
    [
        ("county_admin", "county_admin", "county_committee"),
        ("township_admin", "township_admin", "township_committee"),
        ("village_secretary", "village_secretary", "branch"),
        ("member", "member", "branch"),
    ],
)
def test_each_role_has_an_account_that_can_sign_in(small_demo, client, username, role, kind):
    user = User.objects.select_related("organization").get(username=username)
    assert (user.role, user.organization.kind, user.is_superuser) == (role, kind, False)
    assert client.login(username=username, password=DEMO_PASSWORD)
    assert not client.login(username=username, password="wrong-password")


def test_the_township_admin_works_in_the_first_township_and_the_village_is_in_it(small_demo):
    township = User.objects.get(username="township_admin").organization
    village = User.objects.get(username="village_secretary").organization
    assert township.code == "QS-T01"
    assert village.parent_id == township.pk
    assert village.sector == "village"


def test_the_secretary_account_is_the_village_secretary_in_person(small_demo):
    user = User.objects.select_related("person").get(username="village_secretary")
    assert user.full_name == user.person.name
    assert Position.objects.filter(
        person=user.person, organization=user.organization, title="secretary", end_date=None
    ).exists()


def test_the_member_account_is_an_ordinary_full_member_of_that_village(small_demo):
    user = User.objects.select_related("person__membership").get(username="member")
    secretary = User.objects.get(username="village_secretary")
    membership = user.person.membership
    assert membership.status == "full"
    assert membership.organization_id == user.organization_id == secretary.organization_id
    assert user.full_name == user.person.name
    assert not user.person.positions.exists()


def test_the_admin_is_a_superuser_for_the_django_admin(small_demo, client):
    admin = User.objects.get(username="admin")
    assert admin.is_staff and admin.is_superuser
    client.force_login(admin)
    assert client.get("/admin/").status_code == 200


def test_all_accounts_share_one_password_hash(small_demo):
    hashes = set(User.objects.values_list("password", flat=True))
    assert len(hashes) == 1 and hashes.pop().startswith("argon2")


def test_demo_accounts_lists_every_account_with_the_password_and_url(small_demo):
    out = call("demo_accounts")
    for text in ("用户名", "密码", "角色", "所属组织", "county_admin", "village_secretary", DEMO_PASSWORD):
        assert text in out
    assert "村党组织书记" in out and "中共青山县" in out
    assert "http://127.0.0.1:8000/" in out


def test_a_changed_password_is_not_shown(small_demo):
    user = User.objects.get(username="member")
    user.set_password("Another-pass-2026")
    user.save()
    out = call("demo_accounts")
    member_line = next(line for line in out.splitlines() if line.startswith("member "))
    assert DEMO_PASSWORD not in member_line and "已修改" in member_line
