import datetime

import pytest
from django.core.exceptions import ValidationError

from jiceng.members.choices import MemberStatus, birth_date_range
from jiceng.members.models import Member, Position
from jiceng.members.stats import member_figures


def errors_of(instance):
    with pytest.raises(ValidationError) as exc:
        instance.full_clean()
    return exc.value.message_dict


def test_development_dates_must_come_in_order(county):
    m = county.member_a1
    m.candidate_date = datetime.date(2012, 1, 1)
    m.admission_date = datetime.date(2010, 7, 1)
    assert "入党日期不能早于确定发展对象日期" in errors_of(m)["admission_date"][0]


def test_an_application_before_the_eighteenth_birthday_is_refused(county):
    m = county.member_a1b  # born 1995-03-08
    m.application_date = datetime.date(2013, 3, 7)
    assert "年满18周岁" in errors_of(m)["application_date"][0]
    m.application_date = datetime.date(2013, 3, 8)
    m.admission_date = datetime.date(2014, 7, 1)
    m.full_date = datetime.date(2015, 7, 1)
    m.full_clean()


def test_future_dates_are_refused(county):
    m = county.member_a1
    m.full_date = datetime.date.today() + datetime.timedelta(days=1)
    assert "不能晚于今天" in errors_of(m)["full_date"][0]


def test_a_full_member_needs_admission_and_full_dates(county):
    m = county.member_a1
    m.full_date = None
    assert "转正日期" in errors_of(m)["full_date"][0]


def test_a_position_cannot_end_before_it_starts(county):
    p = Position(
        person=county.member_a1.person,
        organization=county.village_a1,
        title="village_chair",
        start_date=datetime.date(2021, 1, 1),
        end_date=datetime.date(2020, 1, 1),
    )
    assert "离任日期不能早于任职日期" in str(errors_of(p))


@pytest.mark.parametrize(
    "band, birthday, inside",
    [
        ("le30", datetime.date(1996, 11, 23), True),  # 30 today
        ("le30", datetime.date(1995, 11, 23), False),  # 31 today
        ("31_35", datetime.date(1995, 11, 23), True),
        ("31_35", datetime.date(1990, 11, 24), True),  # 35, turns 36 tomorrow
        ("31_35", datetime.date(1990, 11, 23), False),  # 36 today
        ("ge61", datetime.date(1965, 11, 23), True),
        ("ge61", datetime.date(1965, 11, 24), False),
    ],
)
def test_age_bands_use_the_age_on_the_reference_day(band, birthday, inside):
    earliest, latest = birth_date_range(band, datetime.date(2026, 11, 23))
    assert ((earliest is None or birthday >= earliest) and (latest is None or birthday <= latest)) == inside


def test_member_figures_count_party_members_by_the_statistics_categories(county):
    county.member_a1b.double_strong = True
    county.member_a1b.save()
    figures = member_figures(Member.objects.all(), on=datetime.date(2026, 11, 23))
    assert figures["party_members"] == 4
    assert figures["full"] == 3 and figures["probationary"] == 1
    assert figures["double_strong"] == 1 and figures["double_strong_share"] == 25.0
    # Born 1995-03-08 → 31 on the reference day; the others were born in 1980 → 46.
    assert dict((label, n) for label, n, _ in figures["age_bands"])["31至35岁"] == 1
    assert dict((label, n) for label, n, _ in figures["age_bands"])["46至50岁"] == 3


def test_applicants_are_not_counted_as_party_members(county):
    county.member_a2.status = MemberStatus.APPLICANT
    county.member_a2.save()
    assert member_figures(Member.objects.all())["party_members"] == 3


def test_an_admission_before_the_eighteenth_birthday_is_refused(county):
    m = county.member_a1b  # born 1995-03-08
    m.admission_date = datetime.date(2013, 1, 1)
    m.full_date = datetime.date(2014, 1, 1)
    assert "入党时应年满18周岁" in errors_of(m)["admission_date"][0]
