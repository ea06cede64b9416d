import datetime

import pytest
from django.contrib.contenttypes.models import ContentType

from jiceng.core.context import change_context
from jiceng.core.models import ChangeLog
from jiceng.members.models import Member
from jiceng.organizations.models import Organization
from jiceng.people.models import Person
from jiceng.roster import reader
from jiceng.roster.importer import OTHER_UNIT_MEMBER, OTHER_UNIT_PERSON, import_members

from . import files


def counts():
    return Person.objects.count(), Member.objects.count(), ChangeLog.objects.count()


def errors_by_row(report):
    found = {}
    for error in report.errors:
        found.setdefault(error.row, []).append((error.column, error.message))
    return found


BAD_ROWS = [
    # row 2: a clean row, which must not be written either
    files.member_row("新人甲", 501),
    # row 3: GB 11643 checksum
    files.member_row("校验错", 502, id_number=files.id_number(502)[:-1] + "0"),
    # row 4: birth date disagreeing with the ID number
    files.member_row("生日错", 503, birth_date="1981-05-17"),
    # row 5: sex disagreeing with the ID number (odd sequence = male)
    files.member_row("性别错", 505, sex="女"),
    # row 6: the same ID number as row 2
    files.member_row("重复人", 501),
    # row 7: an organisation that does not exist
    files.member_row("无组织", 507, org="X999"),
    # row 8: an organisation of another township
    files.member_row("外单位", 509, org="V003"),
    # row 9: a date in the future
    files.member_row("未来人", 511, status="入党申请人", application_date="2099-01-01"),
    # row 10: admitted before the 18th birthday
    files.member_row("少年人", 513, admission_date="1995-01-01", full_date="1996-01-01"),
    # row 11: full member before admission
    files.member_row("先转正", 515, admission_date="2010-07-01", full_date="2009-07-01"),
    # row 12: a full member without dates
    files.member_row("缺日期", 517, admission_date=None, full_date=None),
    # row 13: an empty required cell
    files.member_row("", 519),
    # row 14: an unknown choice label
    files.member_row("乱状态", 521, status="老党员"),
    # row 15: a bad phone number
    files.member_row("电话错", 523, phone="12345"),
    # row 16: a member of another township (赵四海 in the fixture)
    files.member_row("赵四海", 41),
    # row 17: full-width digits
    files.member_row(
        "全角号",
        525,
        id_number=files.id_number(525).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    ),
    # row 18: a date that does not exist
    files.member_row("日期错", 527, admission_date="2010年13月1日"),
    # row 19: a yes/no cell that is neither
    files.member_row("双强错", 529, double_strong="也许"),
    # row 20: an ID number typed into a number cell
    files.member_row("数字号", 531, id_number=float(files.id_number(531))),
]


def test_a_file_with_bad_rows_writes_nothing_and_reports_every_row(county):
    before = counts()
    report = import_members(files.xlsx(BAD_ROWS), county.town_a, county.county_admin, commit=True)
    assert not report.ok and not report.committed
    assert counts() == before
    rows = errors_by_row(report)
    assert set(rows) == set(range(3, 21))
    assert 2 not in rows

    def has(row, column, text):
        assert any(c == column and text in m for c, m in rows[row]), rows[row]

    has(3, "公民身份号码", "校验位错误")
    has(4, "出生日期", "与身份证号不一致")
    has(5, "性别", "与身份证号不一致")
    has(6, "公民身份号码", "与第2行重复")
    has(7, "所在党组织", "找不到")
    has(8, "所在党组织", "不在本单位")
    has(9, "申请入党日期", "不能晚于今天")
    has(10, "入党日期", "年满18周岁")
    has(11, "转正日期", "不能早于入党日期")
    has(12, "入党日期", "必须填写入党日期")
    has(13, "姓名", "不能为空")
    has(14, "党员状态", "不是可选的党员状态")
    has(15, "联系电话", "手机号码")
    has(16, "公民身份号码", OTHER_UNIT_MEMBER)
    has(17, "公民身份号码", "全角")
    has(18, "入党日期", "不存在")
    has(19, "双强", "“是”或“否”")
    has(20, "公民身份号码", "文本")


