import datetime
import os

import openpyxl
import pytest

from jiceng.members.models import Member
from jiceng.roster.importer import import_members
from jiceng.roster.reader import RosterFileError, read_table

from . import files

ROWS = [
    files.member_row("钱多多", 601, phone="13800138000", birth_date=files.BIRTH, education="大学本科"),
    files.member_row("欧阳·小红", 602, status="入党申请人", application_date=datetime.date(2024, 5, 1)),
]


@pytest.mark.parametrize(
    "build",
    [
        pytest.param(files.xlsx, id="xlsx"),
        pytest.param(files.xls, id="xls"),
        pytest.param(files.ods, id="ods"),
        pytest.param(lambda rows: files.csv_bytes(rows, "utf-8-sig"), id="csv-utf8-bom"),
        pytest.param(lambda rows: files.csv_bytes(rows, "utf-8"), id="csv-utf8"),
        pytest.param(lambda rows: files.csv_bytes(rows, "gbk"), id="csv-gbk"),
        pytest.param(lambda rows: files.csv_bytes(rows, "utf-16"), id="csv-utf16"),
    ],
)
def test_every_format_imports_the_same_members(county, build):
    report = import_members(build(ROWS), county.town_a, county.township_admin_a, commit=True)
    assert report.ok, report.errors
    assert report.created == 2
    qian = Member.objects.select_related("person").get(person__name="钱多多")
    assert qian.person.phone == "13800138000" and qian.person.education == "university"
    ouyang = Member.objects.get(person__name="欧阳·小红")
    assert ouyang.application_date == datetime.date(2024, 5, 1)


def test_a_gbk_csv_keeps_its_chinese(county):
    table = read_table(files.csv_bytes(ROWS, "gbk"))
    assert table.kind == "csv"
    assert table.header[0] == "姓名*" and table.rows[0][1][0] == "钱多多"


def test_numbers_and_dates_from_cells_are_normalised(county):
    rows = [files.member_row("钱多多", 601, phone=13800138000, admission_date=datetime.date(2010, 7, 1))]
    for build in (files.xlsx, files.xls, files.ods):
        report = import_members(build(rows), county.town_a, county.township_admin_a)
        assert report.ok, (build.__name__, report.errors)


@pytest.mark.parametrize("build", [files.xlsx, files.xls, files.ods], ids=["xlsx", "xls", "ods"])
def test_an_id_number_column_of_numbers_asks_for_text(county, build):
    number = float(files.id_number(601))
    report = import_members(
        build([files.member_row("钱多多", 601, id_number=number)]), county.town_a, county.township_admin_a
    )
    assert len(report.errors) == 1
    error = report.errors[0]
    assert (error.row, error.column) == (2, "公民身份号码")
    assert "被存成了数字" in error.message and "“文本”格式" in error.message


def test_a_csv_saved_with_a_scientific_id_asks_for_text(county):
    data = files.csv_bytes([files.member_row("钱多多", 601, id_number="4.30121E+17")], "gbk")
    report = import_members(data, county.town_a, county.township_admin_a)
    assert "显示为4.30121E+17" in report.errors[0].message


def test_the_roster_sheet_is_preferred_and_hidden_sheets_are_ignored(county):
    wb = openpyxl.Workbook()
    wb.active.title = "封面"
    wb.active.append(["本文件为党员花名册"])
    roster = wb.create_sheet("党员花名册")
    roster.append(files.HEADER)
    roster.append(files.as_lists([files.member_row("钱多多", 601)])[0])
    import io

    out = io.BytesIO()
    wb.save(out)
    table = read_table(out.getvalue())
    assert table.sheet == "党员花名册" and len(table.rows) == 1


def test_a_header_below_blank_rows_keeps_true_row_numbers():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A3"] = "姓名*"
    ws["A5"] = "钱多多"
    import io

    out = io.BytesIO()
    wb.save(out)
    table = read_table(out.getvalue())
    assert table.header_row == 3
    assert [number for number, _ in table.rows] == [5]


GARBAGE = {
    "random bytes": (bytes(range(256)) * 40, "不是表格"),
    "an empty file": (b"", "文件是空的"),
    "blank text": (b"  \r\n ", "文件是空的"),
    "a docx renamed": (files.docx_renamed(), "Word文档"),
    "a pdf": (b"%PDF-1.4\n" + os.urandom(200), "PDF"),
    "a broken zip": (b"PK\x03\x04" + b"\x00" * 100, "损坏"),
    "a broken xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "无法读取"),
}


@pytest.mark.parametrize("name", list(GARBAGE))
def test_garbage_is_refused_with_a_clear_message(county, name):
    data, text = GARBAGE[name]
    with pytest.raises(RosterFileError) as caught:
        read_table(data)
    assert text in str(caught.value)
    report = import_members(data, county.town_a, county.township_admin_a)
    assert not report.ok and report.errors[0].row is None and text in report.errors[0].message


def test_random_bytes_never_crash_the_reader():
    for seed in range(30):
        data = os.urandom(64 + seed * 37)
        try:
            read_table(data)
        except RosterFileError:
            pass
