"""`manage.py demo`: empty databases only, --if-empty, --flush, options, and determinism."""

import pytest
from django.core.management.base import CommandError

from jiceng.accounts.models import User
from jiceng.core.context import change_context
from jiceng.core.models import ChangeLog
from jiceng.demo.digest import demo_digest
from jiceng.members.models import Member
from jiceng.organizations.models import Organization
from jiceng.people.models import Person

from .conftest import SEED, SMALL_VILLAGES, call


def test_it_prints_what_it_created(run_demo):
    out = run_demo(villages=SMALL_VILLAGES, seed=SEED)
    assert "党组织：" in out and "用时" in out
    assert f"党员：{Member.objects.count():,}" in out
    assert f"其中正式党员：{Member.objects.filter(status='full').count():,}" in out


def test_if_empty_does_nothing_the_second_time(run_demo):
    run_demo("--if-empty", villages=SMALL_VILLAGES, seed=SEED)
    before = (Organization.objects.count(), Person.objects.count(), demo_digest())
    out = run_demo("--if-empty", villages=SMALL_VILLAGES, seed=SEED + 1)
    assert "已有党组织" in out
    assert (Organization.objects.count(), Person.objects.count(), demo_digest()) == before


def test_a_database_with_data_is_refused_without_flush(run_demo, county):
    count = Person.objects.count()
    with pytest.raises(CommandError, match="--flush"):
        run_demo(villages=SMALL_VILLAGES)
    assert Person.objects.count() == count


def test_the_same_seed_gives_the_same_county(run_demo):
    run_demo(villages=SMALL_VILLAGES, seed=SEED)
    first = demo_digest()
    run_demo("--flush", villages=SMALL_VILLAGES, seed=SEED)
    assert demo_digest() == first
    run_demo("--flush", villages=SMALL_VILLAGES, seed=SEED + 1)
    assert demo_digest() != first


def test_records_added_after_the_demo_get_fresh_keys(run_demo):
    run_demo(villages=SMALL_VILLAGES, seed=SEED)
    village = Organization.objects.filter(kind="branch", sector="village").first()
    highest = Person.objects.order_by("-pk").values_list("pk", flat=True).first()
    group = Organization.objects.create(
        name="新党小组", code="QS-NEW-G1", kind="group", sector="village", parent=village
    )
    person = Person.objects.create(name="新人员", organization=village)
    assert person.pk > highest
    assert group.path == f"{village.path}{group.pk}/" and group.depth == village.depth + 1


def test_flush_deletes_domain_data_users_and_change_log_but_keeps_superusers(run_demo, county):
    superuser = User.objects.create_superuser("root", password="Root-pass-2026")
    with change_context(user=superuser):
        county.member_a1.person.save()  # a change log row
    assert ChangeLog.objects.exists()
    run_demo("--flush", villages=SMALL_VILLAGES, seed=SEED)
    assert not Organization.objects.filter(code__in=["C001", "T001"]).exists()
    assert not User.objects.filter(username__in=["county", "town_a", "mem_a1"]).exists()
    assert not ChangeLog.objects.exists()
    assert User.objects.filter(username="root", is_superuser=True).exists()
    assert Organization.objects.filter(code="QS").exists()


def test_flush_leaves_no_change_log_of_its_own_and_restores_logging(run_demo, county):
    run_demo("--flush", villages=SMALL_VILLAGES, seed=SEED)
    assert not ChangeLog.objects.exists()
    person = Person.objects.first()
    person.note = "核实"
    person.save()
    assert ChangeLog.objects.filter(object_id=person.pk, action="update").exists()


@pytest.mark.parametrize(
    "args, message",
    [
        (["--scale", "city"], "invalid choice"),
        (["--villages", "0"], "1到5000"),
        (["--villages", "many"], "正整数"),
        (["--seed", "x"], "invalid int"),
    ],
)
def test_bad_options_are_refused_with_a_message(run_demo, args, message):
    with pytest.raises(CommandError, match=message):
        run_demo(*args)
    assert not Organization.objects.exists()


def test_demo_accounts_says_so_when_the_demo_is_not_loaded(county):
    out = call("demo_accounts")
    assert "尚未载入" in out
    assert "county_admin" not in out
