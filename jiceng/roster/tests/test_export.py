import datetime
import io

import openpyxl
import python_calamine

from jiceng.members.models import Member
from jiceng.roster.columns import COLUMNS, DATA_SHEET
from jiceng.roster.export import members_workbook, template_workbook
from jiceng.roster.importer import import_members
from jiceng.roster.permissions import import_organizations

from . import files


def test_the_export_has_the_template_columns_and_says_who_exported_it(county):
    data = members_workbook(
        Member.objects.restrict(county.township_admin_a), county.township_admin_a, "双强：是"
    )
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert wb.sheetnames == [DATA_SHEET, "导出信息"]
    ws = wb[DATA_SHEET]
    assert [c.value for c in ws[1]] == [c.title for c in COLUMNS]
    names = [row[0] for row in ws.iter_rows(min_row=2, values_only=True)]
    assert sorted(names) == sorted(["张三丰", "李小红", "王大明"])
    assert wb.properties.creator == "town_a"
    assert "town_a于" in wb.properties.description and "共3人" in wb.properties.description
    info = {row[0]: row[1] for row in wb["导出信息"].iter_rows(values_only=True)}
    assert info["导出人"] == "town_a" and info["筛选条件"] == "双强：是" and info["人数"] == 3
    zhang = next(r for r in ws.iter_rows(min_row=2, values_only=True) if r[0] == "张三丰")
    values = dict(zip([c.key for c in COLUMNS], zhang, strict=True))
    assert values["id_number"] == files.id_number(11)
    assert values["organization"] == "中共桃源村支部委员会（V001）"
    assert values["status"] == "正式党员" and values["double_strong"] == "否"
    assert values["admission_date"] == datetime.datetime(2010, 7, 1)


def test_an_export_imports_back_unchanged(county):
    data = members_workbook(Member.objects.restrict(county.township_admin_a), county.township_admin_a)
    report = import_members(data, county.town_a, county.township_admin_a, commit=True)
    assert report.ok, report.errors
    assert (report.rows, report.unchanged, report.created, report.updated) == (3, 3, 0, 0)


def test_the_export_reads_members_in_a_fixed_number_of_queries(county, django_assert_max_num_queries):
    for seq in range(900, 930):
        files_row = files.member_row(f"人{seq}", seq)
        import_members(files.xlsx([files_row]), county.town_a, county.township_admin_a, commit=True)
    with django_assert_max_num_queries(3):
        members_workbook(Member.objects.restrict(county.township_admin_a), county.township_admin_a)


def test_the_template_has_headers_a_sample_drop_downs_and_instructions(county):
    organizations = list(import_organizations(county.township_admin_a))
    data = template_workbook(organizations, county.town_a)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert wb.sheetnames == [DATA_SHEET, "可选值", "填写说明"]
    assert wb["可选值"].sheet_state == "hidden"
    ws = wb[DATA_SHEET]
    assert [c.value for c in ws[1]] == [c.title for c in COLUMNS]
    assert ws["A1"].fill.fgColor.rgb.endswith("C8161D") and ws["A1"].font.bold
    assert ws["A2"].value.startswith("示例")
    assert ws.column_dimensions["B"].number_format == "@"
    ranges = {str(dv.sqref).split(":")[0]: dv.formula1 for dv in ws.data_validations.dataValidation}
    status_letter = openpyxl.utils.get_column_letter([c.key for c in COLUMNS].index("status") + 1)
    assert f"{status_letter}2" in ranges
    org_letter = openpyxl.utils.get_column_letter([c.key for c in COLUMNS].index("organization") + 1)
    org_values = [c.value for c in wb["可选值"][org_letter][1:] if c.value]
    assert "中共桃源村支部委员会（V001）" in org_values
    assert not any("V003" in v for v in org_values)
    help_text = " ".join(str(c.value) for row in wb["填写说明"].iter_rows() for c in row if c.value)
    assert "公民身份号码" in help_text and "文本" in help_text


def test_the_template_as_downloaded_imports_nothing_but_reads_cleanly(county):
    data = template_workbook(list(import_organizations(county.township_admin_a)), county.village_a1)
    python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    report = import_members(data, county.town_a, county.township_admin_a)
    assert [e.message for e in report.errors] == ["文件中只有表头，没有党员数据行。"]


def test_the_templates_sample_row_is_a_valid_row(county):
    data = template_workbook(list(import_organizations(county.township_admin_a)), county.village_a1)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    wb[DATA_SHEET]["A2"].value = "赵示范"
    out = io.BytesIO()
    wb.save(out)
    report = import_members(out.getvalue(), county.town_a, county.township_admin_a)
    assert report.ok and report.created == 1, report.errors
