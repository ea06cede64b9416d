"""Shared test personas: a small county with two townships, and a user of every role.

Everything here is real rows in the real database (SQLite or PostgreSQL), never mocks.
"""

import datetime
import functools
import os
import shutil

import pytest
from django.contrib.auth.hashers import make_password

from jiceng.accounts.choices import Role
from jiceng.accounts.models import User
from jiceng.members.choices import MemberStatus
from jiceng.members.models import Member, Position
from jiceng.organizations.models import Organization
from jiceng.people import idnumber
from jiceng.people.models import Household, Person
from jiceng.regions.models import Region

PASSWORD = "Test-pass-2026"


class County:
    """Handles to the rows of the test county, as attributes."""


def make_person(name, org, seq, birth=datetime.date(1980, 5, 17), address_code="430121", **extra):
    return Person.objects.create(
        name=name, organization=org, id_number=idnumber.make(address_code, birth, seq), **extra
    )


def make_member(name, org, seq, status=MemberStatus.FULL, birth=datetime.date(1980, 5, 17), **extra):
    person = make_person(name, org, seq, birth=birth)
    dates = {}
    # Admitted in 2010, or at 20 for the young ones, so every fixture obeys the 18-year rule.
    admitted = max(datetime.date(2010, 7, 1), datetime.date(birth.year + 20, 7, 1))
    if status in (MemberStatus.PROBATIONARY, MemberStatus.FULL):
        dates["admission_date"] = admitted
    if status == MemberStatus.FULL:
        dates["full_date"] = datetime.date(admitted.year + 1, 7, 1)
    dates.update(extra)
    return Member.objects.create(person=person, organization=org, status=status, **dates)


@functools.cache
def password_hash():
    """PASSWORD hashed once with the real (Argon2) hasher, reused by every test user."""
    return make_password(PASSWORD)


@pytest.fixture
def county(db):
    c = County()
    c.region = Region.objects.create(name="长乐县", level="county", code="430121000000")
    c.region_a = Region.objects.create(name="东山镇", level="township", code="430121100000", parent=c.region)
    c.region_b = Region.objects.create(name="西河乡", level="township", code="430121200000", parent=c.region)
    c.region_a1 = Region.objects.create(
        name="桃源村", level="village", code="430121100001", parent=c.region_a
    )
    c.root = Organization.objects.create(
        name="中共长乐县委员会", code="C001", kind="county_committee", sector="institution", region=c.region
    )
    c.town_a = Organization.objects.create(
        name="中共东山镇委员会",
        code="T001",
        kind="township_committee",
        sector="village",
        parent=c.root,
        region=c.region_a,
    )
    c.town_b = Organization.objects.create(
        name="中共西河乡委员会",
        code="T002",
        kind="township_committee",
        sector="village",
        parent=c.root,
        region=c.region_b,
    )
    c.village_a1 = Organization.objects.create(
        name="中共桃源村支部委员会",
        code="V001",
        kind="branch",
        sector="village",
        parent=c.town_a,
        region=c.region_a1,
    )
    c.village_a2 = Organization.objects.create(
        name="中共杏花村总支部委员会", code="V002", kind="general_branch", sector="village", parent=c.town_a
    )
    c.group_a2 = Organization.objects.create(
        name="杏花村第一党支部", code="V002-1", kind="branch", sector="village", parent=c.village_a2
    )
    c.village_b1 = Organization.objects.create(
        name="中共柳溪村支部委员会", code="V003", kind="branch", sector="village", parent=c.town_b
    )
    c.member_a1 = make_member("张三丰", c.village_a1, 11)
    c.member_a1b = make_member("李小红", c.village_a1, 22, birth=datetime.date(1995, 3, 8))
    c.member_a2 = make_member("王大明", c.group_a2, 31, status=MemberStatus.PROBATIONARY)
    c.member_b1 = make_member("赵四海", c.village_b1, 41)
    c.household_a1 = Household.objects.create(
        name="张三丰户", head=c.member_a1.person, organization=c.village_a1
    )
    c.household_b1 = Household.objects.create(
        name="赵四海户", head=c.member_b1.person, organization=c.village_b1
    )
    c.position_a1 = Position.objects.create(
        person=c.member_a1.person,
        organization=c.village_a1,
        title="secretary",
        start_date=datetime.date(2021, 1, 1),
    )
    c.position_b1 = Position.objects.create(
        person=c.member_b1.person,
        organization=c.village_b1,
        title="secretary",
        start_date=datetime.date(2021, 1, 1),
    )

    def user(username, org, role, person=None):
        return User.objects.create_user(
            username=username,
            password=PASSWORD,
            organization=org,
            role=role,
            person=person,
            full_name=username,
        )

    c.county_admin = user("county", c.root, Role.COUNTY_ADMIN)
    c.township_admin_a = user("town_a", c.town_a, Role.TOWNSHIP_ADMIN)
    c.township_admin_b = user("town_b", c.town_b, Role.TOWNSHIP_ADMIN)
    c.secretary_a1 = user("sec_a1", c.village_a1, Role.VILLAGE_SECRETARY)
    c.member_user_a1 = user("mem_a1", c.village_a1, Role.MEMBER, person=c.member_a1.person)
    return c


@pytest.fixture
def login(client):
    """login(user) signs the test client in as `user` and returns the client."""

    def _login(user):
        client.force_login(user)
        return client

    return _login


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright, headless. Skips where Chromium is missing,
    unless REQUIRE_BROWSER is set (as CI sets it): then a missing browser fails instead."""
    if not os.path.exists(CHROMIUM):
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail("REQUIRE_BROWSER is set but Chromium is not installed (apt-get install chromium).")
        pytest.skip("Chromium is not installed")
    # Playwright's sync API runs an event loop in this thread; the test's own database calls
    # stay synchronous and safe.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-background-networking", "--disable-component-update"],
        )
        yield b
        b.close()
