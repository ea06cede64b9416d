import datetime
import io

from openpyxl import Workbook

from jiceng.core.context import change_context
from jiceng.core.models import ChangeLog
from jiceng.members.models import Member
from jiceng.people import idnumber
from jiceng.people.models import Person
from jiceng.roster.export import members_workbook
from jiceng.roster.importer import import_members

from . import files

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = ["建国", "秀英", "志强", "桂兰", "海燕", "小明", "春梅", "红军", "立新", "玉兰", "德胜", "丽"]
ORGS = ["V001", "V002-1", "中共杏花村总支部委员会", "中共东山镇委员会/中共桃源村支部委员会"]
N = 10_000


def big_roster(n=N):
    """n distinct clean rows of every status, written as Excel would (write-only openpyxl)."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("党员花名册")
    ws.append(files.HEADER)
    start = datetime.date(1950, 1, 1)
    for i in range(n):
        birth = start + datetime.timedelta(days=i * 2)
        row = {
            "name": SURNAMES[i % len(SURNAMES)] + GIVEN[(i // 20) % len(GIVEN)],
            "id_number": idnumber.make("430121", birth, 100 + i % 800),
            "organization": ORGS[i % len(ORGS)],
            "phone": f"138{i:08d}",
            "education": ["大学本科", "高中、中技", "初中及以下"][i % 3],
        }
        adult = birth + datetime.timedelta(days=20 * 366)
        kind = i % 4
        if kind == 0:
            row.update(
                status="正式党员", admission_date=adult, full_date=adult + datetime.timedelta(days=366)
            )
        elif kind == 1:
            row.update(status="预备党员", admission_date=adult)
        elif kind == 2:
            row.update(status="入党积极分子", application_date=adult, activist_date=adult)
        else:
            row.update(status="入党申请人", application_date=adult, double_strong="是")
        ws.append(files.as_lists([row])[0])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_ten_thousand_rows_import_completely_in_few_queries(county, django_assert_max_num_queries):
    data = big_roster()
    persons, members = Person.objects.count(), Member.objects.count()
    # Bulk statements: SQLite's 999-parameter limit makes batches of ~70 rows, PostgreSQL's 1000,
    # so "no query per row" is at most one query for every ten rows.
    with django_assert_max_num_queries(N // 10), change_context(user=county.township_admin_a):
        report = import_members(data, county.town_a, county.township_admin_a, commit=True)
    assert report.ok, report.errors[:5]
    assert (report.rows, report.created) == (N, N)
    assert Person.objects.count() == persons + N
    assert Member.objects.count() == members + N
    assert ChangeLog.objects.filter(content_type__model="member", action="create").count() >= N
    assert not Person.objects.filter(name_pinyin="").exists()

    # The same file again: nothing to change, nothing duplicated, nothing logged.
    logs = ChangeLog.objects.count()
    again = import_members(data, county.town_a, county.township_admin_a, commit=True)
    assert again.unchanged == N and again.created == again.updated == 0
    assert Member.objects.count() == members + N and ChangeLog.objects.count() == logs

    # Exporting them all stays a handful of queries.
    with django_assert_max_num_queries(5):
        exported = members_workbook(Member.objects.restrict(county.township_admin_a), county.township_admin_a)
    roundtrip = import_members(exported, county.town_a, county.township_admin_a)
    assert roundtrip.ok and roundtrip.unchanged == N + 3
