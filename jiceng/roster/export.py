"""The roster as .xlsx: the import template, and the export of members, both with the columns
of ``jiceng.roster.columns`` so that an exported file can be imported again unchanged."""

import datetime
import io

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from jiceng.people import idnumber

from .columns import (
    BOOL,
    CHOICE,
    COLUMNS,
    DATA_SHEET,
    DATE,
    ID_NUMBER,
    MEMBER,
    NO,
    ORGANIZATION,
    PHONE,
    SAMPLE_PREFIX,
    YES,
)
from .orgs import org_label
from .reader import MAX_ROWS

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Excel's last row is 1,048,576; one is the header.
EXCEL_MAX_DATA_ROWS = 1_048_575
PARTY_RED = "C8161D"
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor=PARTY_RED)
OPTIONAL_FILL = PatternFill("solid", fgColor="E06666")
SAMPLE_FONT = Font(italic=True, color="808080")
THIN = Side(style="thin", color="BFBFBF")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
DATE_FORMAT = "yyyy-mm-dd"
TEXT_FORMAT = "@"
OPTIONS_SHEET = "可选值"
HELP_SHEET = "填写说明"
INFO_SHEET = "导出信息"
# How many organisations the template offers in its drop-down list.
MAX_LISTED_ORGANIZATIONS = 5000


class ExportTooLarge(ValueError):
    """More rows than a worksheet can hold."""


def _actor(user):
    if user is None:
        return "系统"
    return user.get_full_name() or user.get_username()


def _header_cell(ws, column):
    cell = WriteOnlyCell(ws, value=column.title)
    cell.font = HEADER_FONT
    cell.fill = HEADER_FILL if column.required else OPTIONAL_FILL
    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    return cell


def member_values(member):
    """One roster row of a member (with person and organization loaded)."""
    person = member.person
    values = []
    for column in COLUMNS:
        if column.kind == ORGANIZATION:
            values.append(org_label(member.organization))
            continue
        value = getattr(member if column.target == MEMBER else person, column.field)
        if column.kind == CHOICE:
            value = column.label_of(value)
        elif column.kind == BOOL:
            value = YES if value else NO
        values.append(None if value == "" else value)
    return values


def members_workbook(queryset, exported_by, description=""):
    """The members of `queryset` as .xlsx bytes, in the template's columns. The workbook's
    properties and its "导出信息" sheet say who exported it, when, and with which filters."""
    count = queryset.count()
    if count > EXCEL_MAX_DATA_ROWS:
        raise ExportTooLarge(
            f"共{count}条记录，超过Excel一张表的上限（{EXCEL_MAX_DATA_ROWS}行），请缩小范围后再导出。"
        )
    now = timezone.localtime()
    actor = _actor(exported_by)
    wb = Workbook(write_only=True)
    wb.properties.creator = actor
    wb.properties.lastModifiedBy = actor
    wb.properties.title = DATA_SHEET
    wb.properties.subject = "党员花名册导出"
    wb.properties.description = f"{actor}于{now:%Y-%m-%d %H:%M}导出，共{count}人。{description}".strip()
    wb.properties.created = now.replace(tzinfo=None)
    ws = wb.create_sheet(DATA_SHEET)
    for index, column in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(index)].width = column.width
    ws.freeze_panes = "C2"
    ws.append([_header_cell(ws, c) for c in COLUMNS])
    members = queryset.select_related("person", "organization").order_by(
        "organization__path", "person__name_pinyin", "pk"
    )
    for member in members.iterator(chunk_size=2000):
        ws.append(member_values(member))
    info = wb.create_sheet(INFO_SHEET)
    info.column_dimensions["A"].width = 12
    info.column_dimensions["B"].width = 60
    for label, value in (
        ("导出人", actor),
        ("导出时间", f"{now:%Y-%m-%d %H:%M:%S}"),
        ("所属党组织", getattr(getattr(exported_by, "organization", None), "name", "") or "全部"),
        ("筛选条件", description or "无"),
        ("人数", count),
        (
            "说明",
            f"“{DATA_SHEET}”工作表的列与导入模板相同，修改后可直接导入；空白单元格导入时不修改原有信息。",
        ),
    ):
        info.append([label, value])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _help_rows():
    rows = []
    for column in COLUMNS:
        if column.kind == CHOICE:
            values = "、".join(column.labels)
        elif column.kind == BOOL:
            values = f"{YES}、{NO}"
        elif column.kind == DATE:
            values = "2024-05-01、2024/5/1、2024年5月1日、20240501、2024.5.1 或日期单元格"
        else:
            values = ""
        rows.append([column.header, "是" if column.required else "否", column.help, values])
    return rows


