"""The demo county's divisions and Party organisations (a few villages, for speed)."""

import re

from django.db.models import Count, Q

from jiceng.organizations.choices import OrganizationKind as K
from jiceng.organizations.models import Organization
from jiceng.regions.models import Region

from .assertions import (
    local_organizations,
    misplaced_nodes,
    party_members_per_local_org,
    without_current_secretary,
)


def test_tree_paths_and_depths_follow_the_parents(small_demo):
    assert Organization.objects.count() > 20
    assert misplaced_nodes(Organization) == 0
    assert misplaced_nodes(Region) == 0


def test_a_broken_path_would_be_noticed(small_demo):
    node = Organization.objects.filter(depth=2).first()
    Organization.objects.filter(pk=node.pk).update(depth=5)
    assert misplaced_nodes(Organization) == 1


def test_the_county_committee_is_the_only_root(small_demo):
    root = Organization.objects.get(parent=None)
    assert (root.code, root.kind, root.sector, root.name) == (
        "QS",
        K.COUNTY_COMMITTEE,
        "institution",
        "中共青山县委员会",
    )
    assert Organization.objects.filter(path__startswith=root.path).count() == Organization.objects.count()


def test_division_codes_follow_the_made_up_county(small_demo):
    county = Region.objects.get(parent=None)
    assert county.code == "439901000000"
    for region in Region.objects.exclude(parent=None).select_related("parent"):
        if region.level == "natural_village":
            assert region.code is None and region.parent.level == "village"
        elif region.level == "township":
            assert re.fullmatch(r"439901\d{3}000", region.code)
        else:
            assert region.code[:9] == region.parent.code[:9] and region.code[9:] != "000"
        region.full_clean()


def test_organisation_codes_are_readable_and_follow_the_tree(small_demo):
    for org in Organization.objects.exclude(parent=None).select_related("parent"):
        assert org.code.startswith(org.parent.code + "-")
        assert re.fullmatch(r"QS(-[A-Z]+\d*)+", org.code)
        org.full_clean()


def test_every_organisation_has_a_region_and_an_establishment_date(small_demo):
    assert not Organization.objects.filter(Q(region=None) | Q(established_date=None)).exists()
    assert Organization.objects.filter(formation="joint").exists()
    assert Organization.objects.filter(formation="standalone").count() > Organization.objects.count() / 2


def test_villages_have_between_15_and_80_members_and_general_branches_more_than_50(small_demo):
    counts = party_members_per_local_org()
    assert counts
    for kind, n in counts:
        if kind == K.GENERAL_BRANCH:
            assert 50 < n <= 90
        else:
            assert 15 <= n <= 50


def test_general_branches_have_two_to_four_sub_branches(small_demo):
    general = Organization.objects.filter(kind=K.GENERAL_BRANCH).annotate(
        subs=Count("children", filter=Q(children__kind=K.BRANCH))
    )
    assert general.exists()
    assert all(2 <= g.subs <= 4 for g in general)


def test_every_village_and_community_has_a_current_secretary(small_demo):
    assert local_organizations().count() >= 8
    assert not without_current_secretary().exists()


def test_industry_groups_sit_under_village_organisations(small_demo):
    groups = Organization.objects.filter(kind=K.GROUP).select_related("parent")
    assert groups.exists()
    for group in groups:
        assert group.industry in ("planting", "breeding", "processing", "transport")
        assert group.parent.kind in (K.BRANCH, K.GENERAL_BRANCH)
        assert group.name.endswith("产业党小组")


def test_the_county_has_company_cooperative_mobile_and_township_organisations(small_demo):
    sectors = dict(Organization.objects.values_list("sector").annotate(n=Count("pk")))
    assert sectors["nonpublic_enterprise"] == 1
    assert sectors["cooperative"] == 1
    assert sectors["mobile"] == 1
    assert sectors["community"] >= 2
    townships = Organization.objects.filter(kind=K.TOWNSHIP_COMMITTEE)
    assert townships.count() >= 2
    assert all(t.name.startswith("中共青山县") and t.name.endswith("委员会") for t in townships)
