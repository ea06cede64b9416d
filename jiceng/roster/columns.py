"""The member roster's columns: one definition read by the template, the importer and the
exporter, so that an exported file can be imported again unchanged.

Each column knows its Chinese header, the model field it fills, and how to turn a cell
(as the reader hands it over: str, float, bool, date or datetime) into a field value,
raising ``CellError`` with a message in Chinese when it cannot.
"""

import dataclasses
import datetime
import functools
import re
import unicodedata

from jiceng.members.choices import MemberStatus, Occupation
from jiceng.people.choices import ETHNICITIES, Education, Sex

TEXT, NAME, ID_NUMBER, PHONE, DATE, CHOICE, BOOL, ORGANIZATION = (
    "text",
    "name",
    "id_number",
    "phone",
    "date",
    "choice",
    "bool",
    "organization",
)
PERSON, MEMBER = "person", "member"

# The data sheet's name in the template and in exports; the reader prefers a sheet of that name.
DATA_SHEET = "党员花名册"
# A row whose name starts with this is the template's example and is never imported.
SAMPLE_PREFIX = "示例"
YES, NO = "是", "否"


class CellError(ValueError):
    """A cell that cannot be read; the message (Chinese) says why and what to write instead."""


def normalise(value):
    """Full-width letters, digits and brackets to half-width; spaces removed; for matching."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(value))).strip()


def header_key(value):
    """A header cell reduced for matching: no '*' marks, no spaces, half-width brackets."""
    text = normalise(value).replace("\ufeff", "").replace("*", "")
    return text


@dataclasses.dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: str
    target: str = ""
    field: str = ""
    required: bool = False
    choices: tuple = ()
    aliases: tuple = ()
    value_aliases: dict = dataclasses.field(default_factory=dict)
    width: int = 14
    help: str = ""

    @property
    def title(self):
        """The header as the template writes it: required columns carry a '*'."""
        return f"{self.header}*" if self.required else self.header

    @property
    def labels(self):
        return [label for _, label in self.choices]

    def header_keys(self):
        return {header_key(h) for h in (self.header, *self.aliases)}

    # --- reading -------------------------------------------------------------------------

    def parse(self, cell):
        """The field value of a non-empty cell, or raise CellError."""
        if self.kind == DATE:
            return parse_date(cell)
        if self.kind == CHOICE:
            return self.parse_choice(cell)
        if self.kind == BOOL:
            return parse_bool(cell)
        if self.kind == ID_NUMBER:
            return parse_id_number(cell)
        if self.kind == PHONE:
            return parse_phone(cell)
        if self.kind == NAME:
            return parse_name(cell)
        return cell_text(cell)

    def parse_choice(self, cell):
        text = normalise(cell_text(cell))
        lookup = self._choice_lookup()
        code = lookup.get(text) or lookup.get(text.lower())
        if code is None and text.isdigit() and self.key == "ethnicity":
            code = lookup.get(text.zfill(2))
        if code is None:
            options = "、".join(self.labels) if len(self.choices) <= 12 else "见模板“填写说明”"
            raise CellError(f"“{cell_text(cell)}”不是可选的{self.header}，可填写：{options}。")
        return code

    @functools.cached_property
    def _choice_lookup_table(self):
        lookup = {}
        for code, label in self.choices:
            lookup[normalise(code).lower()] = code
            lookup[normalise(label)] = code
        for alias, code in self.value_aliases.items():
            lookup[normalise(alias)] = code
        return lookup

    def _choice_lookup(self):
        return self._choice_lookup_table

    # --- writing -------------------------------------------------------------------------

    def label_of(self, code):
        return dict(self.choices).get(code, code or "")


def cell_text(cell):
    """A cell as text: whole numbers without '.0', dates as 2024-05-01, booleans as 是/否."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return YES if cell else NO
    if isinstance(cell, float):
        return str(int(cell)) if cell.is_integer() and abs(cell) < 1e15 else repr(cell)
    if isinstance(cell, datetime.datetime):
        return cell.date().isoformat() if cell.time() == datetime.time() else cell.isoformat(sep=" ")
    if isinstance(cell, datetime.date):
        return cell.isoformat()
    return str(cell).strip()


