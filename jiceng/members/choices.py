import datetime

from django.db import models


class MemberStatus(models.TextChoices):
    APPLICANT = "applicant", "入党申请人"
    ACTIVIST = "activist", "入党积极分子"
    CANDIDATE = "candidate", "发展对象"
    PROBATIONARY = "probationary", "预备党员"
    FULL = "full", "正式党员"
    TRANSFERRED_OUT = "transferred_out", "已转出"
    DECEASED = "deceased", "已去世"
    LEFT = "left", "已出党"


# Party members in the statistical sense: full and probationary members.
PARTY_MEMBER_STATUSES = (MemberStatus.PROBATIONARY, MemberStatus.FULL)
DEVELOPMENT_STATUSES = (MemberStatus.APPLICANT, MemberStatus.ACTIVIST, MemberStatus.CANDIDATE)
LEFT_STATUSES = (MemberStatus.TRANSFERRED_OUT, MemberStatus.DECEASED, MemberStatus.LEFT)


class Occupation(models.TextChoices):
    """Occupation categories of the Party's internal statistics."""

    WORKER = "worker", "工人"
    FARMER = "farmer", "农牧渔民"
    PROFESSIONAL = "professional", "企事业单位、民办非企业单位专业技术人员"
    MANAGER = "manager", "企事业单位、民办非企业单位管理人员"
    PARTY_GOVERNMENT = "party_government", "党政机关工作人员"
    STUDENT = "student", "学生"
    OTHER = "other", "其他职业人员"
    RETIRED = "retired", "离退休人员"


class AddedHow(models.TextChoices):
    DEVELOPED = "developed", "新发展"
    OTHER = "other", "其他（转入、恢复党籍等）"


# Age bands of the statistics (years of age on the reference day, inclusive bounds).
AGE_BANDS = [
    ("le30", "30岁及以下", None, 30),
    ("31_35", "31至35岁", 31, 35),
    ("36_40", "36至40岁", 36, 40),
    ("41_45", "41至45岁", 41, 45),
    ("46_50", "46至50岁", 46, 50),
    ("51_55", "51至55岁", 51, 55),
    ("56_60", "56至60岁", 56, 60),
    ("ge61", "61岁及以上", 61, None),
]
AGE_BAND_CHOICES = [(key, label) for key, label, _, _ in AGE_BANDS]


def _years_before(day, years):
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def birth_date_range(band_key, on=None):
    """(earliest, latest) birth dates, either None, of people in the band on `on`."""
    on = on or datetime.date.today()
    for key, _, low, high in AGE_BANDS:
        if key == band_key:
            # Aged at most `high`: born after the day `high + 1` years before.
            earliest = _years_before(on, high + 1) + datetime.timedelta(days=1) if high is not None else None
            latest = _years_before(on, low) if low is not None else None
            return earliest, latest
    raise KeyError(band_key)


# Time of joining the Party, as the statistics split it (start inclusive, end exclusive).
JOINING_PERIODS = [
    ("before_1949_10", "1949年10月以前", None, datetime.date(1949, 10, 1)),
    ("1949_10_1966_5", "1949年10月至1966年5月", datetime.date(1949, 10, 1), datetime.date(1966, 5, 1)),
    ("1966_5_1976_10", "1966年5月至1976年10月", datetime.date(1966, 5, 1), datetime.date(1976, 10, 1)),
    ("1976_10_1978_12", "1976年10月至1978年12月", datetime.date(1976, 10, 1), datetime.date(1978, 12, 1)),
    ("1978_12_2002_11", "1978年12月至2002年11月", datetime.date(1978, 12, 1), datetime.date(2002, 11, 1)),
    ("2002_11_2012_11", "2002年11月至2012年11月", datetime.date(2002, 11, 1), datetime.date(2012, 11, 1)),
    ("since_2012_11", "2012年11月以来", datetime.date(2012, 11, 1), None),
]


class PositionTitle(models.TextChoices):
    SECRETARY = "secretary", "党组织书记"
    DEPUTY_SECRETARY = "deputy_secretary", "党组织副书记"
    ORGANIZATION_MEMBER = "organization_member", "组织委员"
    PROPAGANDA_MEMBER = "propaganda_member", "宣传委员"
    DISCIPLINE_MEMBER = "discipline_member", "纪检委员"
    COMMITTEE_MEMBER = "committee_member", "党组织委员"
    GROUP_LEADER = "group_leader", "党小组组长"
    VILLAGE_CHAIR = "village_chair", "村（居）委会主任"
    VILLAGE_DEPUTY_CHAIR = "village_deputy_chair", "村（居）委会副主任"
    VILLAGE_COMMITTEE_MEMBER = "village_committee_member", "村（居）委会委员"
    FIRST_SECRETARY = "first_secretary", "驻村第一书记"
    TOWNSHIP_SECRETARY = "township_secretary", "乡镇党委书记"
    TOWNSHIP_DEPUTY_SECRETARY = "township_deputy_secretary", "乡镇党委副书记"
    TOWNSHIP_COMMITTEE_MEMBER = "township_committee_member", "乡镇党委委员"


# Posts that count as "village cadres" (村干部) in the indicators.
VILLAGE_CADRE_TITLES = (
    PositionTitle.SECRETARY,
    PositionTitle.DEPUTY_SECRETARY,
    PositionTitle.ORGANIZATION_MEMBER,
    PositionTitle.PROPAGANDA_MEMBER,
    PositionTitle.DISCIPLINE_MEMBER,
    PositionTitle.COMMITTEE_MEMBER,
    PositionTitle.VILLAGE_CHAIR,
    PositionTitle.VILLAGE_DEPUTY_CHAIR,
    PositionTitle.VILLAGE_COMMITTEE_MEMBER,
)
