"""Builds roster files in every format the importer reads, the way the programs people use
write them: openpyxl for .xlsx, xlwt for .xls (Excel 97-2003), odfpy for .ods, and CSV in
UTF-8 with BOM (Excel's "CSV UTF-8") or GBK (Excel on a Chinese system)."""

import csv
import datetime
import io

import openpyxl

from jiceng.people import idnumber
from jiceng.roster.columns import COLUMNS

HEADER = [c.title for c in COLUMNS]
KEYS = [c.key for c in COLUMNS]
BIRTH = datetime.date(1980, 5, 17)


def id_number(seq, birth=BIRTH, address_code="430121"):
    return idnumber.make(address_code, birth, seq)


def member_row(name, seq, org="V001", status="正式党员", birth=BIRTH, **values):
    """A clean row as a {column key: cell} dict; keyword arguments override or add cells."""
    row = {
        "name": name,
        "id_number": id_number(seq, birth),
        "organization": org,
        "status": status,
    }
    if status in ("预备党员", "正式党员"):
        row["admission_date"] = "2010-07-01"
    if status == "正式党员":
        row["full_date"] = "2011-07-01"
    row.update(values)
    return row


def as_lists(rows, keys=KEYS):
    return [[row.get(k) for k in keys] for row in rows]


def xlsx(rows, header=HEADER, keys=KEYS, sheet="党员花名册"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(header)
    for values in as_lists(rows, keys):
        ws.append(values)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def csv_bytes(rows, encoding="utf-8-sig", header=HEADER, keys=KEYS):
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(header)
    for values in as_lists(rows, keys):
        writer.writerow(["" if v is None else v for v in values])
    return out.getvalue().encode(encoding)


def xls(rows, header=HEADER, keys=KEYS):
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("党员花名册")
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    for col, title in enumerate(header):
        ws.write(0, col, title)
    for r, values in enumerate(as_lists(rows, keys), start=1):
        for col, value in enumerate(values):
            if value is None:
                continue
            if isinstance(value, datetime.date):
                ws.write(r, col, value, date_style)
            else:
                ws.write(r, col, value)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def ods(rows, header=HEADER, keys=KEYS):
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="党员花名册")

    def add(values):
        tr = TableRow()
        for value in values:
            if value is None:
                tr.addElement(TableCell())
                continue
            if isinstance(value, datetime.date):
                cell = TableCell(valuetype="date", datevalue=value.isoformat())
            elif isinstance(value, int | float):
                cell = TableCell(valuetype="float", value=value)
            else:
                cell = TableCell(valuetype="string")
            cell.addElement(P(text=str(value)))
            tr.addElement(cell)
        table.addElement(tr)

    add(header)
    for values in as_lists(rows, keys):
        add(values)
    doc.spreadsheet.addElement(table)
    out = io.BytesIO()
    doc.write(out)
    return out.getvalue()


def docx_renamed():
    """A minimal Word document (what a .docx renamed to .xlsx holds)."""
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()
