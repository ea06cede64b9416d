"""Builds the whole demo county in memory from one seed: same seed and day, same county."""

import random
from dataclasses import dataclass

from jiceng.members.choices import MemberStatus
from jiceng.organizations.choices import OrganizationKind
from jiceng.organizations.models import Organization
from jiceng.people.models import Person

from .cadres import CadreBuilder
from .people import PeopleBuilder
from .population import Demography
from .rows import Rows
from .structure import StructureBuilder

LOCAL = ("village", "community")


@dataclass
class DemoCounty:
    rows: Rows
    county_org: Organization
    township_org: Organization
    village_org: Organization
    secretary: Person  # of village_org
    member: Person  # an ordinary full member of village_org


def build_county(scale, seed, today, first_ids):
    rng = random.Random(seed)
    rows = Rows(first_ids)
    structure = StructureBuilder(rows, rng, scale, today).build()
    people = PeopleBuilder(rows, rng, Demography(rng, today, scale.county_code), scale, structure)
    cadres = CadreBuilder(people)

    local = [u for u in structure.units if u.kind in LOCAL]
    others = [u for u in structure.units if u.kind not in LOCAL]
    for township in structure.townships:
        cadres.township(township)
    for unit in local:
        cadres.local(unit)
        people.fill(unit)
        cadres.history(unit)
        cadres.group_leaders(unit)
        if unit.kind == "village" and rng.random() < scale.first_secretary_share:
            cadres.first_secretary(unit)
    for unit in others:
        if unit.kind in ("enterprise", "cooperative"):
            cadres.economic(unit)
        elif unit.kind == "mobile":
            people.mobile_branch_people(unit)
    people.left_members(structure.village_units)
    for unit in local + others:  # villages first, so that others can join their households
        people.settle(unit)
    people.household_sizes()
    people.mobile_members(local)

    first = structure.townships[0]
    village = next(u for u in first.units if u.org.kind == OrganizationKind.BRANCH)
    member = next(
        p
        for p, m in village.ordinary
        if m.status == MemberStatus.FULL and p.pk not in people.posted and m.pk not in people.mobile
    )
    return DemoCounty(rows, structure.county_org, first.org, village.org, village.secretary, member)
