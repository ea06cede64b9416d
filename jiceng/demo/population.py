"""The demographic model of the demo county: who the members, cadres and villagers are.

Ages are skewed old as in rural Party statistics (about 30% aged 61 and over, about 12% aged
35 and under), women are about 30% of members, young members have more schooling, and every
date of a member's path into the Party is consistent with their age and with the rules
(applicant at least 18, activist observed at least a year, probation of one year).
"""

import datetime

from jiceng.members.choices import MemberStatus
from jiceng.people import idnumber
from jiceng.people.choices import HAN, Education, Sex

from .vocabulary import ETHNIC_MINORITIES, GIVEN, SURNAMES

E = Education
EDUCATION_ORDER = (
    E.POSTGRADUATE,
    E.UNIVERSITY,
    E.COLLEGE,
    E.SECONDARY_VOCATIONAL,
    E.SENIOR_HIGH,
    E.JUNIOR_HIGH_BELOW,
)
# Weights over EDUCATION_ORDER by (table, upper age bound of the bracket).
EDUCATION_TABLES = {
    "member": ((35, (1, 17, 22, 12, 23, 25)), (50, (0, 5, 12, 8, 30, 45)), (60, (0, 1, 4, 5, 30, 60)),
               (200, (0, 0.5, 2, 2.5, 15, 80))),
    "cadre": ((40, (0, 20, 35, 10, 25, 10)), (50, (0, 6, 22, 12, 40, 20)), (200, (0, 2, 10, 8, 45, 35))),
    "official": ((200, (6, 60, 28, 3, 3, 0)),),
    "townsfolk": ((35, (2, 30, 30, 10, 18, 10)), (55, (0, 10, 20, 10, 35, 25)), (200, (0, 4, 10, 6, 35, 45))),
    "villager": ((35, (0, 10, 18, 12, 25, 35)), (55, (0, 1, 3, 5, 21, 70)), (200, (0, 0, 1, 1, 8, 90))),
}  # fmt: skip

# Member ages: (youngest, oldest) of each statistical band and its weight in percent.
# Cadres, drawn from their own age profiles, are mostly 40 to 60: ordinary members carry a
# little more of both ends so that the whole membership has the shares named above.
MEMBER_AGE_BANDS = (
    ((21, 30), 7),
    ((31, 35), 6),
    ((36, 40), 7),
    ((41, 45), 7),
    ((46, 50), 9),
    ((51, 55), 14),
    ((56, 60), 16),
    ((61, None), 34),
)
# Ages of the other profiles: ("gauss", mean, sd, low, high) or ("tri", low, high, mode).
AGE_PROFILES = {
    "secretary": ("gauss", 47.5, 6.5, 32, 62),
    "chair": ("gauss", 47, 7, 30, 62),
    "cadre": ("gauss", 50, 8, 28, 64),
    "township_leader": ("gauss", 45, 5, 33, 57),
    "staff": ("tri", 24, 58, 35),
    "worker": ("tri", 24, 55, 36),
    "development": ("tri", 22, 50, 28),
    "villager": ("tri", 25, 88, 55),
    "elder": ("tri", 58, 84, 66),
    "late": ("tri", 68, 96, 82),
    "first_secretary": ("tri", 27, 52, 36),
}

# Probabilities by rough age: the figures named in the module docstring come out of these.
FEMALE_BY_AGE = ((35, 0.42), (60, 0.32), (200, 0.25))
DOUBLE_STRONG_BY_AGE = ((30, 0.12), (55, 0.29), (60, 0.19), (200, 0.06))
PROBATIONARY_BY_AGE = ((35, 0.12), (45, 0.03), (55, 0.01), (200, 0.0))


def by_age(table, age):
    for bound, value in table:
        if age <= bound:
            return value
    return table[-1][1]


def add_years(day, years):
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