_DATE_FORMATS = (
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)
_MONTH_ONLY = re.compile(r"^(\d{4})([-/.年])(\d{1,2})月?$")
_TIME_SUFFIX = re.compile(r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$")
EXCEL_EPOCH = datetime.date(1899, 12, 30)
EARLIEST_YEAR = 1890


def parse_date(cell):
    """A date from a date cell or from 2024-05-01, 2024/5/1, 2024年5月1日, 20240501, 2024.5.1."""
    if isinstance(cell, datetime.datetime):
        return cell.date()
    if isinstance(cell, datetime.date):
        return cell
    if isinstance(cell, datetime.time | datetime.timedelta):
        raise CellError("这里应填写日期，表格中却是时间，请按2024-05-01格式填写。")
    if isinstance(cell, float) and cell.is_integer() and 10000 <= cell <= 99999:
        # A date cell that lost its format shows Excel's day number (45413 = 2024-05-01).
        return EXCEL_EPOCH + datetime.timedelta(days=int(cell))
    text = unicodedata.normalize("NFKC", cell_text(cell)).strip()
    text = _TIME_SUFFIX.sub("", text).replace(" ", "")
    for pattern in _DATE_FORMATS:
        match = pattern.match(text)
        if match:
            year, month, day = (int(g) for g in match.groups())
            try:
                value = datetime.date(year, month, day)
            except ValueError:
                raise CellError(f"日期“{cell_text(cell)}”不存在，请核对年、月、日。") from None
            if year < EARLIEST_YEAR:
                raise CellError(f"日期“{cell_text(cell)}”不合理（早于{EARLIEST_YEAR}年）。")
            return value
    if _MONTH_ONLY.match(text):
        raise CellError(f"日期“{cell_text(cell)}”缺少日，请填写完整的年月日，如2024-05-01。")
    raise CellError(f"无法识别日期“{cell_text(cell)}”，请按2024-05-01、2024/5/1或2024年5月1日的格式填写。")


_BOOL_VALUES = {
    "是": True,
    "否": False,
    "y": True,
    "n": False,
    "yes": True,
    "no": False,
    "true": True,
    "false": False,
    "1": True,
    "0": False,
    "√": True,
    "✓": True,
    "×": False,
    "x": False,
}


def parse_bool(cell):
    if isinstance(cell, bool):
        return cell
    text = normalise(cell_text(cell)).lower()
    if text in _BOOL_VALUES:
        return _BOOL_VALUES[text]
    raise CellError(f"“{cell_text(cell)}”无法识别，请填写“是”或“否”。")


_SCIENTIFIC = re.compile(r"^\d(?:\.\d+)?[eE]\+?\d+$")
NUMBER_ID_MESSAGE = (
    "公民身份号码被存成了数字（显示为{shown}），后几位已经丢失。请把这一列设置为“文本”格式，"
    "再重新填写身份证号。"
)


def parse_id_number(cell):
    """The number as typed (upper-case X); a number cell or 4.30121E+17 is refused, since a
    spreadsheet keeps only 15 significant digits and the rest are lost."""
    if isinstance(cell, float | int) and not isinstance(cell, bool):
        raise CellError(NUMBER_ID_MESSAGE.format(shown=f"{cell:.14e}".replace("e+", "E+")))
    text = re.sub(r"\s+", "", cell_text(cell)).lstrip("'")
    if _SCIENTIFIC.match(text):
        raise CellError(NUMBER_ID_MESSAGE.format(shown=text))
    return text.upper() if text.isascii() else text.replace("x", "X")


def parse_phone(cell):
    text = cell_text(cell)
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    if text.startswith("+86"):
        text = text[3:]
    return text


_CJK_ONLY = re.compile(r"^[\u3400-\u9fff\s]+$")


def parse_name(cell):
    """Names padded for alignment (张  三) lose the spaces; names in other scripts keep them."""
    text = cell_text(cell)
    if _CJK_ONLY.match(text):
        return re.sub(r"\s+", "", text)
    return re.sub(r"\s+", " ", text)


EDUCATION_ALIASES = {
    "博士": Education.POSTGRADUATE,
    "硕士": Education.POSTGRADUATE,
    "博士研究生": Education.POSTGRADUATE,
    "硕士研究生": Education.POSTGRADUATE,
    "本科": Education.UNIVERSITY,
    "大学": Education.UNIVERSITY,
    "大专": Education.COLLEGE,
    "专科": Education.COLLEGE,
    "中专": Education.SECONDARY_VOCATIONAL,
    "中职": Education.SECONDARY_VOCATIONAL,
    "高中": Education.SENIOR_HIGH,
    "中技": Education.SENIOR_HIGH,
    "技校": Education.SENIOR_HIGH,
    "初中": Education.JUNIOR_HIGH_BELOW,
    "小学": Education.JUNIOR_HIGH_BELOW,
    "文盲": Education.JUNIOR_HIGH_BELOW,
}
STATUS_ALIASES = {
    "申请人": MemberStatus.APPLICANT,
    "积极分子": MemberStatus.ACTIVIST,
    "预备": MemberStatus.PROBATIONARY,
    "正式": MemberStatus.FULL,
    "转出": MemberStatus.TRANSFERRED_OUT,
    "去世": MemberStatus.DECEASED,
    "死亡": MemberStatus.DECEASED,
    "出党": MemberStatus.LEFT,
}
OCCUPATION_ALIASES = {
    "农民": Occupation.FARMER,
    "牧民": Occupation.FARMER,
    "渔民": Occupation.FARMER,
    "专业技术人员": Occupation.PROFESSIONAL,
    "管理人员": Occupation.MANAGER,
    "公务员": Occupation.PARTY_GOVERNMENT,
    "机关工作人员": Occupation.PARTY_GOVERNMENT,
    "退休": Occupation.RETIRED,
    "离休": Occupation.RETIRED,
    "离退休": Occupation.RETIRED,
    "其他": Occupation.OTHER,
}
SEX_ALIASES = {"男性": Sex.MALE, "女性": Sex.FEMALE, "m": Sex.MALE, "f": Sex.FEMALE}
ETHNICITY_ALIASES = {name.removesuffix("族"): code for code, name in ETHNICITIES if name.endswith("族")}

COLUMNS = (
    Column("name", "姓名", NAME, PERSON, "name", required=True, width=10, help="与身份证一致。"),
    Column(
        "id_number",
        "公民身份号码",
        ID_NUMBER,
        PERSON,
        "id_number",
        required=True,
        aliases=("身份证号", "身份证号码", "身份证"),
        width=22,
        help="18位，最后一位可以是X。请把这一列设为“文本”格式，否则后几位会丢失。"
        "已有的人员按身份证号匹配并更新，不会重复新增。",
    ),
    Column(
        "sex",
        "性别",
        CHOICE,
        PERSON,
        "sex",
        choices=tuple(Sex.choices),
        value_aliases=SEX_ALIASES,
        width=6,
        help="可不填，按身份证号自动识别；填写的须与身份证号一致。",
    ),
    Column(
        "ethnicity",
        "民族",
        CHOICE,
        PERSON,
        "ethnicity",
        choices=tuple(ETHNICITIES),
        value_aliases=ETHNICITY_ALIASES,
        width=8,
        help="如“汉族”“苗族”；不填视为汉族。",
    ),
    Column(
        "birth_date",
        "出生日期",
        DATE,
        PERSON,
        "birth_date",
        width=12,
        help="可不填，按身份证号自动计算；填写的须与身份证号一致。",
    ),
    Column(
        "education",
        "学历",
        CHOICE,
        PERSON,
        "education",
        choices=tuple(Education.choices),
        aliases=("文化程度",),
        value_aliases=EDUCATION_ALIASES,
        width=12,
    ),
    Column(
        "phone",
        "联系电话",
        PHONE,
        PERSON,
        "phone",
        aliases=("手机号码", "手机号", "电话", "电话号码"),
        width=14,
        help="11位手机号码，或带区号的固定电话（如0731-84561234）。",
    ),
    Column(
        "organization",
        "所在党组织",
        ORGANIZATION,
        MEMBER,
        "organization",
        required=True,
        aliases=("党组织", "所在支部", "所在党支部"),
        width=30,
        help="填写组织编码（如V001）、“名称（编码）”、上下级名称（如“中共某某镇委员会/中共某某村支部委员会”）"
        "或唯一的组织名称；必须是本单位或下级党组织。",
    ),
    Column(
        "status",
        "党员状态",
        CHOICE,
        MEMBER,
        "status",
        required=True,
        choices=tuple(MemberStatus.choices),
        aliases=("状态", "人员类别"),
        value_aliases=STATUS_ALIASES,
        width=12,
    ),
    Column(
        "application_date",
        "申请入党日期",
        DATE,
        MEMBER,
        "application_date",
        aliases=("申请入党时间",),
        width=12,
        help="申请时应年满18周岁。",
    ),
    Column(
        "activist_date",
        "确定积极分子日期",
        DATE,
        MEMBER,
        "activist_date",
        aliases=("确定为积极分子日期", "确定入党积极分子日期"),
        width=12,
    ),
    Column(
        "candidate_date",
        "确定发展对象日期",
        DATE,
        MEMBER,
        "candidate_date",
        aliases=("确定为发展对象日期",),
        width=12,
    ),
    Column(
        "admission_date",
        "入党日期",
        DATE,
        MEMBER,
        "admission_date",
        aliases=("入党时间",),
        width=12,
        help="接收为预备党员的日期；预备党员和正式党员必填。",
    ),
    Column(
        "full_date",
        "转正日期",
        DATE,
        MEMBER,
        "full_date",
        aliases=("转正时间",),
        width=12,
        help="正式党员必填，不能早于入党日期。",
    ),
    Column(
        "occupation",
        "职业",
        CHOICE,
        MEMBER,
        "occupation",
        choices=tuple(Occupation.choices),
        value_aliases=OCCUPATION_ALIASES,
        width=18,
    ),
    Column(
        "double_strong",
        "双强",
        BOOL,
        MEMBER,
        "double_strong",
        width=6,
        help="致富能力强、带富能力强，填“是”或“否”。",
    ),
    Column(
        "lost_contact",
        "失联",
        BOOL,
        MEMBER,
        "lost_contact",
        aliases=("失联党员",),
        width=6,
        help="填“是”或“否”。",
    ),
    Column("address", "住址", TEXT, PERSON, "address", aliases=("家庭住址", "现住址"), width=24),
    Column("note", "备注", TEXT, MEMBER, "note", width=20),
)
COLUMNS_BY_KEY = {c.key: c for c in COLUMNS}
REQUIRED_COLUMNS = tuple(c for c in COLUMNS if c.required)


def column_for_field(target, field_name):
    """The column that fills `target.field_name`, or None."""
    for column in COLUMNS:
        if column.target == target and column.field == field_name:
            return column
    return None


def match_headers(header_cells):
    """Map header cells to columns: ({column key: index}, [unknown headers], [problems])."""
    lookup = {}
    for column in COLUMNS:
        for key in column.header_keys():
            lookup[key] = column
    found, unknown, problems = {}, [], []
    for index, cell in enumerate(header_cells):
        text = cell_text(cell)
        if not text:
            continue
        key = header_key(text)
        column = lookup.get(key) or lookup.get(re.sub(r"\(.*\)$", "", key))
        if column is None:
            unknown.append(text)
            continue
        if column.key in found:
            first = found[column.key]
            problems.append(
                f"{column_letter(first)}列和{column_letter(index)}列都是“{column.header}”，请只保留一列。"
            )
            continue
        found[column.key] = index
    return found, unknown, problems


def column_letter(index):
    """0 → A, 25 → Z, 26 → AA: the letters a spreadsheet shows above the column."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
