"""The demo county's divisions and Party organisations: the county committee, township
committees, village branches and general branches with their sub-branches, communities,
industry Party groups, a company, a cooperative and a mobile members' branch."""

import datetime

from jiceng.organizations.choices import OrganizationFormation as F
from jiceng.organizations.choices import OrganizationKind as K
from jiceng.organizations.choices import OrganizationSector as S
from jiceng.organizations.models import Organization
from jiceng.regions.choices import RegionLevel as L
from jiceng.regions.models import Region

from .rows import Township, Unit, random_date
from .vocabulary import (
    COMMUNITY_NAMES,
    COOPERATIVE_TRADES,
    ENTERPRISE_TRADES,
    INDUSTRIES,
    INDUSTRY_LABELS,
    MOBILE_BRANCH_CITY,
    NATURAL_SUFFIX,
    PLACE_FIRST,
    PLACE_SECOND,
    STREET_NAMES,
    SURNAMES,
    TOWNSHIP_SECOND,
)

# A branch with more than 50 members may become a general branch (branch work regulations,
# art. 5, as commonly cited); the demo does so for every such village.
GENERAL_BRANCH_OVER = 50
NUMERALS = "一二三四五六七八九十"
SURNAME_LIST = [s for s, _ in SURNAMES]
SURNAME_WEIGHTS = [w for _, w in SURNAMES]


def village_election_years(until):
    """Village committees were elected for 3 years until the 2018 amendment of the Organic Law of
    Village Committees (art. 13) made it 5, like village Party organisations (rural grassroots
    organisation work regulations, 2019); the first 5-year elections were held in 2021."""
    years, year = [2012, 2015, 2018], 2021
    while year <= until:
        years.append(year)
        year += 5
    return years


def township_election_years(until):
    """Township Party congresses elect a committee for 5 years (Party Constitution, art. 27)."""
    return list(range(2011, until + 1, 5))