class Demography:
    """Draws persons' attributes and dates from one random.Random, so that a seed fixes them."""

    def __init__(self, rng, today, address_code):
        self.rng = rng
        self.today = today
        self.address_code = address_code
        self._ids = set()
        self._phones = set()
        self._surnames = [s for s, _ in SURNAMES]
        self._surname_weights = [w for _, w in SURNAMES]

    # Ages and birth dates -------------------------------------------------------------------
    def member_age(self):
        (low, high), _ = self.rng.choices(MEMBER_AGE_BANDS, weights=[w for _, w in MEMBER_AGE_BANDS])[0]
        if high is None:  # 61 and over: fewer at each older year, none past 96
            return low + min(int(self.rng.expovariate(1 / 9)), 35)
        return self.rng.randint(low, high)

    def age(self, profile):
        if profile == "member":
            return self.member_age()
        spec = AGE_PROFILES[profile]
        if spec[0] == "gauss":
            _, mean, sd, low, high = spec
            return max(low, min(high, round(self.rng.gauss(mean, sd))))
        _, low, high, mode = spec
        return round(self.rng.triangular(low, high, mode))

    def birth_date(self, age):
        """A birth date such that the person is `age` years old today."""
        latest = add_years(self.today, -age)
        return latest - datetime.timedelta(days=self.rng.randint(0, 364))

    # Personal attributes -------------------------------------------------------------------
    def sex(self, age, female=None):
        share = by_age(FEMALE_BY_AGE, age) if female is None else female
        return Sex.FEMALE if self.rng.random() < share else Sex.MALE

    def education(self, age, table="member"):
        weights = by_age(EDUCATION_TABLES[table], age)
        return self.rng.choices(EDUCATION_ORDER, weights=weights)[0]

    def ethnicity(self, minority_share):
        if self.rng.random() >= minority_share:
            return HAN
        return self.rng.choices([c for c, _ in ETHNIC_MINORITIES], weights=[w for _, w in ETHNIC_MINORITIES])[
            0
        ]

    def double_strong(self, age, share=None):
        return self.rng.random() < (by_age(DOUBLE_STRONG_BY_AGE, age) if share is None else share)

    def probationary(self, age):
        return self.rng.random() < by_age(PROBATIONARY_BY_AGE, age)

    def surname(self, clan=()):
        """Villages have a few big families: about half the villagers carry one of their names."""
        if clan and self.rng.random() < 0.5:
            return self.rng.choice(clan)
        return self.rng.choices(self._surnames, weights=self._surname_weights)[0]

    def name(self, sex, birth, clan=()):
        era = "old" if birth.year < 1965 else "mid" if birth.year < 1985 else "young"
        first, second = GIVEN[(sex, era)]
        given = self.rng.choice(second)
        if self.rng.random() < 0.72:
            given = self.rng.choice(first) + given
        return self.surname(clan) + given

    def phone(self):
        while True:
            number = f"1{self.rng.choice('358')}{self.rng.randint(0, 9)}{self.rng.randint(0, 99999999):08d}"
            if number not in self._phones:
                self._phones.add(number)
                return number

    def id_number(self, birth, sex):
        """A valid number for the county's address code, unique, with the sex digit right."""
        parity = 1 if sex == Sex.MALE else 0
        while True:
            seq = self.rng.randrange(parity, 1000, 2)
            if (birth, seq) not in self._ids:
                self._ids.add((birth, seq))
                return idnumber.make(self.address_code, birth, seq)

    # The path into the Party ---------------------------------------------------------------
    def _gaps(self):
        """Days from application to activist, activist to candidate, candidate to admission."""
        return self.rng.randint(30, 240), self.rng.randint(366, 800), self.rng.randint(60, 240)

    def party_dates(self, birth, status, age):
        """The dates of each step for a member in `status`, or None if the age does not allow it."""
        g1, g2, g3 = self._gaps()
        eighteen = add_years(birth, 18)
        day = datetime.timedelta
        if status in (MemberStatus.APPLICANT, MemberStatus.ACTIVIST, MemberStatus.CANDIDATE):
            end = self.today - day(days=self.rng.randint(10, 300))
            steps = {MemberStatus.APPLICANT: 0, MemberStatus.ACTIVIST: 1, MemberStatus.CANDIDATE: 2}[status]
            back = (0, g1, g1 + g2)[steps]
            application = end - day(days=back)
            if application < eighteen:
                return None
            dates = {"application_date": application}
            if steps >= 1:
                dates["activist_date"] = application + day(days=g1)
            if steps >= 2:
                dates["candidate_date"] = application + day(days=g1 + g2)
            return dates
        earliest = eighteen + day(days=g1 + g2 + g3)
        if status == MemberStatus.PROBATIONARY:
            low, high = max(earliest, self.today - day(days=360)), self.today - day(days=5)
            if low > high:
                return None
            admission = low + day(days=self.rng.randint(0, (high - low).days))
        else:
            latest = self.today - day(days=370)
            if earliest > latest:
                return None
            wanted = add_years(birth, round(self.rng.triangular(20, min(50, max(21, age - 1)), 27)))
            admission = min(latest, max(earliest, wanted + day(days=self.rng.randint(0, 364))))
        candidate = admission - day(days=g3)
        activist = candidate - day(days=g2)
        dates = {
            "application_date": activist - day(days=g1),
            "activist_date": activist,
            "candidate_date": candidate,
            "admission_date": admission,
        }
        if status == MemberStatus.FULL:
            dates["full_date"] = add_years(admission, 1)
        return dates
