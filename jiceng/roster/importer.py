"""Validates a member roster row by row and writes it all or nothing.

Every problem of every row is reported with its row number (as the spreadsheet shows it),
column and reason. The rules on persons and memberships are the models' own: each row is
built into unsaved ``Person`` and ``Member`` instances and checked with ``full_clean``, so
the importer says exactly what the forms say. Rows are matched to existing persons by ID
number, so importing again updates instead of duplicating. Writing uses bulk operations;
since those skip ``save()`` and the signals, the pinyin fields and the change log are
written here, row for row as ``jiceng.core.signals`` would.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from jiceng.core import context
from jiceng.core.models import ChangeLog
from jiceng.core.serialization import serialize_object
from jiceng.core.signals import scope_path_of
from jiceng.members.models import Member
from jiceng.people import idnumber
from jiceng.people.models import Person
from jiceng.people.pinyin import name_pinyin

from . import reader
from .columns import (
    COLUMNS,
    COLUMNS_BY_KEY,
    MEMBER,
    PERSON,
    REQUIRED_COLUMNS,
    SAMPLE_PREFIX,
    CellError,
    cell_text,
    column_for_field,
    match_headers,
)
from .orgs import OrganizationResolver

BATCH_SIZE = 1000
# How many planned changes a dry run lists row by row (the counts always cover every row).
PREVIEW_LIMIT = 500
PERSON_FIELDS = [c.field for c in COLUMNS if c.target == PERSON] + ["organization"]
MEMBER_FIELDS = [c.field for c in COLUMNS if c.target == MEMBER]
OTHER_UNIT_MEMBER = "该身份证号的党员属于其他单位，请通过组织关系转接办理。"
OTHER_UNIT_PERSON = "该身份证号的人员由其他单位管理，请与该单位联系，不能在本单位导入。"
# Member.clean() looks at the person's birth date only when person_id is set; a person not
# yet saved has none, so the field carries this placeholder while the row is checked.
_UNSAVED_PERSON_ID = -1


@dataclass
class RowError:
    row: int | None
    column: str
    message: str

    def as_dict(self):
        return {"row": self.row, "column": self.column, "message": self.message}

    def __str__(self):
        where = f"第{self.row}行" if self.row else "文件"
        return f"{where}\t{self.column or '-'}\t{self.message}"


@dataclass
class RowChange:
    row: int
    name: str
    action: str  # "create" or "update"
    fields: list = field(default_factory=list)


@dataclass
class ImportReport:
    organization: object = None
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    committed: bool = False
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    changes: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.errors

    @property
    def bad_rows(self):
        return len({e.row for e in self.errors if e.row})

    def as_dict(self):
        return {
            "ok": self.ok,
            "committed": self.committed,
            "rows": self.rows,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "errors": [e.as_dict() for e in self.errors],
            "warnings": list(self.warnings),
        }

    def file_error(self, message):
        self.errors.append(RowError(None, "", message))
        return self


class _Row:
    __slots__ = (
        "number",
        "values",
        "org_text",
        "organization",
        "errors",
        "person",
        "member",
        "person_before",
        "member_before",
        "action",
        "person_changed",
        "member_changed",
    )

    def __init__(self, number):
        self.number = number
        self.values = {}
        self.org_text = ""
        self.organization = None
        self.errors = {}  # column header -> message (one per column)
        self.person = self.member = None
        self.person_before = self.member_before = None
        self.action = ""
        self.person_changed = self.member_changed = False

    def error(self, column, message):
        self.errors.setdefault(column, message)


def import_members(data, organization, user=None, commit=False):
    """Check (and with commit=True, write) the roster in `data` (bytes) into the subtree of
    `organization`, acting as `user` (None: the system). Returns an ImportReport."""
    report = ImportReport(organization=organization)
    limit = settings.ROSTER_IMPORT_MAX_BYTES
    if len(data) > limit:
        return report.file_error(
            f"文件过大（{_size(len(data))}），不能超过{_size(limit)}，请分成几个文件导入。"
        )
    try:
        table = reader.read_table(data, reader.MAX_ROWS)
    except reader.RosterFileError as exc:
        return report.file_error(str(exc))
    found, unknown, problems = match_headers(table.header)
    for problem in problems:
        report.file_error(problem)
    missing = [c.header for c in REQUIRED_COLUMNS if c.key not in found]
    if missing:
        report.file_error(
            f"第{table.header_row}行表头缺少必填列：{'、'.join(missing)}。请使用导入模板，表头应为"
            f"“{'、'.join(c.header for c in COLUMNS[:4])}……”。"
        )
    if report.errors:
        return report
    if unknown:
        report.warnings.append(f"以下列无法识别，已忽略：{'、'.join(unknown)}。")
    name_index = found["name"]
    rows = [
        (number, cells)
        for number, cells in table.rows
        if not cell_text(_cell(cells, name_index)).startswith(SAMPLE_PREFIX)
    ]
    if not rows:
        return report.file_error("文件中只有表头，没有党员数据行。")
    if len(rows) > reader.MAX_ROWS:
        return report.file_error(
            f"文件超过{reader.MAX_ROWS}行，无法一次导入，请按党组织分成几个文件分别导入。"
        )
    report.rows = len(rows)
    importer = _Importer(organization, user, found, report)
    if not commit:
        importer.check(rows)
        return report
    try:
        with transaction.atomic():
            importer.check(rows)
            if report.ok:
                importer.write()
                report.committed = True
    except IntegrityError:
        report.committed = False
        report.file_error("导入时有人同时修改了这些人员的信息，没有写入任何数据，请重新导入。")
    return report


def _cell(cells, index):
    return cells[index] if index < len(cells) else None


def _size(n):
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{max(1, n // 1024)} KB"


class _Importer:
    def __init__(self, organization, user, found, report):
        self.root = organization
        self.user = user
        self.found = found
        self.report = report
        self.rows = []

    # --- checking --------------------------------------------------------------------------

    def check(self, raw_rows):
        self.rows = [self._parse(number, cells) for number, cells in raw_rows]
        self._check_duplicates()
        self._resolve_organizations()
        existing = self._existing_persons()
        for row in self.rows:
            self._build(row, existing)
        for row in self.rows:
            for column, message in row.errors.items():
                self.report.errors.append(RowError(row.number, column, message))
        if self.report.ok:
            self._count()

    def _parse(self, number, cells):
        row = _Row(number)
        for key, index in self.found.items():
            column = COLUMNS_BY_KEY[key]
            cell = _cell(cells, index)
            if cell is None or cell_text(cell) == "":
                if column.required:
                    row.error(column.header, f"{column.header}不能为空。")
                continue
            if key == "organization":
                row.org_text = cell_text(cell)
                continue
            try:
                value = column.parse(cell)
            except CellError as exc:
                row.error(column.header, str(exc))
                continue
            if key == "id_number":
                try:
                    value = idnumber.parse(value).number
                except idnumber.IdNumberError as exc:
                    row.error(column.header, str(exc))
                    continue
            row.values[key] = value
        return row

    def _check_duplicates(self):
        header = COLUMNS_BY_KEY["id_number"].header
        first = {}
        for row in self.rows:
            number = row.values.get("id_number")
            if not number:
                continue
            if number in first:
                row.error(header, f"身份证号与第{first[number]}行重复。")
                row.values.pop("id_number")
            else:
                first[number] = row.number

    def _resolve_organizations(self):
        header = COLUMNS_BY_KEY["organization"].header
        values = {row.org_text for row in self.rows if row.org_text}
        resolved = OrganizationResolver(self.root, self.user).resolve(values)
        for row in self.rows:
            if not row.org_text:
                continue
            result = resolved[row.org_text]
            if result.organization is None:
                row.error(header, result.error)
            else:
                row.organization = result.organization

    def _existing_persons(self):
        numbers = sorted({row.values["id_number"] for row in self.rows if "id_number" in row.values})
        lookup = set(numbers) | {n[:-1] + "x" for n in numbers if n.endswith("X")}
        found = {}
        ordered = sorted(lookup)
        for start in range(0, len(ordered), BATCH_SIZE):
            chunk = ordered[start : start + BATCH_SIZE]
            persons = Person.objects.filter(id_number__in=chunk).select_related(
                "organization", "membership", "membership__organization"
            )
            for person in persons:
                found[person.id_number.upper()] = person
        return found

    def _build(self, row, existing):
        number = row.values.get("id_number")
        person = existing.get(number) if number else None
        member = getattr(person, "membership", None) if person is not None else None
        id_header = COLUMNS_BY_KEY["id_number"].header
        if member is not None and not member.organization.path.startswith(self.root.path):
            row.error(id_header, OTHER_UNIT_MEMBER)
            return
        if person is not None and member is None and not person.organization.path.startswith(self.root.path):
            row.error(id_header, OTHER_UNIT_PERSON)
            return
        if person is None:
            person = Person()
        else:
            row.person_before = serialize_object(person)
            # Birth date and sex follow the ID number unless the row states them.
            if "birth_date" not in row.values:
                person.birth_date = None
            if "sex" not in row.values:
                person.sex = ""
        if member is None:
            member = Member()
        else:
            row.member_before = serialize_object(member)
        for key, value in row.values.items():
            column = COLUMNS_BY_KEY[key]
            setattr(person if column.target == PERSON else member, column.field, value)
        if row.organization is not None:
            person.organization = row.organization
            member.organization = row.organization
        member.person = person
        if person.pk is None:
            member.__dict__["person_id"] = _UNSAVED_PERSON_ID
        row.person, row.member = person, member
        self._validate(row, person, PERSON, ["organization", "household"])
        self._validate(row, member, MEMBER, ["person", "organization"])
        self._check_admission_age(row, person, member)

    def _validate(self, row, instance, target, exclude):
        try:
            instance.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
        except ValidationError as exc:
            for field_name, messages in exc.message_dict.items():
                row.error(self._header(target, field_name, type(instance)), " ".join(messages))

    @staticmethod
    def _header(target, field_name, model):
        if field_name == NON_FIELD_ERRORS:
            return ""
        if field_name == "organization":
            return COLUMNS_BY_KEY["organization"].header
        column = column_for_field(target, field_name)
        if column is not None:
            return column.header
        return str(model._meta.get_field(field_name).verbose_name)

    @staticmethod
    def _check_admission_age(row, person, member):
        # Party Constitution art. 1: members are admitted at 18 or older. Member.clean()
        # checks the application date; a roster often records only the admission date.
        birth, admission = person.birth_date, member.admission_date
        if not birth or not admission:
            return
        day = 28 if (birth.month, birth.day) == (2, 29) else birth.day
        eighteen = datetime.date(birth.year + 18, birth.month, day)
        if admission < eighteen:
            header = COLUMNS_BY_KEY["admission_date"].header
            row.error(header, f"入党时应年满18周岁（{eighteen:%Y年%m月%d日}起）。")

    def _count(self):
        report = self.report
        for row in self.rows:
            row.person_changed = (
                row.person_before is None or serialize_object(row.person) != row.person_before
            )
            if row.member.pk is None:
                row.action = "create"
                row.member_changed = True
                report.created += 1
                self._preview(row, [])
                continue
            row.member_changed = serialize_object(row.member) != row.member_before
            if row.person_changed or row.member_changed:
                row.action = "update"
                report.updated += 1
                self._preview(row, self._changed_fields(row))
            else:
                report.unchanged += 1

    def _preview(self, row, fields):
        if len(self.report.changes) < PREVIEW_LIMIT:
            self.report.changes.append(RowChange(row.number, row.person.name, row.action, fields))

    def _changed_fields(self, row):
        labels = []
        for target, instance, before in (
            (PERSON, row.person, row.person_before),
            (MEMBER, row.member, row.member_before),
        ):
            after = serialize_object(instance)
            for name, value in after.items():
                if before.get(name) != value:
                    label = self._header(target, name, type(instance))
                    if label not in labels:
                        labels.append(label)
        return labels

    # --- writing ---------------------------------------------------------------------------

    def write(self):
        now = timezone.now()
        new_persons = [r.person for r in self.rows if r.person.pk is None]
        changed_persons = [r.person for r in self.rows if r.person.pk is not None and r.person_changed]
        for person in new_persons + changed_persons:
            person.name_pinyin, person.name_initials = name_pinyin(person.name)
            if person.id_number == "":
                person.id_number = None
        Person.objects.bulk_create(new_persons, batch_size=BATCH_SIZE)
        self._fill_missing_pks(new_persons)
        for person in changed_persons:
            person.last_updated = now
        Person.objects.bulk_update(
            changed_persons,
            PERSON_FIELDS + ["name_pinyin", "name_initials", "last_updated"],
            batch_size=BATCH_SIZE,
        )
        for row in self.rows:
            row.member.person = row.person
        new_members = [r.member for r in self.rows if r.member.pk is None]
        changed_members = [r.member for r in self.rows if r.member.pk is not None and r.member_changed]
        Member.objects.bulk_create(new_members, batch_size=BATCH_SIZE)
        if any(m.pk is None for m in new_members):
            ids = dict(
                Member.objects.filter(person__in=[m.person_id for m in new_members]).values_list(
                    "person_id", "pk"
                )
            )
            for member in new_members:
                member.pk = ids[member.person_id]
        for member in changed_members:
            member.last_updated = now
        Member.objects.bulk_update(changed_members, MEMBER_FIELDS + ["last_updated"], batch_size=BATCH_SIZE)
        self._write_log()

    @staticmethod
    def _fill_missing_pks(persons):
        """Databases that cannot return ids from a bulk insert: fetch them by ID number."""
        missing = [p for p in persons if p.pk is None]
        for start in range(0, len(missing), BATCH_SIZE):
            chunk = missing[start : start + BATCH_SIZE]
            ids = dict(
                Person.objects.filter(id_number__in=[p.id_number for p in chunk]).values_list(
                    "id_number", "pk"
                )
            )
            for person in chunk:
                person.pk = ids[person.id_number]
                person._state.adding = False

    def _write_log(self):
        """One change-log row per created or changed record, as jiceng.core.signals.write_log
        builds it, written in bulk."""
        user = context.current_user()
        user_name = (user.get_full_name() or user.get_username()) if user else "系统"
        request_id = context.current_request_id() or ""
        types = ContentType.objects
        logs = []

        def log(instance, before):
            parent = instance.changelog_parent()
            logs.append(
                ChangeLog(
                    user=user,
                    user_name=user_name,
                    request_id=request_id,
                    action=ChangeLog.Action.CREATE if before is None else ChangeLog.Action.UPDATE,
                    content_type=types.get_for_model(type(instance), for_concrete_model=False),
                    object_id=instance.pk,
                    object_repr=str(instance)[:200],
                    related_content_type=types.get_for_model(type(parent)) if parent is not None else None,
                    related_object_id=parent.pk if parent is not None else None,
                    scope_path=scope_path_of(instance),
                    before=before,
                    after=serialize_object(instance),
                )
            )

        for row in self.rows:
            if row.person_changed:
                log(row.person, row.person_before)
            if row.member_changed:
                log(row.member, row.member_before)
        ChangeLog.objects.bulk_create(logs, batch_size=BATCH_SIZE)