class StructureBuilder:
    def __init__(self, rows, rng, scale, today):
        self.rows, self.rng, self.scale, self.today = rows, rng, scale, today
        self.used_names = set()
        self.townships = []
        self.units = []
        self.village_units = []

    # Names ----------------------------------------------------------------------------------
    def place_name(self, second=PLACE_SECOND, suffix=""):
        while True:
            name = self.rng.choice(PLACE_FIRST) + self.rng.choice(second)
            if name + suffix not in self.used_names:
                self.used_names.add(name + suffix)
                return name

    def date(self, start, end):
        return random_date(self.rng, start, min(end, self.today))

    def region(self, name, level, code, parent):
        return self.rows.add_node(Region(name=name, level=level, code=code), parent)

    def org(self, parent, **fields):
        fields.setdefault("formation", F.STANDALONE)
        return self.rows.add_node(Organization(**fields), parent)

    # The tree -------------------------------------------------------------------------------
    def build(self):
        sc = self.scale
        cc = sc.county_code
        self.county_region = self.region(sc.county_name, L.COUNTY, f"{cc}000000", None)
        self.county_org = self.org(
            None,
            name=f"中共{sc.county_name}委员会",
            code=sc.org_code,
            kind=K.COUNTY_COMMITTEE,
            sector=S.INSTITUTION,
            region=self.county_region,
            established_date=self.date(datetime.date(1949, 10, 1), datetime.date(1950, 6, 30)),
            address=f"{sc.county_name}人民政府大院",
        )
        villages_per_township = self.spread(sc.villages, sc.townships)
        for i in range(sc.townships):
            is_xiang = i >= sc.towns
            ethnic = is_xiang and i == sc.townships - 1
            suffix = "土家族乡" if ethnic else "乡" if is_xiang else "镇"
            code = f"{cc}{(200 + i - sc.towns + 1) if is_xiang else (100 + i + 1)}000"
            township = self.township(i + 1, self.place_name(TOWNSHIP_SECOND, suffix) + suffix, code)
            share = sc.ethnic_township_minority_share if ethnic else sc.minority_share
            for j in range(villages_per_township[i]):
                # The first village of the first township stays a branch: the demo secretary's.
                most = GENERAL_BRANCH_OVER if i == 0 and j == 0 else None
                self.village(township, j + 1, share, most)
        communities_per_street = self.spread(sc.communities, sc.streets)
        for k in range(sc.streets):
            name = STREET_NAMES[k % len(STREET_NAMES)] + "街道"
            township = self.township(sc.townships + k + 1, name, f"{cc}{k + 1:03d}000", street=True)
            names = self.rng.sample(COMMUNITY_NAMES, communities_per_street[k])
            for j, cname in enumerate(names):
                self.community(township, j + 1, cname + "社区")
        self.industry_groups()
        self.economic_branches()
        self.mobile_branches()
        return self

    def spread(self, total, parts):
        """`total` split over `parts` unevenly, every part at least one if possible."""
        weights = [self.rng.uniform(0.7, 1.3) for _ in range(parts)]
        whole = sum(weights)
        counts = [max(1 if total >= parts else 0, int(total * w / whole)) for w in weights]
        order = sorted(range(parts), key=lambda i: -(total * weights[i] / whole - counts[i]))
        i = 0
        while sum(counts) < total:
            counts[order[i % parts]] += 1
            i += 1
        while sum(counts) > total:
            j = max(range(parts), key=lambda n: counts[n])
            counts[j] -= 1
        return counts

    def elections(self, years, months):
        dates = [datetime.date(y, self.rng.randint(*months), self.rng.randint(1, 28)) for y in years]
        return [d for d in dates if d <= self.today]

    def township(self, index, name, code, street=False):
        sc = self.scale
        region = self.region(name, L.TOWNSHIP, code, self.county_region)
        org = self.org(
            self.county_org,
            name=f"中共{sc.county_name}{name}{'工作' if street else ''}委员会",
            code=f"{sc.org_code}-T{index:02d}",
            kind=K.TOWNSHIP_COMMITTEE,
            sector=S.COMMUNITY if street else S.VILLAGE,
            region=region,
            established_date=self.date(
                datetime.date(2002, 1, 1) if street else datetime.date(1983, 6, 1),
                datetime.date(2012, 12, 31) if street else datetime.date(1985, 12, 31),
            ),
            address=f"{sc.county_name}{name}人民政府",
        )
        township = Township(
            index=index,
            name=name,
            region=region,
            org=org,
            is_street=street,
            village_elections=self.elections(village_election_years(self.today.year), (1, 4)),
            township_elections=self.elections(township_election_years(self.today.year), (5, 9)),
        )
        organ = self.org(
            org,
            name=f"中共{sc.county_name}{name}机关支部委员会",
            code=f"{org.code}-JG",
            kind=K.BRANCH,
            sector=S.INSTITUTION,
            region=region,
            established_date=self.date(org.established_date, datetime.date(1990, 12, 31)),
        )
        township.organ = Unit("organ", organ, [organ], township, region, f"{sc.county_name}{name}")
        self.townships.append(township)
        self.units.append(township.organ)
        return township

    def naturals(self, village_region, clan):
        """Natural villages: mostly named after a family (张家湾), some after the land (石冲)."""
        names, n = [], self.rng.randint(*self.scale.natural_villages)
        while len(names) < n:
            if self.rng.random() < 0.7:
                head = self.rng.choice(clan) + "家"
            else:
                head = self.rng.choice(PLACE_FIRST)
            name = head + self.rng.choice(NATURAL_SUFFIX)
            if name not in names:
                names.append(name)
        return [self.region(name, L.NATURAL_VILLAGE, None, village_region) for name in names]

    def local_unit(self, township, kind, region, name, code, size, established):
        """A village or community organisation: a branch, or a general branch with sub-branches."""
        sc = self.scale
        general = size > GENERAL_BRANCH_OVER
        prefix = f"{sc.county_name}{township.name}{name}"
        org = self.org(
            township.org,
            name=f"中共{prefix}{'总' if general else ''}支部委员会",
            code=code,
            kind=K.GENERAL_BRANCH if general else K.BRANCH,
            sector=kind,
            region=region,
            established_date=established,
            address=f"{prefix}{'村部' if kind == S.VILLAGE else '社区服务中心'}",
        )
        member_orgs = [org]
        if general:
            upgraded = self.date(max(established, datetime.date(2008, 1, 1)), datetime.date(2022, 12, 31))
            count = min(self.rng.randint(*sc.sub_branches), size // 15)
            member_orgs = [
                self.org(
                    org,
                    name=f"{township.name}{name}第{NUMERALS[n]}党支部",
                    code=f"{code}-B{n + 1}",
                    kind=K.BRANCH,
                    sector=kind,
                    region=region,
                    established_date=upgraded,
                )
                for n in range(count)
            ]
        unit = Unit(kind, org, member_orgs, township, region, prefix, size=size)
        township.units.append(unit)
        self.units.append(unit)
        return unit

    def village(self, township, j, minority_share, most=None):
        sc = self.scale
        name = self.place_name(suffix="村") + "村"
        code = f"{township.region.code[:9]}{200 + j:03d}"
        region = self.region(name, L.VILLAGE, code, township.region)
        low, high, mode = sc.village_members
        high = min(high, most or high)
        size = round(self.rng.triangular(low, high, min(mode, high)))
        established = self.date(datetime.date(1952, 1, 1), datetime.date(1978, 12, 31))
        unit = self.local_unit(
            township, S.VILLAGE, region, name, f"{township.org.code}-V{j:03d}", size, established
        )
        # A village's few big families: about half its people carry one of these surnames.
        unit.clan = self.rng.choices(SURNAME_LIST, weights=SURNAME_WEIGHTS, k=self.rng.randint(1, 3))
        unit.naturals = self.naturals(region, unit.clan)
        unit.minority_share = minority_share
        self.village_units.append(unit)

    def community(self, township, j, name):
        sc = self.scale
        region = self.region(name, L.VILLAGE, f"{township.region.code[:9]}{j:03d}", township.region)
        size = round(self.rng.triangular(*sc.community_members))
        established = self.date(datetime.date(2002, 1, 1), datetime.date(2015, 12, 31))
        unit = self.local_unit(
            township, S.COMMUNITY, region, name, f"{township.org.code}-C{j:02d}", size, established
        )
        unit.minority_share = sc.minority_share

    def industry_groups(self):
        """Industry Party groups in some villages (产业党小组), a few of them across villages."""
        chosen = self.rng.sample(self.village_units, min(self.scale.industry_groups, len(self.village_units)))
        for unit in chosen:
            industry = self.rng.choice(INDUSTRIES)
            village = unit.region.name
            unit.groups.append(
                self.org(
                    unit.org,
                    name=f"{village}{INDUSTRY_LABELS[industry]}产业党小组",
                    code=f"{unit.org.code}-G{len(unit.groups) + 1}",
                    kind=K.GROUP,
                    sector=S.VILLAGE,
                    industry=industry,
                    formation=F.JOINT if self.rng.random() < 0.25 else F.STANDALONE,
                    region=unit.region,
                    established_date=self.date(datetime.date(2016, 1, 1), datetime.date(2025, 6, 30)),
                )
            )

    def economic_branches(self):
        """Branches in a private company and in a cooperative, under a township committee."""
        sc = self.scale
        rural = [t for t in self.townships if not t.is_street and t.units]
        kinds = [("enterprise", n) for n in range(sc.nonpublic_enterprise_branches)]
        kinds += [("cooperative", n) for n in range(sc.cooperative_branches)]
        for kind, n in kinds:
            township = self.rng.choice(rural)
            home = self.rng.choice(township.units)
            if kind == "enterprise":
                company = f"{sc.county_name}{self.place_name()}{self.rng.choice(ENTERPRISE_TRADES)}有限公司"
                name, code, sector, formation = (
                    f"中共{company}支部委员会",
                    "QY",
                    S.NONPUBLIC_ENTERPRISE,
                    F.STANDALONE,
                )
                start, end = datetime.date(2012, 1, 1), datetime.date(2022, 12, 31)
            else:
                coop = f"{township.name}{home.region.name}{self.rng.choice(COOPERATIVE_TRADES)}专业合作社"
                # Village and cooperative members form one branch together (村社联建).
                name, code, sector, formation = f"中共{coop}联合支部委员会", "HZ", S.COOPERATIVE, F.JOINT
                start, end = datetime.date(2015, 1, 1), datetime.date(2023, 12, 31)
            org = self.org(
                township.org,
                name=name,
                code=f"{township.org.code}-{code}{n + 1}",
                kind=K.BRANCH,
                sector=sector,
                formation=formation,
                region=home.region,
                established_date=self.date(start, end),
            )
            unit = Unit(kind, org, [org], township, home.region, home.address, home=home)
            unit.size = self.rng.randint(*sc.branch_members)
            unit.clan = home.clan
            self.units.append(unit)

    def mobile_branches(self):
        """The county's branch for its members working in one city (流动党员党支部)."""
        sc = self.scale
        city, _ = MOBILE_BRANCH_CITY
        for n in range(sc.mobile_branches):
            org = self.org(
                self.county_org,
                name=f"中共{sc.county_name}驻{city}流动党员支部委员会",
                code=f"{sc.org_code}-LD{n + 1}",
                kind=K.BRANCH,
                sector=S.MOBILE,
                formation=F.JOINT,
                region=self.county_region,
                established_date=self.date(datetime.date(2012, 1, 1), datetime.date(2020, 12, 31)),
            )
            unit = Unit("mobile", org, [org], self.townships[0], self.county_region, sc.county_name)
            unit.size = self.rng.randint(*sc.mobile_branch_members)
            self.units.append(unit)
