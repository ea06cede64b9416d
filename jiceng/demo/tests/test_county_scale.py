"""The real county: the one test that builds all of it (about 10 s), then checks its figures."""

import datetime
import random
import re
import time

import pytest
from django.db.models import Avg, Count, Q

from jiceng.members.choices import DEVELOPMENT_STATUSES, LEFT_STATUSES, PARTY_MEMBER_STATUSES
from jiceng.members.models import Member, MobileMember, Position
from jiceng.members.stats import member_figures
from jiceng.organizations.models import Organization
from jiceng.people.models import Household
from jiceng.regions.models import Region

from .assertions import (
    ended_positions_by_year,
    id_number_problems,
    local_organizations,
    misplaced_nodes,
    party_members_per_local_org,
    unordered_member_dates,
    without_current_secretary,
)


@pytest.mark.county_scale
def test_the_county_scale_demo_has_the_structure_of_a_rural_county(run_demo):
    started = time.monotonic()
    out = run_demo("--scale", "county")
    print(f"county-scale demo built in {time.monotonic() - started:.1f} s")
    assert re.search(r"用时 [\d.]+ 秒", out)

    # Divisions and organisations.
    assert misplaced_nodes(Organization) == 0 and misplaced_nodes(Region) == 0
    townships = Region.objects.filter(level="township")
    assert townships.count() == 12
    assert townships.filter(name__endswith="街道").count() == 1
    villages = Region.objects.filter(level="village", organizations__sector="village").distinct()
    assert 190 <= villages.count() <= 210
    assert (
        3 <= Region.objects.filter(level="village", organizations__sector="community").distinct().count() <= 8
    )
    kinds = dict(Organization.objects.values_list("kind").annotate(n=Count("pk")))
    assert kinds["county_committee"] == 1 and kinds["township_committee"] == 12
    assert 10 <= kinds["group"] <= 30
    assert 30 <= kinds["general_branch"] <= 90
    village_level = Organization.objects.filter(sector__in=("village", "community")).exclude(
        kind="township_committee"
    )
    assert village_level.count() >= 250
    assert Organization.objects.filter(sector="nonpublic_enterprise").count() >= 1
    assert Organization.objects.filter(sector="cooperative").count() >= 1
    assert Organization.objects.filter(sector="mobile").count() == 1
    for kind, n in party_members_per_local_org():
        assert (50 < n <= 90) if kind == "general_branch" else (15 <= n <= 50)

    # People.
    figures = member_figures(Member.objects.all())
    assert 8500 <= figures["party_members"] <= 9800
    assert 200 <= figures["in_development"] <= 900
    assert 100 <= figures["probationary"] <= 350
    assert 30 <= Member.objects.filter(status__in=LEFT_STATUSES).count() <= 80
    assert 25 <= figures["female_share"] <= 35
    assert 2 <= figures["minority_share"] <= 7
    bands = {label: share for label, _, share in figures["age_bands"]}
    assert 25 <= bands["61岁及以上"] <= 35
    assert 8 <= bands["30岁及以下"] + bands["31至35岁"] <= 16
    rural = member_figures(Member.objects.filter(organization__sector="village"))
    assert 8 <= rural["college_share"] <= 17
    assert 18 <= rural["double_strong_share"] <= 27
    young = member_figures(Member.objects.filter(person__birth_date__gte=datetime.date(1990, 1, 1)))
    old = member_figures(Member.objects.filter(person__birth_date__lt=datetime.date(1960, 1, 1)))
    assert young["college_share"] > 3 * old["college_share"]
    assert id_number_problems() == []
    assert unordered_member_dates() == []
    pks = sorted(Member.objects.values_list("pk", flat=True))
    for member in Member.objects.filter(pk__in=random.Random(7).sample(pks, 200)).select_related("person"):
        member.person.full_clean()
        member.full_clean()
    assert not Member.objects.filter(status__in=PARTY_MEMBER_STATUSES, person__household=None).exists()
    assert Household.objects.count() > 8000
    assert (
        Member.objects.filter(status__in=DEVELOPMENT_STATUSES).exclude(application_date=None).count()
        == (figures["in_development"])
    )

    # Cadres.
    assert not without_current_secretary().exists()
    secretaries = Position.objects.filter(
        title="secretary", end_date=None, organization__in=local_organizations()
    )
    average_age = secretaries.aggregate(a=Avg("person__birth_date__year"))["a"]
    assert 44 <= datetime.date.today().year - average_age <= 52
    double_strong = secretaries.filter(person__membership__double_strong=True).count()
    assert double_strong > secretaries.count() / 2
    assert secretaries.filter(concurrent=True).count() > secretaries.count() / 2
    assert 20 <= Position.objects.filter(title="first_secretary", end_date=None).count() <= 80
    ended = ended_positions_by_year()
    assert ended.get(2021, 0) >= 30

    # Mobile members: about 5% of village and community members, a few back home.
    local_members = Member.objects.filter(
        status__in=PARTY_MEMBER_STATUSES, organization__sector__in=("village", "community")
    ).count()
    village_mobile = MobileMember.objects.filter(member__organization__sector__in=("village", "community"))
    assert 0.04 <= village_mobile.count() / local_members <= 0.06
    assert 0 < village_mobile.exclude(end_date=None).count() < village_mobile.count() / 4
    assert MobileMember.objects.filter(Q(destination="广东省东莞市") | Q(destination="浙江省义乌市")).exists()
