"""Forms of memberships, cadre posts and mobile-member records, and the position list's filters."""

import datetime

from django import forms
from django.db.models import Q

from jiceng.core.forms import ScopedModelForm
from jiceng.people.forms import (
    SEARCH_MAX_LENGTH,
    ChineseDateField,
    ScopedFilterForm,
    filter_subtree,
    organization_filter_field,
    person_choice_field,
    search_persons,
)
from jiceng.people.validators import phone_validator

from .choices import MemberStatus, Occupation, PositionTitle
from .models import Member, MobileMember, Position, eighteenth_birthday

MEMBER_DATE_FIELDS = [
    "application_date",
    "activist_date",
    "candidate_date",
    "admission_date",
    "full_date",
    "left_date",
]


class MemberForm(ScopedModelForm):
    """The membership part of the combined member form. Member.clean checks the order of the
    development dates and the age at application; the age at admission is checked here with
    the birth date the person part holds (also before that person is saved)."""

    class Meta:
        model = Member
        fields = [
            "organization",
            "status",
            *MEMBER_DATE_FIELDS,
            "occupation",
            "added_how",
            "double_strong",
            "lost_contact",
            "note",
        ]
        field_classes = {f: ChineseDateField for f in MEMBER_DATE_FIELDS}
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, birth_date=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.birth_date = birth_date
        self.fields["organization"].empty_label = "请选择"
        self.fields["status"].choices = [("", "请选择"), *MemberStatus.choices]
        self.fields["occupation"].choices = [("", "未填"), *Occupation.choices]

    def clean(self):
        cleaned = super().clean()
        admission = cleaned.get("admission_date")
        if self.birth_date and admission and admission >= self.birth_date:
            eighteen = eighteenth_birthday(self.birth_date)
            if admission < eighteen:
                self.add_error("admission_date", f"入党时应年满18周岁（{eighteen:%Y年%m月%d日}起）。")
        return cleaned


class PositionForm(ScopedModelForm):
    person = person_choice_field(label="人员")

    class Meta:
        model = Position
        fields = ["person", "organization", "title", "start_date", "end_date", "concurrent", "note"]
        field_classes = {"start_date": ChineseDateField, "end_date": ChineseDateField}
        help_texts = {"end_date": "仍在任的不填。"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].empty_label = "请选择"
        self.fields["title"].choices = [("", "请选择"), *PositionTitle.choices]


class MobileMemberForm(ScopedModelForm):
    contact_phone = forms.CharField(
        label="外出联系电话", max_length=20, required=False, validators=[phone_validator]
    )

    class Meta:
        model = MobileMember
        fields = ["destination", "work", "contact_phone", "receiving_organization", "start_date", "end_date"]
        field_classes = {"start_date": ChineseDateField, "end_date": ChineseDateField}
        help_texts = {
            "destination": "如：广东省东莞市长安镇",
            "receiving_organization": "在外地参加组织生活的党组织，如有。",
            "end_date": "已返回的填写返回日期。",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contact_phone"].widget.attrs.update({"inputmode": "tel", "type": "tel"})


class PositionFilterForm(ScopedFilterForm):
    PERIOD_CHOICES = [("current", "现任"), ("ended", "已离任"), ("all", "全部")]

    q = forms.CharField(label="搜索", required=False, max_length=SEARCH_MAX_LENGTH)
    organization = organization_filter_field()
    title = forms.ChoiceField(label="职务", required=False, choices=[("", "全部"), *PositionTitle.choices])
    period = forms.ChoiceField(label="任职状态", required=False, choices=PERIOD_CHOICES)

    def filter(self, queryset, today=None):
        today = today or datetime.date.today()
        v = self.values()
        queryset = search_persons(queryset, v.get("q"), prefix="person__")
        queryset = filter_subtree(queryset, v.get("organization"))
        if v.get("title"):
            queryset = queryset.filter(title=v["title"])
        period = v.get("period") or "current"
        current = Q(end_date__isnull=True) | Q(end_date__gte=today)
        if period == "current":
            queryset = queryset.filter(current)
        elif period == "ended":
            queryset = queryset.exclude(current)
        return queryset
