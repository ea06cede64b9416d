"""Reads a roster file into rows of cells, whatever wrote it: Excel, WPS or LibreOffice
(.xlsx, .xls, .ods) or a CSV in UTF-8 (with or without BOM), GBK/GB18030 or UTF-16.

The type is sniffed from the content, not the name: many "xls" files are really xlsx and
many uploads are something else renamed. Anything unreadable raises ``RosterFileError``
with a message in Chinese.
"""

import csv
import datetime
import io
import zipfile
from dataclasses import dataclass, field

import python_calamine

from .columns import DATA_SHEET

XLSX, XLS, ODS, CSV = "xlsx", "xls", "ods", "csv"
ACCEPTED_EXTENSIONS = (".xlsx", ".xls", ".ods", ".csv")
MAX_ROWS = 100_000
# A zip that unpacks beyond this is refused before any XML is parsed (a "zip bomb").
MAX_UNPACKED_BYTES = 768 * 1024 * 1024

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"

_KNOWN_BINARIES = (
    (b"%PDF", "这是PDF文件"),
    (b"\x89PNG", "这是图片文件"),
    (b"\xff\xd8\xff", "这是图片文件"),
    (b"GIF8", "这是图片文件"),
    (b"Rar!", "这是RAR压缩包"),
    (b"7z\xbc\xaf", "这是7z压缩包"),
    (b"{\\rtf", "这是RTF文档"),
)
UNSUPPORTED = "请上传Excel（.xlsx、.xls）、WPS或LibreOffice表格（.ods）或CSV文件。"


class RosterFileError(Exception):
    """The file as a whole cannot be read; str() is the message for the user."""


@dataclass
class Table:
    """The data sheet: its header cells and the non-empty rows after it, each with the row
    number a spreadsheet shows (the header is usually row 1)."""

    kind: str
    sheet: str
    header: list
    header_row: int
    rows: list = field(default_factory=list)  # [(row number, [cells])]


def sniff(head):
    """The real type of a file from its first bytes (and, for zips, their contents)."""
    if head.startswith(OLE2_MAGIC):
        return XLS
    if head.startswith(ZIP_MAGIC):
        return "zip"
    for magic, what in _KNOWN_BINARIES:
        if head.startswith(magic):
            raise RosterFileError(f"{what}，不是表格。{UNSUPPORTED}")
    return CSV


def _zip_kind(data):
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise RosterFileError(f"文件已损坏，无法打开。{UNSUPPORTED}") from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise RosterFileError("文件解压后过大，无法导入，请分成几个文件分别导入。")
    if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
        return XLSX
    if "mimetype" in names:
        try:
            mimetype = archive.read("mimetype").strip()
        except (zipfile.BadZipFile, OSError, ValueError, KeyError):
            mimetype = b""
        if mimetype == ODS_MIMETYPE:
            return ODS
        if mimetype.startswith(b"application/vnd.oasis.opendocument.text"):
            raise RosterFileError(f"这是文字处理文档（.odt），不是表格。{UNSUPPORTED}")
    if any(n.startswith("word/") for n in names):
        raise RosterFileError(f"这是Word文档，不是表格。{UNSUPPORTED}")
    if any(n.startswith("ppt/") for n in names):
        raise RosterFileError(f"这是PowerPoint演示文稿，不是表格。{UNSUPPORTED}")
    raise RosterFileError(f"这是一个压缩包，不是表格。{UNSUPPORTED}")


def read_table(data, max_rows=None):
    """The roster sheet of `data` (bytes) as a Table; raise RosterFileError when unreadable."""
    if not data or not data.strip():
        raise RosterFileError("文件是空的，没有任何内容。")
    kind = sniff(data[:8])
    if kind == "zip":
        kind = _zip_kind(data)
    if kind == CSV:
        rows = _csv_rows(data)
        sheet = ""
    else:
        sheet, rows = _workbook_rows(data, kind)
    return _table(kind, sheet, rows, max_rows or MAX_ROWS)


def _workbook_rows(data, kind):
    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except python_calamine.PasswordError:
        raise RosterFileError("文件设置了密码，请取消密码后再导入。") from None
    except Exception:  # calamine raises several error types for damaged or foreign files
        name = {XLS: "Excel 97-2003 工作簿（.xls）", ODS: "OpenDocument 表格（.ods）"}.get(
            kind, "Excel 工作簿"
        )
        hint = "如果文件设置了密码，请先取消密码；" if kind == XLS else ""
        raise RosterFileError(f"无法读取这个{name}：文件可能已损坏或不是表格。{hint}{UNSUPPORTED}") from None
    try:
        sheets = [
            m.name
            for m in workbook.sheets_metadata
            if m.typ == python_calamine.SheetTypeEnum.WorkSheet
            and m.visible == python_calamine.SheetVisibleEnum.Visible
        ]
        if not sheets:
            raise RosterFileError("文件中没有工作表。")
        name = DATA_SHEET if DATA_SHEET in sheets else sheets[0]
        sheet = workbook.get_sheet_by_name(name)
        # iter_rows starts at the sheet's first row, so the index is the row number - 1.
        return name, sheet.iter_rows()
    except RosterFileError:
        raise
    except Exception:
        raise RosterFileError(f"无法读取工作表：文件可能已损坏。{UNSUPPORTED}") from None


def decode_text(data):
    """Text of a CSV: UTF-16 (by its BOM), then UTF-8 (with or without BOM), then GB18030
    (a superset of GBK, what Excel on a Chinese system saves)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ("utf-16",)
    else:
        encodings = ("utf-8-sig", "gb18030")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            break
        return text
    raise RosterFileError(f"无法识别文件内容，它不是表格或文本文件。{UNSUPPORTED}")


def _looks_binary(text):
    sample = text[:20000]
    if "\x00" in sample:
        return True
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n")
    return controls > max(2, len(sample) // 200)


def _csv_rows(data):
    text = decode_text(data)
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", "\t", ";"), key=first_line.count)
    if first_line.count(delimiter) == 0:
        delimiter = ","
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise RosterFileError(f"CSV文件格式有误：{exc}") from None


def _is_empty(cell):
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _clean(cell):
    if isinstance(cell, str):
        text = cell.strip()
        return text or None
    if isinstance(cell, datetime.datetime) and cell.time() == datetime.time():
        return cell.date()
    return cell


def _table(kind, sheet, rows, max_rows):
    header, header_row, data_rows = None, 0, []
    try:
        for index, cells in enumerate(rows):
            if all(_is_empty(c) for c in cells):
                continue
            cells = [_clean(c) for c in cells]
            if header is None:
                header, header_row = cells, index + 1
                continue
            data_rows.append((index + 1, cells))
            if len(data_rows) > max_rows:
                raise RosterFileError(f"文件超过{max_rows}行，无法一次导入，请按党组织分成几个文件分别导入。")
    except RosterFileError:
        raise
    except Exception:
        raise RosterFileError(f"读取表格内容时出错：文件可能已损坏。{UNSUPPORTED}") from None
    if header is None:
        raise RosterFileError("文件中没有内容：第一行应为表头（姓名、公民身份号码……），下面是每人一行。")
    return Table(kind=kind, sheet=sheet, header=header, header_row=header_row, rows=data_rows)
