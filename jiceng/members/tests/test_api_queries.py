"""List endpoints cost a fixed number of queries, however many rows they return."""

import datetime

import pytest
from django.urls import reverse

from jiceng.conftest import make_member
from jiceng.members.models import MobileMember, Position
from jiceng.people.models import Household


def grow(county, first, n):
    """n more members in village A1, each with a household, a post and a mobile record."""
    for i in range(first, first + n):
        member = make_member(f"新党员{i}", county.village_a1, 200 + i)
        household = Household.objects.create(
            name=f"新户{i}", head=member.person, organization=county.village_a1
        )
        member.person.household = household
        member.person.save()
        Position.objects.create(
            person=member.person,
            organization=county.village_a1,
            title="committee_member",
            start_date=datetime.date(2021, 1, 1),
        )
        MobileMember.objects.create(member=member, destination="广州", start_date=datetime.date(2024, 1, 1))


@pytest.mark.parametrize(
    "name",
    [
        "api:member-list",
        "api:person-list",
        "api:household-list",
        "api:position-list",
        "api:mobile-member-list",
        "api:organization-list",
        "api:region-list",
    ],
)
def test_list_queries_do_not_grow_with_rows(county, login, django_assert_max_num_queries, name):
    grow(county, 0, 1)  # every list has a row, so the measure includes fetching rows
    client = login(county.township_admin_a)
    url = reverse(name)
    client.get(url)  # warm the session
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        small = client.get(url)
    grow(county, 1, 15)
    with django_assert_max_num_queries(len(few.captured_queries)):
        big = client.get(url)
    assert small.status_code == big.status_code == 200
    if name not in ("api:organization-list", "api:region-list"):
        assert big.json()["count"] >= small.json()["count"] + 15
    assert len(few.captured_queries) <= 8
