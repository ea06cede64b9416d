"""The demo county's people, memberships, households, posts and mobile members (a few villages)."""

import datetime
import random

from django.db.models import Count, F, Q

from jiceng.members.choices import PARTY_MEMBER_STATUSES
from jiceng.members.models import Member, MobileMember, Position
from jiceng.organizations.models import Organization
from jiceng.people.models import Household, Person
from jiceng.people.validators import phone_validator

from .assertions import id_number_problems, local_organizations, unordered_member_dates


def test_id_numbers_are_valid_and_agree_with_birth_date_and_sex(small_demo):
    assert Person.objects.count() > 300
    assert id_number_problems() == []
    assert all(n.startswith("439901") for n in Person.objects.values_list("id_number", flat=True))


def test_member_dates_are_ordered_and_fit_the_age(small_demo):
    assert unordered_member_dates() == []
    assert Member.objects.filter(status="probationary").exists()


def test_a_sample_of_members_passes_full_clean(small_demo):
    pks = sorted(Member.objects.values_list("pk", flat=True))
    sample = random.Random(1).sample(pks, min(200, len(pks)))
    for member in Member.objects.filter(pk__in=sample).select_related("person"):
        member.person.full_clean()
        member.full_clean()
    for record in [*Household.objects.all()[:50], *Position.objects.all()[:50], *MobileMember.objects.all()]:
        record.full_clean()


def test_names_are_two_or_three_characters_with_their_pinyin(small_demo):
    for name, full, initials in Person.objects.values_list("name", "name_pinyin", "name_initials"):
        assert len(name) in (2, 3)
        assert full.isascii() and full.isalpha() and len(initials) == len(name)


def test_phones_are_eleven_digit_mobile_numbers(small_demo):
    phones = list(Person.objects.exclude(phone="").values_list("phone", flat=True))
    assert len(phones) > Person.objects.count() * 0.8
    for phone in phones:
        phone_validator(phone)
        assert phone[:2] in ("13", "15", "18")
    assert len(set(phones)) == len(phones)


def test_every_party_member_lives_in_a_household_of_a_village(small_demo):
    members = Member.objects.filter(status__in=PARTY_MEMBER_STATUSES)
    assert not members.filter(person__household=None).exists()
    local = set(local_organizations().values_list("pk", flat=True))
    assert set(Household.objects.values_list("organization", flat=True)) <= local
    assert not Household.objects.filter(head=None).exists()
    assert Household.objects.filter(head__membership=None).exists()  # villagers' households too
    assert Household.objects.filter(is_hardship=True).exists()
    assert not Household.objects.filter(size__lt=1).exists()


def test_people_belong_to_their_village_and_memberships_to_its_branches(small_demo):
    village_members = Member.objects.filter(organization__sector="village")
    assert village_members.exists()
    # A member of a sub-branch is still recorded with the village's general branch.
    mismatched = village_members.exclude(
        Q(organization=F("person__organization")) | Q(organization__parent=F("person__organization"))
    )
    assert not mismatched.exists()
    assert not Person.objects.filter(organization__kind="group").exists()


def test_village_leaderships_are_complete(small_demo):
    current = Position.objects.filter(end_date=None)
    for org in local_organizations():
        titles = list(current.filter(organization=org).values_list("title", flat=True))
        assert titles.count("secretary") == 1
        assert titles.count("village_chair") == 1
        assert "organization_member" in titles and "village_committee_member" in titles
    concurrent = current.filter(title="village_chair", concurrent=True)
    for chair in concurrent:
        assert current.filter(
            organization=chair.organization_id, title="secretary", person=chair.person_id, concurrent=True
        ).exists()


def test_past_posts_ended_at_an_election(small_demo):
    ended = Position.objects.exclude(end_date=None)
    assert ended.exists()
    assert not ended.filter(end_date__lt=F("start_date")).exists()
    assert not ended.filter(end_date__gt=datetime.date.today()).exists()


def test_township_committees_have_a_secretary_deputies_and_members(small_demo):
    for org in Organization.objects.filter(kind="township_committee"):
        titles = list(org.positions.filter(end_date=None).values_list("title", flat=True))
        assert titles.count("township_secretary") == 1
        assert titles.count("township_deputy_secretary") == 2
        assert titles.count("township_committee_member") >= 5


def test_mobile_members_have_a_destination_and_dates_in_order(small_demo):
    records = MobileMember.objects.select_related("member__organization")
    assert records.filter(member__organization__sector="mobile").exists()
    assert records.filter(member__organization__sector="village").exists()
    for record in records:
        assert record.destination and record.work and record.contact_phone
        assert record.start_date >= record.member.admission_date
        assert record.end_date is None or record.start_date < record.end_date <= datetime.date.today()
    assert not records.values("member").annotate(n=Count("pk")).filter(n__gt=1).exists()
