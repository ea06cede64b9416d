import datetime

from django.core.exceptions import ValidationError
from django.db import models

from jiceng.core.models import PrimaryModel

from . import idnumber
from .choices import ETHNICITIES, HAN, Education, Sex
from .pinyin import name_pinyin
from .validators import phone_validator, validate_id_number


class Person(PrimaryModel):
    """Anyone the platform records: a Party member, a cadre or a villager. Holds the
    personal data; memberships and posts point to it."""

    name = models.CharField("姓名", max_length=50)
    id_number = models.CharField(
        "公民身份号码", max_length=18, unique=True, null=True, blank=True, validators=[validate_id_number]
    )
    sex = models.CharField("性别", max_length=6, choices=Sex.choices, blank=True)
    birth_date = models.DateField("出生日期", null=True, blank=True, db_index=True)
    ethnicity = models.CharField("民族", max_length=2, choices=ETHNICITIES, default=HAN)
    education = models.CharField("学历", max_length=30, choices=Education.choices, blank=True)
    phone = models.CharField("联系电话", max_length=20, blank=True, validators=[phone_validator])
    address = models.CharField("住址", max_length=200, blank=True)
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name="所属组织",
        on_delete=models.PROTECT,
        related_name="persons",
        help_text="管理这条人员信息的党组织（一般为所在村党组织）。",
    )
    household = models.ForeignKey(
        "people.Household",
        verbose_name="所在农户",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
    )
    name_pinyin = models.CharField("姓名全拼", max_length=200, blank=True, editable=False, db_index=True)
    name_initials = models.CharField("姓名首字母", max_length=50, blank=True, editable=False, db_index=True)
    note = models.TextField("备注", blank=True)

    scope_path_lookup = "organization__path"
    changelog_exclude = PrimaryModel.changelog_exclude + ("name_pinyin", "name_initials")

    class Meta:
        ordering = ["name_pinyin", "id"]
        verbose_name = "人员"
        verbose_name_plural = "人员"

    def __str__(self):
        return self.name

    @classmethod
    def restrict_for_member(cls, queryset, user, action):
        if action == "delete" or not user.person_id:
            return queryset.none()
        return queryset.filter(pk=user.person_id)

    @property
    def id_number_masked(self):
        return idnumber.mask(self.id_number)

    def age_on(self, day=None):
        if not self.birth_date:
            return None
        day = day or datetime.date.today()
        b = self.birth_date
        return day.year - b.year - ((day.month, day.day) < (b.month, b.day))

    @property
    def age(self):
        return self.age_on()

    def clean(self):
        super().clean()
        self.name = (self.name or "").strip()
        if self.id_number:
            self.id_number = self.id_number.strip().upper()
            try:
                info = idnumber.parse(self.id_number)
            except idnumber.IdNumberError:
                return  # the field validator reports it
            errors = {}
            if self.birth_date and self.birth_date != info.birth_date:
                errors["birth_date"] = (
                    f"出生日期与身份证号不一致（身份证号为{info.birth_date:%Y年%m月%d日}）。"
                )
            if self.sex and self.sex != info.sex:
                errors["sex"] = f"性别与身份证号不一致（身份证号为{Sex(info.sex).label}性）。"
            if errors:
                raise ValidationError(errors)
            self.birth_date = info.birth_date
            self.sex = info.sex

    def save(self, *args, **kwargs):
        if self.id_number == "":
            self.id_number = None
        if self.id_number and (not self.birth_date or not self.sex):
            # Enter once: what the ID number says need not be typed again.
            try:
                info = idnumber.parse(self.id_number)
            except idnumber.IdNumberError:
                info = None
            if info:
                self.birth_date = self.birth_date or info.birth_date
                self.sex = self.sex or info.sex
        self.name_pinyin, self.name_initials = name_pinyin(self.name)
        super().save(*args, **kwargs)


class Household(PrimaryModel):
    """A villager household: the unit of pairing, visits and civilised-household stars."""

    name = models.CharField("户名", max_length=100, help_text="一般为“户主姓名+户”。")
    head = models.ForeignKey(
        Person,
        verbose_name="户主",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="headed_households",
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name="所属组织",
        on_delete=models.PROTECT,
        related_name="households",
    )
    region = models.ForeignKey(
        "regions.Region",
        verbose_name="所在村组",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="households",
    )
    address = models.CharField("住址", max_length=200, blank=True)
    size = models.PositiveSmallIntegerField("家庭人口", null=True, blank=True)
    is_hardship = models.BooleanField("困难户", default=False)
    note = models.TextField("备注", blank=True)

    scope_path_lookup = "organization__path"

    class Meta:
        ordering = ["organization", "name"]
        verbose_name = "农户"
        verbose_name_plural = "农户"

    def __str__(self):
        return self.name

    @classmethod
    def restrict_for_member(cls, queryset, user, action):
        if action != "view" or not user.person_id:
            return queryset.none()
        return queryset.filter(people__id=user.person_id)
