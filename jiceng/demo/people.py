"""The demo county's people: Party members and those on the way in, villagers, the
households they live in, and members working away from home."""

import datetime

from jiceng.members.choices import PARTY_MEMBER_STATUSES, AddedHow, MemberStatus, Occupation, PositionTitle
from jiceng.members.models import Member, MobileMember, Position
from jiceng.people.choices import EDUCATION_COLLEGE_AND_ABOVE
from jiceng.people.models import Household, Person
from jiceng.people.pinyin import name_pinyin

from .population import add_years
from .rows import random_date
from .vocabulary import COMMUNITY_ROADS, MOBILE_BRANCH_CITY, MOBILE_DESTINATIONS, MOBILE_WORK

St = MemberStatus
Occ = Occupation
DAY = datetime.timedelta(days=1)
# The education table each kind of unit draws its members from (see population.EDUCATION_TABLES).
EDUCATION_OF_UNIT = {
    "village": "member",
    "community": "townsfolk",
    "organ": "official",
    "enterprise": "townsfolk",
    "cooperative": "member",
    "mobile": "member",
}
# Roles that are not settled in a household of their own unit's village.
NO_HOUSEHOLD = {"transferred"}


class PeopleBuilder:
    def __init__(self, rows, rng, demo, scale, structure):
        self.rows, self.rng, self.demo, self.scale = rows, rng, demo, scale
        self.structure = structure
        self.today = demo.today
        self._pinyin = {}
        self.posted = set()  # pks of persons holding a post (current or past)
        self.mobile = set()  # pks of members with a mobile record
        self.household_people = {}  # household pk -> recorded people in it

    # Persons and members -----------------------------------------------------------------
    def pinyin(self, name):
        if name not in self._pinyin:
            self._pinyin[name] = name_pinyin(name)
        return self._pinyin[name]

    def age_of(self, person):
        b, t = person.birth_date, self.today
        return t.year - b.year - ((t.month, t.day) < (b.month, b.day))

    def person(self, unit, age, *, female=None, education=None, org=None):
        demo = self.demo
        birth = demo.birth_date(age)
        sex = demo.sex(age, female)
        name = demo.name(sex, birth, unit.clan)
        full, initials = self.pinyin(name)
        has_phone = self.rng.random() < (0.97 if age < 60 else 0.8)
        return self.rows.add(
            Person(
                name=name,
                id_number=demo.id_number(birth, sex),
                sex=sex,
                birth_date=birth,
                ethnicity=demo.ethnicity(unit.minority_share),
                education=demo.education(age, education or EDUCATION_OF_UNIT[unit.kind]),
                phone=demo.phone() if has_phone else "",
                organization=org or unit.org,
                name_pinyin=full,
                name_initials=initials,
            )
        )

    def villager(self, unit, age, role="villager", **kwargs):
        """A person without a Party membership (a household head, a village committee member)."""
        kwargs.setdefault("education", "villager")
        person = self.person(unit, age, **kwargs)
        if role != "villager":
            unit.people.append((person, None, role))
        return person

    def occupation(self, unit, age, education):
        choose = self.rng.choices
        if unit.kind == "organ":
            return Occ.PARTY_GOVERNMENT
        if unit.kind == "enterprise":
            return choose([Occ.WORKER, Occ.MANAGER, Occ.PROFESSIONAL], [55, 20, 25])[0]
        if unit.kind == "cooperative":
            return choose([Occ.FARMER, Occ.MANAGER, Occ.PROFESSIONAL], [70, 20, 10])[0]
        if unit.kind == "mobile":
            return choose([Occ.WORKER, Occ.OTHER], [70, 30])[0]
        if unit.kind == "community":
            if age >= 56:
                return choose([Occ.RETIRED, Occ.OTHER, Occ.WORKER], [70, 20, 10])[0]
            options = [Occ.WORKER, Occ.PROFESSIONAL, Occ.MANAGER, Occ.OTHER, Occ.PARTY_GOVERNMENT]
            return choose(options, [25, 20, 15, 30, 10])[0]
        if age <= 24 and education in EDUCATION_COLLEGE_AND_ABOVE and self.rng.random() < 0.5:
            return Occ.STUDENT
        if age >= 61:
            return choose([Occ.FARMER, Occ.RETIRED, Occ.OTHER], [72, 22, 6])[0]
        options = [Occ.FARMER, Occ.WORKER, Occ.OTHER, Occ.PROFESSIONAL, Occ.MANAGER, Occ.PARTY_GOVERNMENT]
        return choose(options, [68, 12, 8, 4, 4, 2])[0]

    def double_strong_share(self, unit, age):
        if unit.kind == "village":
            return None  # the age-dependent rural shares of population.DOUBLE_STRONG_BY_AGE
        return 0.1 if unit.kind in ("cooperative", "enterprise") else 0.04

    def member(self, unit, profile="member", *, status=None, role="ordinary", org=None, female=None,
               education=None, double_strong=None, occupation=None, left=None):  # fmt: skip
        """A person with a membership of `unit`, dated consistently with their age; with `left`,
        a full member who has since moved away or died (that status, and the day of it)."""
        demo = self.demo
        age = demo.age(profile)
        if status is None:
            status = St.PROBATIONARY if profile == "member" and demo.probationary(age) else St.FULL
        person = self.person(unit, age, female=female, education=education)
        for attempt in range(60):
            dates = demo.party_dates(person.birth_date, status, age)
            if dates:
                break
            if status == St.FULL and attempt >= 3:
                status = St.PROBATIONARY  # too young to have finished probation
        else:
            raise RuntimeError(f"no consistent dates for a {age}-year-old {status}")
        share = self.double_strong_share(unit, age) if double_strong is None else double_strong
        member = self.rows.add(
            Member(
                person=person,
                organization=org or self.rng.choice(unit.member_orgs),
                status=status,
                occupation=occupation or self.occupation(unit, age, person.education),
                added_how=AddedHow.OTHER if self.rng.random() < 0.04 else AddedHow.DEVELOPED,
                double_strong=demo.double_strong(age, share),
                **dates,
            )
        )
        if left:
            member.status = left
            start = max((member.full_date or member.admission_date) + DAY, self.today - 1095 * DAY)
            member.left_date = random_date(self.rng, start, self.today - 5 * DAY)
        unit.people.append((person, member, role))
        if member.status in PARTY_MEMBER_STATUSES:
            unit.party_count += 1
            if role == "ordinary":
                unit.ordinary.append((person, member))
        return person, member

    def position(self, person, org, title, start, end=None, concurrent=False, note=""):
        self.posted.add(person.pk)
        return self.rows.add(
            Position(
                person=person,
                organization=org,
                title=title,
                start_date=start,
                end_date=end,
                concurrent=concurrent,
                note=note,
            )
        )

    def pick_ordinary(self, unit, low=18, high=120, prefer_double_strong=False):
        """An ordinary member of the unit without a post, of an age in [low, high], or None."""
        fits = [
            (p, m)
            for p, m in unit.ordinary
            if p.pk not in self.posted and low <= self.age_of(p) <= high and m.status == St.FULL
        ]
        if prefer_double_strong and any(m.double_strong for _, m in fits):
            fits = [(p, m) for p, m in fits if m.double_strong]
        return self.rng.choice(fits) if fits else None

    # Members of a village or community ---------------------------------------------------
    def fill(self, unit):
        """Ordinary members up to the unit's size, then those on their way into the Party."""
        while unit.party_count < unit.size:
            self.member(unit)
        sc = self.scale
        steps = ((St.APPLICANT, sc.applicants), (St.ACTIVIST, sc.activists), (St.CANDIDATE, sc.candidates))
        for status, most in steps:
            for _ in range(self.rng.randint(0, most)):
                self.member(
                    unit,
                    "development",
                    status=status,
                    role="development",
                    female=0.45,
                    education="townsfolk",
                    double_strong=0.15,
                )

    def left_members(self, village_units):
        """Members who moved their membership away or died in the last three years."""
        sc = self.scale
        for status, count in ((St.TRANSFERRED_OUT, sc.transferred_out), (St.DECEASED, sc.deceased)):
            for _ in range(count):
                unit = self.rng.choice(village_units)
                profile = "worker" if status == St.TRANSFERRED_OUT else "late"
                role = "transferred" if status == St.TRANSFERRED_OUT else "deceased"
                self.member(unit, profile, status=St.FULL, role=role, left=status)

    # Households ----------------------------------------------------------------------------
    def home_of(self, unit):
        if unit.kind in ("village", "community"):
            return unit
        if unit.home is not None:
            return unit.home
        if unit.kind == "organ":
            return self.rng.choice(unit.township.units)
        return self.rng.choice(self.structure.village_units)

    def household(self, home, head):
        region = self.rng.choice(home.naturals) if home.naturals else home.region
        if home.kind == "community":
            address = f"{home.address}{self.rng.choice(COMMUNITY_ROADS)}{self.rng.randint(1, 188)}号"
        else:
            address = f"{home.address}{region.name}{self.rng.randint(1, 66)}号"
        old = self.age_of(head) >= 70
        household = self.rows.add(
            Household(
                name=f"{head.name}户",
                head=head,
                organization=home.org,
                region=region,
                address=address,
                is_hardship=self.rng.random() < self.scale.hardship_share * (2 if old else 1),
            )
        )
        home.households.append(household)
        self.join(household, head)
        return household

    def join(self, household, person):
        person.household = household
        person.address = household.address
        self.household_people[household.pk] = self.household_people.get(household.pk, 0) + 1

    def relative_age(self, age):
        """A parent for the young, a spouse of about the same age for the others."""
        if age < 35:
            return min(92, age + self.rng.randint(22, 32))
        return max(25, min(92, age + self.rng.randint(-5, 5)))

    def settle(self, unit):
        """Everyone of the unit in a household: many head their own, others live with a
        member's family or a villager's; villages also get households without members."""
        for person, _, role in list(unit.people):
            if role in NO_HOUSEHOLD:
                continue
            home = self.home_of(unit)
            age = self.age_of(person)
            if role != "deceased" and age >= 25 and self.rng.random() < 0.62:
                self.household(home, person)
            elif home.households and (role == "deceased" or self.rng.random() < 0.45):
                self.join(self.rng.choice(home.households), person)
            else:
                head = self.villager(home, self.relative_age(age), female=0.25)
                self.join(self.household(home, head), person)
        if unit.kind in ("village", "community"):
            for _ in range(round(self.scale.extra_households * unit.party_count)):
                self.household(unit, self.villager(unit, self.demo.age("villager"), female=0.25))

    def household_sizes(self):
        for household in self.rows.of(Household):
            others = self.rng.choices((0, 1, 2, 3, 4), weights=(12, 25, 30, 23, 10))[0]
            household.size = min(9, self.household_people[household.pk] + others)

    # Members working away ------------------------------------------------------------------
    def mobile_record(self, member, destination, receiving, start):
        end = None
        if self.rng.random() < self.scale.mobile_returned_share and start + 60 * DAY < self.today:
            end = random_date(self.rng, start + 60 * DAY, self.today - DAY)
        self.mobile.add(member.pk)
        return self.rows.add(
            MobileMember(
                member=member,
                destination=destination,
                work=self.rng.choice(MOBILE_WORK),
                contact_phone=member.person.phone or self.demo.phone(),
                receiving_organization=receiving,
                start_date=start,
                end_date=end,
            )
        )

    def mobile_members(self, units):
        """About 5% of village and community members work away; a few have come back, and a
        few who never reported to an organisation there have lost contact."""
        pool = [
            (p, m)
            for unit in units
            for p, m in unit.ordinary
            if 22 <= self.age_of(p) <= 55 and p.pk not in self.posted
        ]
        total = sum(u.party_count for u in units)
        count = min(len(pool), round(self.scale.mobile_share * total))
        for _, member in self.rng.sample(pool, count):
            destination, organisations = self.rng.choice(MOBILE_DESTINATIONS)
            registered = self.rng.random() < 0.75
            receiving = self.rng.choice(organisations) if registered else ""
            earliest = max(member.admission_date, self.today - datetime.timedelta(days=6 * 365))
            record = self.mobile_record(
                member, destination, receiving, random_date(self.rng, earliest, self.today - 30 * DAY)
            )
            if member.occupation == Occ.FARMER:
                member.occupation = Occ.WORKER
            if not registered and record.end_date is None and self.rng.random() < 0.1:
                member.lost_contact = True

    def mobile_branch_people(self, unit):
        """The county's branch in one city: every member of it works there."""
        _, destination = MOBILE_BRANCH_CITY
        first = True
        while unit.party_count < unit.size:
            role = "secretary" if first else "ordinary"
            person, member = self.member(unit, "worker", role=role, female=0.3)
            earliest = max(member.admission_date, unit.org.established_date)
            self.mobile_record(
                member, destination, unit.org.name, random_date(self.rng, earliest, self.today)
            )
            if first:
                unit.secretary = person
                start = max(unit.org.established_date, add_years(self.today, -3))
                self.position(person, unit.org, PositionTitle.SECRETARY, start)
                first = False