def test_a_clean_file_creates_persons_and_members(county):
    rows = [
        files.member_row("钱多多", 601, phone="13800138000", education="本科", double_strong="是"),
        files.member_row(
            "孙小小",
            602,
            org="V002-1",
            status="预备党员",
            birth=datetime.date(1996, 2, 29),
            admission_date="2020-07-01",
        ),
        files.member_row(
            "周积极", 603, org="中共杏花村总支部委员会", status="入党积极分子", activist_date="2023/5/1"
        ),
    ]
    report = import_members(files.xlsx(rows), county.town_a, county.township_admin_a, commit=True)
    assert report.ok and report.committed
    assert (report.created, report.updated, report.unchanged) == (3, 0, 0)
    qian = Member.objects.select_related("person", "organization").get(person__name="钱多多")
    assert qian.organization == county.village_a1
    assert qian.person.organization == county.village_a1
    assert qian.person.birth_date == files.BIRTH and qian.person.sex == "male"
    assert qian.person.education == "university" and qian.double_strong
    assert (qian.person.name_pinyin, qian.person.name_initials) == ("qianduoduo", "qdd")
    assert qian.admission_date == datetime.date(2010, 7, 1)
    sun = Member.objects.get(person__name="孙小小")
    assert sun.status == "probationary" and sun.organization == county.group_a2
    assert sun.person.sex == "female"
    zhou = Member.objects.get(person__name="周积极")
    assert zhou.organization == county.village_a2
    assert zhou.activist_date == datetime.date(2023, 5, 1)


def test_the_change_log_records_every_created_record(county):
    with change_context(user=county.township_admin_a, request_id="import-test-0001"):
        import_members(
            files.xlsx([files.member_row("钱多多", 601)]), county.town_a, county.township_admin_a, commit=True
        )
    member = Member.objects.get(person__name="钱多多")
    logs = ChangeLog.objects.filter(request_id="import-test-0001")
    assert logs.count() == 2
    person_log = logs.get(content_type=ContentType.objects.get_for_model(Person))
    member_log = logs.get(content_type=ContentType.objects.get_for_model(Member))
    assert person_log.action == member_log.action == "create"
    assert person_log.object_id == member.person_id and member_log.object_id == member.pk
    assert member_log.related_object_id == member.person_id
    assert person_log.user == county.township_admin_a and person_log.user_name == "town_a"
    assert person_log.scope_path == member_log.scope_path == county.village_a1.path
    assert person_log.before is None and person_log.after["name"] == "钱多多"
    assert member_log.after["status"] == "full"


def test_reimporting_updates_instead_of_duplicating(county):
    rows = [files.member_row("钱多多", 601, phone="13800138000")]
    import_members(files.xlsx(rows), county.town_a, county.township_admin_a, commit=True)
    before = counts()
    rows[0].update(phone="13900139000", organization="V002-1", note="迁入杏花村")
    with change_context(user=county.township_admin_a, request_id="import-test-0002"):
        report = import_members(files.xlsx(rows), county.town_a, county.township_admin_a, commit=True)
    assert (report.created, report.updated, report.unchanged) == (0, 1, 0)
    assert Person.objects.count() == before[0] and Member.objects.count() == before[1]
    member = Member.objects.select_related("person").get(person__name="钱多多")
    assert member.person.phone == "13900139000"
    assert member.organization == county.group_a2 and member.person.organization == county.group_a2
    assert member.note == "迁入杏花村"
    logs = ChangeLog.objects.filter(request_id="import-test-0002")
    assert {log.action for log in logs} == {"update"} and logs.count() == 2
    person_log = logs.get(object_id=member.person_id, content_type=ContentType.objects.get_for_model(Person))
    assert person_log.before["phone"] == "13800138000" and person_log.after["phone"] == "13900139000"


