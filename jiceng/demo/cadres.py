"""The cadres of the demo county: village and community leaderships (the branch committee and
the village committee, often headed by one person, 一肩挑), sub-branch secretaries, industry
group leaders, first secretaries sent from the county, township committees, and the people
who held these posts in earlier terms."""

import datetime

from jiceng.members.choices import Occupation
from jiceng.members.choices import PositionTitle as T

from .rows import random_date
from .vocabulary import SENDING_UNITS

# Which earlier election a current secretary took office at: this term's (most), the last
# one's, or the one before (weights, most recent first).
SECRETARY_TENURE = (35, 30, 20, 15)
CHAIR_TENURE = (60, 30, 10)


def tenure(rng, elections, weights):
    """The index in `elections` of the election a post holder took office at."""
    usable = weights[: len(elections)]
    back = rng.choices(range(len(usable)), weights=usable)[0]
    return len(elections) - 1 - back


class CadreBuilder:
    def __init__(self, people):
        self.p = people
        self.rng = people.rng
        self.scale = people.scale
        self.today = people.today

    def local(self, unit):
        """The leadership of a village or community, elected at the township's village elections."""
        p, rng = self.p, self.rng
        elections = unit.township.village_elections
        current = elections[-1]
        previous = elections[-2] if len(elections) > 1 else current
        farmer = Occupation.FARMER if unit.kind == "village" else Occupation.OTHER
        secretary, _ = p.member(
            unit, "secretary", role="secretary", female=0.12, education="cadre", double_strong=0.68,
            occupation=farmer, org=unit.member_orgs[0],
        )  # fmt: skip
        unit.secretary = secretary
        sec_index = tenure(rng, elections, SECRETARY_TENURE)
        sec_post = p.position(secretary, unit.org, T.SECRETARY, elections[sec_index])
        unit.sec_index = sec_index

        four = rng.random() < 0.6
        titles = (
            [T.DEPUTY_SECRETARY, T.ORGANIZATION_MEMBER, T.PROPAGANDA_MEMBER, T.DISCIPLINE_MEMBER]
            if four
            else [T.ORGANIZATION_MEMBER, T.PROPAGANDA_MEMBER]
        )
        committee = []
        for title in titles:
            person, _ = p.member(
                unit, "cadre", role="committee", female=0.3, education="cadre", double_strong=0.42
            )
            p.position(person, unit.org, title, current if rng.random() < 0.7 else previous)
            committee.append(person)

        concurrent = rng.random() < (0.8 if unit.kind == "community" else self.scale.concurrent_share)
        chair_index = tenure(rng, elections, CHAIR_TENURE)
        if concurrent:
            sec_post.concurrent = True
            chair_index = max(sec_index, chair_index)
            p.position(secretary, unit.org, T.VILLAGE_CHAIR, elections[chair_index], concurrent=True)
        else:
            if rng.random() < 0.6:
                chair, _ = p.member(
                    unit, "chair", role="chair", female=0.15, education="cadre", double_strong=0.55,
                    occupation=farmer,
                )  # fmt: skip
            else:
                chair = p.villager(unit, p.demo.age("chair"), role="chair", female=0.15, education="cadre")
            p.position(chair, unit.org, T.VILLAGE_CHAIR, elections[chair_index])
        unit.chair_index = chair_index
        if rng.random() < 0.15:
            deputy = p.villager(unit, p.demo.age("cadre"), role="committee", education="cadre")
            p.position(deputy, unit.org, T.VILLAGE_DEPUTY_CHAIR, current)
        # Village committee members: often one of the branch committee (交叉任职), and a woman.
        village_committee = [rng.choice(committee)] if rng.random() < 0.6 else []
        seats = rng.randint(2, 3)
        while len(village_committee) < seats:
            female = 0.8 if not village_committee else 0.4
            age = p.demo.age("cadre")
            village_committee.append(
                p.villager(unit, age, role="committee", female=female, education="cadre")
            )
        for person in village_committee:
            p.position(person, unit.org, T.VILLAGE_COMMITTEE_MEMBER, current)
        if len(unit.member_orgs) > 1:
            for sub in unit.member_orgs:
                person, _ = p.member(
                    unit, "cadre", role="sub_secretary", org=sub, education="cadre", double_strong=0.35
                )
                p.position(person, sub, T.SECRETARY, max(current, sub.established_date))

    def history(self, unit):
        """The holders of the posts before this term's: retired cadres among the older members."""
        p, rng = self.p, self.rng
        elections = unit.township.village_elections
        if unit.sec_index > 0:
            before = p.pick_ordinary(unit, 55) or p.pick_ordinary(unit, 40)
            if before:
                start, end = elections[unit.sec_index - 1], elections[unit.sec_index]
                p.position(before[0], unit.org, T.SECRETARY, start, end)
        if unit.chair_index > 0 and rng.random() < 0.5:
            before = p.pick_ordinary(unit, 45)
            if before:
                start, end = elections[unit.chair_index - 1], elections[unit.chair_index]
                p.position(before[0], unit.org, T.VILLAGE_CHAIR, start, end)
        if len(elections) > 1 and rng.random() < 0.3:
            before = p.pick_ordinary(unit, 45)
            if before:
                title = rng.choice([T.ORGANIZATION_MEMBER, T.PROPAGANDA_MEMBER, T.DISCIPLINE_MEMBER])
                p.position(before[0], unit.org, title, elections[-2], elections[-1])

    def group_leaders(self, unit):
        for group in unit.groups:
            leader = self.p.pick_ordinary(unit, 28, 62, prefer_double_strong=True)
            if leader:
                start = max(group.established_date, unit.township.village_elections[-1])
                self.p.position(leader[0], group, T.GROUP_LEADER, start)

    def first_secretary(self, unit):
        """Some villages have a first secretary sent from a county department for two years or so."""
        p, rng = self.p, self.rng
        day = datetime.timedelta(days=1)
        start = self.today - rng.randint(60, 700) * day
        posts = [(start, None)]
        if rng.random() < 0.5:
            posts.append((start - rng.randint(700, 760) * day, start))
        for begin, end in posts:
            person = p.person(unit, p.demo.age("first_secretary"), female=0.25, education="official")
            note = f"{rng.choice(SENDING_UNITS)}选派"
            p.position(person, unit.org, T.FIRST_SECRETARY, begin, end, note=note)

    def township(self, township):
        """The township committee (its members belong to the township organ branch) and staff."""
        p, rng = self.p, self.rng
        unit = township.organ
        elections = township.township_elections
        current = elections[-1]
        previous = elections[-2] if len(elections) > 1 else current
        official = dict(education="official", double_strong=0.0, occupation=Occupation.PARTY_GOVERNMENT)
        secretary, _ = p.member(unit, "township_leader", role="township", female=0.15, **official)
        index = tenure(rng, elections, (55, 45))
        p.position(secretary, township.org, T.TOWNSHIP_SECRETARY, elections[index])
        unit.secretary = secretary
        if index > 0 and rng.random() < 0.8:
            before = p.person(unit, p.demo.age("elder"), female=0.1, education="official", org=township.org)
            p.position(before, township.org, T.TOWNSHIP_SECRETARY, elections[index - 1], elections[index])
        for _ in range(2):
            deputy, _ = p.member(unit, "township_leader", role="township", female=0.2, **official)
            p.position(deputy, township.org, T.TOWNSHIP_DEPUTY_SECRETARY, current)
        members = []
        for _ in range(rng.randint(5, 6)):
            person, _ = p.member(unit, "township_leader", role="township", female=0.25, **official)
            start = current if rng.random() < 0.75 else previous
            p.position(person, township.org, T.TOWNSHIP_COMMITTEE_MEMBER, start)
            members.append(person)
        organ_secretary = rng.choice(members)
        p.position(organ_secretary, unit.org, T.SECRETARY, max(current, unit.org.established_date))
        for _ in range(rng.randint(*self.scale.organ_staff)):
            p.member(unit, "staff", female=0.4, **official)

    def economic(self, unit):
        """A company or cooperative branch: a secretary from its management, members from its staff."""
        p = self.p
        secretary, _ = p.member(
            unit, "cadre", role="secretary", education="townsfolk", double_strong=0.5,
            occupation=Occupation.MANAGER,
        )  # fmt: skip
        unit.secretary = secretary
        start = max(unit.org.established_date, unit.township.village_elections[-1])
        p.position(secretary, unit.org, T.SECRETARY, random_date(self.rng, start, self.today))
        profile = "worker" if unit.kind == "enterprise" else "member"
        while unit.party_count < unit.size:
            p.member(unit, profile)