GENERAL_HELP = (
    f"1. 在“{DATA_SHEET}”工作表中每人填写一行；第1行为表头，请勿修改或删除，列的顺序可以调整，不需要的非必填列可以删除。",
    "2. 带“*”的列必须填写：姓名、公民身份号码、所在党组织、党员状态。",
    f"3. 第2行是示例，姓名以“{SAMPLE_PREFIX}”开头的行不会导入，可以保留或删除。",
    "4. 公民身份号码请以文本格式填写（本模板已设为文本）。如果显示为4.30121E+17这样的数字，后几位已经丢失，需要重新填写。",
    "5. 已在系统中的人员按公民身份号码匹配：再次导入只更新有变化的信息，不会重复新增；空白单元格不修改原有信息。",
    "6. 导入前系统会先逐行检查，任何一行有误都不会写入，请按提示的行号和列名改正后重新上传。",
    "7. 所在党组织只能是本单位或下级党组织；属于其他单位的党员请通过组织关系转接办理。",
    f"8. 一次最多导入{MAX_ROWS}行；支持 .xlsx、.xls、.ods、.csv（UTF-8或GBK编码）文件。",
)


def template_workbook(organizations, sample_organization=None):
    """The import template: the data sheet with headers, a sample row and drop-down lists,
    a sheet of instructions, and a hidden sheet holding the lists' values."""
    wb = Workbook()
    ws = wb.active
    ws.title = DATA_SHEET
    options = wb.create_sheet(OPTIONS_SHEET)
    help_ws = wb.create_sheet(HELP_SHEET)
    last_row = MAX_ROWS + 1

    for index, column in enumerate(COLUMNS, start=1):
        letter = get_column_letter(index)
        cell = ws.cell(row=1, column=index, value=column.title)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL if column.required else OPTIONAL_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = BORDER
        dimension = ws.column_dimensions[letter]
        dimension.width = column.width
        if column.kind in (ID_NUMBER, PHONE):
            dimension.number_format = TEXT_FORMAT
        elif column.kind == DATE:
            dimension.number_format = DATE_FORMAT
        values = _list_values(column, organizations)
        if not values:
            continue
        options.cell(row=1, column=index, value=column.header).font = Font(bold=True)
        for offset, value in enumerate(values, start=2):
            options.cell(row=offset, column=index, value=value)
        source = f"'{OPTIONS_SHEET}'!${letter}$2:${letter}${len(values) + 1}"
        validation = DataValidation(type="list", formula1=f"={source}", allow_blank=True)
        validation.error = f"请从下拉列表中选择{column.header}。"
        validation.errorTitle = column.header
        validation.prompt = column.help or f"请从下拉列表中选择{column.header}。"
        validation.promptTitle = column.header
        validation.showErrorMessage = True
        # A warning, not a stop: the importer also takes other spellings (本科, 正式) and,
        # for organisations, codes and name paths.
        validation.errorStyle = "warning"
        ws.add_data_validation(validation)
        validation.add(f"{letter}2:{letter}{last_row}")
    ws.row_dimensions[1].height = 30
    ws.freeze_panes = "C2"
    _sample_row(ws, sample_organization)
    options.sheet_state = "hidden"

    help_ws.column_dimensions["A"].width = 18
    help_ws.column_dimensions["B"].width = 10
    help_ws.column_dimensions["C"].width = 60
    help_ws.column_dimensions["D"].width = 60
    title = help_ws.cell(row=1, column=1, value="党员花名册导入模板填写说明")
    title.font = Font(bold=True, size=14, color=PARTY_RED)
    row = 3
    for line in GENERAL_HELP:
        help_ws.cell(row=row, column=1, value=line).alignment = Alignment(wrap_text=False)
        row += 1
    row += 1
    for index, text in enumerate(("列名", "是否必填", "填写说明", "可填写的值"), start=1):
        cell = help_ws.cell(row=row, column=index, value=text)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.border = BORDER
    for values in _help_rows():
        row += 1
        for index, value in enumerate(values, start=1):
            cell = help_ws.cell(row=row, column=index, value=value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.border = BORDER
    wb.active = 0
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _list_values(column, organizations):
    if column.kind == CHOICE:
        return column.labels
    if column.kind == BOOL:
        return [YES, NO]
    if column.kind == ORGANIZATION:
        return [org_label(o) for o in organizations[:MAX_LISTED_ORGANIZATIONS]]
    return []


def _sample_row(ws, organization):
    birth = datetime.date(1985, 6, 1)
    sample = {
        "name": f"{SAMPLE_PREFIX}：张三",
        "id_number": idnumber.make("430121", birth, 123),
        "sex": "男",
        "ethnicity": "汉族",
        "birth_date": birth,
        "education": "大学专科",
        "phone": "13800138000",
        "organization": org_label(organization) if organization is not None else "V001",
        "status": "正式党员",
        "application_date": datetime.date(2008, 3, 1),
        "activist_date": datetime.date(2008, 9, 1),
        "candidate_date": datetime.date(2009, 9, 1),
        "admission_date": datetime.date(2010, 7, 1),
        "full_date": datetime.date(2011, 7, 1),
        "occupation": "农牧渔民",
        "double_strong": YES,
        "lost_contact": NO,
        "address": "某某村3组",
        "note": "本行为示例，不会导入",
    }
    for index, column in enumerate(COLUMNS, start=1):
        cell = ws.cell(row=2, column=index, value=sample[column.key])
        cell.font = SAMPLE_FONT
        if column.kind == DATE:
            cell.number_format = DATE_FORMAT
        elif column.kind in (ID_NUMBER, PHONE):
            cell.number_format = TEXT_FORMAT