def test_an_existing_member_is_matched_by_id_number(county):
    row = files.member_row("张三丰", 11, phone="13700137000", address="桃源村1组")
    report = import_members(files.xlsx([row]), county.town_a, county.township_admin_a, commit=True)
    assert (report.created, report.updated) == (0, 1)
    county.member_a1.person.refresh_from_db()
    assert county.member_a1.person.phone == "13700137000"
    assert Person.objects.filter(id_number=files.id_number(11)).count() == 1


def test_empty_optional_cells_keep_what_is_recorded(county):
    person = county.member_a1.person
    Person.objects.filter(pk=person.pk).update(phone="13600136000", education="college")
    row = files.member_row("张三丰", 11)
    row.pop("admission_date"), row.pop("full_date")
    report = import_members(files.xlsx([row]), county.town_a, county.township_admin_a, commit=True)
    assert report.unchanged == 1
    person.refresh_from_db()
    assert (person.phone, person.education) == ("13600136000", "college")


def test_a_person_of_the_scope_without_membership_becomes_a_member(county):
    villager = Person.objects.create(
        name="吴村民", organization=county.village_a1, id_number=files.id_number(701)
    )
    report = import_members(
        files.xlsx([files.member_row("吴村民", 701, status="入党申请人", application_date="2024-03-01")]),
        county.town_a,
        county.township_admin_a,
        commit=True,
    )
    assert report.created == 1
    assert Member.objects.get(person=villager).status == "applicant"
    assert Person.objects.filter(id_number=villager.id_number).count() == 1


def test_a_person_of_another_unit_is_refused(county):
    Person.objects.create(name="郑外人", organization=county.village_b1, id_number=files.id_number(703))
    report = import_members(
        files.xlsx([files.member_row("郑外人", 703)]), county.town_a, county.township_admin_a, commit=True
    )
    assert [(e.row, e.column, e.message) for e in report.errors] == [(2, "公民身份号码", OTHER_UNIT_PERSON)]


def test_a_member_outside_the_chosen_organization_is_refused_even_within_the_users_scope(county):
    # The county admin sees both townships, but imports into township A.
    report = import_members(
        files.xlsx([files.member_row("赵四海", 41, org="V001")]),
        county.town_a,
        county.county_admin,
        commit=True,
    )
    assert [e.message for e in report.errors] == [OTHER_UNIT_MEMBER]
    assert Member.objects.get(pk=county.member_b1.pk).organization == county.village_b1


def test_an_organization_outside_the_users_view_is_not_found(county):
    report = import_members(
        files.xlsx([files.member_row("外单位", 509, org="V003")]), county.town_a, county.township_admin_a
    )
    assert report.errors[0].message.startswith("找不到党组织“V003”")


@pytest.mark.parametrize(
    "value",
    [
        "V001",
        "v001",
        "中共桃源村支部委员会",
        "中共桃源村支部委员会（V001）",
        "中共桃源村支部委员会(V001)",
        "中共东山镇委员会/中共桃源村支部委员会",
        "中共长乐县委员会 / 中共东山镇委员会 / 中共桃源村支部委员会",
    ],
)
def test_an_organization_is_found_by_code_name_or_path(county, value):
    report = import_members(
        files.xlsx([files.member_row("钱多多", 601, org=value)]), county.town_a, county.township_admin_a
    )
    assert report.ok, report.errors


