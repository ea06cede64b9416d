import datetime

from django.core.exceptions import ValidationError
from django.db import models

from jiceng.core.models import PrimaryModel

from .choices import AddedHow, MemberStatus, Occupation, PositionTitle


def eighteenth_birthday(birth):
    """The day a person born on `birth` turns 18 (28 February for those born on 29 February)."""
    try:
        return birth.replace(year=birth.year + 18)
    except ValueError:
        return datetime.date(birth.year + 18, 2, 28)


class Member(PrimaryModel):
    """A Person's Party membership (or their way towards it): organisation, status, the
    dates of each step, and the flags the statistics and indicators read."""

    person = models.OneToOneField(
        "people.Person", verbose_name="人员", on_delete=models.PROTECT, related_name="membership"
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name="所在党组织",
        on_delete=models.PROTECT,
        related_name="members",
    )
    status = models.CharField("党员状态", max_length=20, choices=MemberStatus.choices, db_index=True)
    application_date = models.DateField("申请入党日期", null=True, blank=True)
    activist_date = models.DateField("确定积极分子日期", null=True, blank=True)
    candidate_date = models.DateField("确定发展对象日期", null=True, blank=True)
    admission_date = models.DateField("入党日期", null=True, blank=True, help_text="接收为预备党员的日期。")
    full_date = models.DateField("转正日期", null=True, blank=True)
    left_date = models.DateField("离开日期", null=True, blank=True, help_text="转出、去世或出党的日期。")
    occupation = models.CharField("职业", max_length=30, choices=Occupation.choices, blank=True)
    added_how = models.CharField(
        "进入方式", max_length=20, choices=AddedHow.choices, default=AddedHow.DEVELOPED
    )
    double_strong = models.BooleanField("双强", default=False, help_text="致富能力强、带富能力强。")
    lost_contact = models.BooleanField("失联党员", default=False)
    note = models.TextField("备注", blank=True)

    scope_path_lookup = "organization__path"

    class Meta:
        ordering = ["organization__path", "person__name_pinyin", "id"]
        verbose_name = "党员"
        verbose_name_plural = "党员"
        indexes = [models.Index(fields=["organization", "status"], name="member_org_status_idx")]

    def __str__(self):
        return self.person.name if self.person_id else "党员"

    def changelog_parent(self):
        return self.person

    @classmethod
    def restrict_for_member(cls, queryset, user, action):
        if action == "delete" or not user.person_id:
            return queryset.none()
        return queryset.filter(person_id=user.person_id)

    def clean(self):
        super().clean()
        errors = {}
        today = datetime.date.today()
        order = [
            ("application_date", "申请入党日期"),
            ("activist_date", "确定积极分子日期"),
            ("candidate_date", "确定发展对象日期"),
            ("admission_date", "入党日期"),
            ("full_date", "转正日期"),
        ]
        previous = None
        for field, label in order:
            value = getattr(self, field)
            if value is None:
                continue
            if value > today:
                errors[field] = f"{label}不能晚于今天。"
            elif previous and value < previous[1]:
                errors[field] = f"{label}不能早于{previous[0]}。"
            previous = (label, value)
        birth = self.person.birth_date if self.person_id else None
        if birth:
            # Party Constitution art. 1: an applicant, and so a member, is at least 18 years old.
            eighteen = eighteenth_birthday(birth)
            if self.application_date and self.application_date < eighteen:
                errors["application_date"] = f"申请入党时应年满18周岁（{eighteen:%Y年%m月%d日}起）。"
            if self.admission_date and birth <= self.admission_date < eighteen:
                errors.setdefault("admission_date", f"入党时应年满18周岁（{eighteen:%Y年%m月%d日}起）。")
        if birth and self.admission_date and self.admission_date < birth:
            errors["admission_date"] = "入党日期不能早于出生日期。"
        if self.status in (MemberStatus.PROBATIONARY, MemberStatus.FULL) and not self.admission_date:
            errors["admission_date"] = "预备党员和正式党员必须填写入党日期。"
        if self.status == MemberStatus.FULL and self.admission_date and not self.full_date:
            errors["full_date"] = "正式党员必须填写转正日期。"
        if self.left_date and self.left_date > today:
            errors["left_date"] = "离开日期不能晚于今天。"
        if errors:
            raise ValidationError(errors)

    @property
    def is_party_member(self):
        return self.status in (MemberStatus.PROBATIONARY, MemberStatus.FULL)


class Position(PrimaryModel):
    """A cadre post held by a person in an organisation, from a start date to an end date."""

    person = models.ForeignKey(
        "people.Person", verbose_name="人员", on_delete=models.PROTECT, related_name="positions"
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name="任职组织",
        on_delete=models.PROTECT,
        related_name="positions",
    )
    title = models.CharField("职务", max_length=40, choices=PositionTitle.choices)
    start_date = models.DateField("任职日期")
    end_date = models.DateField("离任日期", null=True, blank=True)
    concurrent = models.BooleanField("书记、主任“一肩挑”", default=False)
    note = models.CharField("备注", max_length=200, blank=True)

    scope_path_lookup = "organization__path"

    class Meta:
        ordering = ["organization__path", "title", "-start_date"]
        verbose_name = "干部职务"
        verbose_name_plural = "干部职务"
        indexes = [models.Index(fields=["organization", "title", "end_date"], name="position_org_title_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True) | models.Q(end_date__gte=models.F("start_date")),
                name="position_end_after_start",
                violation_error_message="离任日期不能早于任职日期。",
            )
        ]

    def __str__(self):
        return f"{self.organization} {self.get_title_display()} {self.person}"

    def changelog_parent(self):
        return self.person

    @classmethod
    def restrict_for_member(cls, queryset, user, action):
        if action != "view" or not user.person_id:
            return queryset.none()
        return queryset.filter(person_id=user.person_id)

    @property
    def is_current(self):
        return self.end_date is None or self.end_date >= datetime.date.today()

    def clean(self):
        super().clean()
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "离任日期不能早于任职日期。"})


class MobileMember(PrimaryModel):
    """A member working away from home: where, doing what, how to reach them, and which
    organisation receives them there (流入地党组织)."""

    member = models.ForeignKey(
        Member, verbose_name="党员", on_delete=models.CASCADE, related_name="mobile_records"
    )
    destination = models.CharField("外出地点", max_length=200)
    work = models.CharField("从事工作", max_length=200, blank=True)
    contact_phone = models.CharField("外出联系电话", max_length=20, blank=True)
    receiving_organization = models.CharField("流入地党组织", max_length=200, blank=True)
    start_date = models.DateField("外出日期")
    end_date = models.DateField("返回日期", null=True, blank=True)

    scope_path_lookup = "member__organization__path"

    class Meta:
        ordering = ["-start_date"]
        verbose_name = "流动党员"
        verbose_name_plural = "流动党员"

    def __str__(self):
        return f"{self.member} → {self.destination}"

    def changelog_parent(self):
        return self.member

    @classmethod
    def restrict_for_member(cls, queryset, user, action):
        if action != "view" or not user.person_id:
            return queryset.none()
        return queryset.filter(member__person_id=user.person_id)

    def clean(self):
        super().clean()
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "返回日期不能早于外出日期。"})