def test_an_ambiguous_or_wrong_organization_name_is_explained(county):
    Organization.objects.create(
        name="中共桃源村支部委员会", code="V009", kind="branch", sector="village", parent=county.village_a2
    )
    Organization.objects.create(
        name="已撤销支部",
        code="V010",
        kind="branch",
        sector="village",
        parent=county.town_a,
        dissolved_date=datetime.date(2020, 1, 1),
    )
    rows = [
        files.member_row("甲", 601, org="中共桃源村支部委员会"),
        files.member_row("乙", 602, org="中共东山镇委员会/中共桃源村支部委员会"),
        files.member_row("丙", 603, org="中共西河乡委员会/中共桃源村支部委员会"),
        files.member_row("丁", 604, org="杏花村第一党支部（V001）"),
        files.member_row("戊", 605, org="V010"),
    ]
    report = import_members(files.xlsx(rows), county.town_a, county.township_admin_a)
    found = errors_by_row(report)
    assert "有2个党组织都叫" in found[2][0][1]
    assert 3 not in found
    assert "找不到" in found[4][0][1]
    assert "对应的是“中共桃源村支部委员会”" in found[5][0][1]
    assert "已于2020年01月01日撤销" in found[6][0][1]


def test_a_missing_required_column_is_named(county):
    data = files.xlsx(
        [files.member_row("钱多多", 601)], header=["姓名*", "公民身份号码*"], keys=["name", "id_number"]
    )
    report = import_members(data, county.town_a, county.township_admin_a)
    assert len(report.errors) == 1
    assert "缺少必填列：所在党组织、党员状态" in report.errors[0].message


def test_headers_are_matched_loosely(county):
    header = [
        " 姓名 * ",
        "身份证号",
        "所在党组织（*）",
        "党员状态＊",
        "入党日期",
        "转正日期",
        "双强(是/否)",
        "籍贯",
    ]
    keys = [
        "name",
        "id_number",
        "organization",
        "status",
        "admission_date",
        "full_date",
        "double_strong",
        "x",
    ]
    row = files.member_row("钱多多", 601, double_strong="否", x="湖南")
    report = import_members(
        files.xlsx([row], header=header, keys=keys), county.town_a, county.township_admin_a
    )
    assert report.ok, report.errors
    assert report.warnings == ["以下列无法识别，已忽略：籍贯。"]


def test_a_repeated_column_is_refused(county):
    header = files.HEADER + ["身份证号"]
    report = import_members(
        files.xlsx([files.member_row("钱多多", 601)], header=header), county.town_a, county.township_admin_a
    )
    assert "都是“公民身份号码”" in report.errors[0].message


def test_a_file_with_only_a_header_or_the_sample_row_has_no_data(county):
    sample = files.member_row("示例：张三", 123)
    for rows in ([], [sample]):
        report = import_members(files.xlsx(rows), county.town_a, county.township_admin_a)
        assert [e.message for e in report.errors] == ["文件中只有表头，没有党员数据行。"]


def test_blank_rows_are_skipped_and_row_numbers_stay_true(county):
    rows = [files.member_row("钱多多", 601), {}, {}, files.member_row("坏", 602, status="不知道")]
    report = import_members(files.xlsx(rows), county.town_a, county.township_admin_a)
    assert report.rows == 2
    assert [e.row for e in report.errors] == [5]


def test_a_file_over_the_size_limit_is_refused(county, settings):
    settings.ROSTER_IMPORT_MAX_BYTES = 1000
    report = import_members(b"x" * 1001, county.town_a, county.township_admin_a)
    assert "文件过大" in report.errors[0].message and "不能超过" in report.errors[0].message


def test_a_file_over_the_row_limit_is_refused(county, monkeypatch):
    monkeypatch.setattr(reader, "MAX_ROWS", 3)
    rows = [files.member_row(f"人{i}", 600 + i) for i in range(4)]
    report = import_members(files.xlsx(rows), county.town_a, county.township_admin_a)
    assert report.errors[0].message.startswith("文件超过3行")


def test_a_dry_run_writes_nothing_and_lists_the_changes(county):
    before = counts()
    rows = [files.member_row("钱多多", 601), files.member_row("张三丰", 11, phone="13700137000")]
    report = import_members(files.xlsx(rows), county.town_a, county.township_admin_a)
    assert report.ok and not report.committed
    assert counts() == before
    assert (report.created, report.updated) == (1, 1)
    change = [c for c in report.changes if c.action == "update"][0]
    assert change.row == 3 and change.fields == ["联系电话"]
