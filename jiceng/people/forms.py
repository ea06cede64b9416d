"""Forms of persons and households, and the form pieces the member pages share with them:
a date field that also takes typed Chinese dates, and a search-as-you-type choice of a
scoped record that still works as a plain select when the browser runs no script."""

import re
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q

from jiceng.core.forms import DateInput, ScopedModelForm
from jiceng.core.scoping import VIEW
from jiceng.members.choices import AGE_BAND_CHOICES, birth_date_range
from jiceng.organizations.models import Organization

from .choices import Education, Sex
from .models import Household, Person

# ---------------------------------------------------------------------------------------------
# Searching persons and households
# ---------------------------------------------------------------------------------------------

_ID_TAIL = re.compile(r"^\d{3,17}[0-9Xx]?$")
_LATIN = re.compile(r"^[A-Za-z]+$")
SEARCH_MAX_LENGTH = 50


def normalize_query(value):
    """Half-width, trimmed, at most SEARCH_MAX_LENGTH characters."""
    return unicodedata.normalize("NFKC", value or "").strip()[:SEARCH_MAX_LENGTH]


def search_persons(queryset, value, prefix=""):
    """Name, pinyin initials (``zsf`` → 张三丰), full pinyin, or the last digits of the ID
    number or phone. `prefix` reaches the person from another model (``"person__"``)."""
    value = normalize_query(value)
    if not value:
        return queryset
    if _LATIN.match(value):
        v = value.lower()
        return queryset.filter(
            Q(**{f"{prefix}name_initials__startswith": v}) | Q(**{f"{prefix}name_pinyin__startswith": v})
        )
    if _ID_TAIL.match(value):
        return queryset.filter(
            Q(**{f"{prefix}id_number__endswith": value.upper()}) | Q(**{f"{prefix}phone__endswith": value})
        )
    return queryset.filter(**{f"{prefix}name__contains": value})


def search_households(queryset, value):
    """A household by its name, or by its head as `search_persons` finds persons."""
    value = normalize_query(value)
    if not value:
        return queryset
    by_head = search_persons(queryset, value, prefix="head__")
    if _LATIN.match(value) or _ID_TAIL.match(value):
        return by_head
    return queryset.filter(Q(name__contains=value) | Q(pk__in=by_head.values("pk")))


def person_label(person):
    """张三丰（男，1980年生，430***********1234，中共桃源村支部委员会）"""
    parts = [
        person.get_sex_display(),
        f"{person.birth_date.year}年生" if person.birth_date else "",
        person.id_number_masked,
        person.organization.name if person.organization_id else "",
    ]
    details = "，".join(p for p in parts if p)
    return f"{person.name}（{details}）" if details else person.name


def household_label(household):
    org = household.organization.name if household.organization_id else ""
    return f"{household.name}（{org}）" if org else household.name


# ---------------------------------------------------------------------------------------------
# Form pieces
# ---------------------------------------------------------------------------------------------

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y年%m月%d号", "%Y%m%d"]


class ChineseDateField(forms.DateField):
    """A date from the browser's date picker, or typed as 2021-07-01, 2021/7/1, 2021.7.1,
    2021年7月1日 or 20210701 (full-width digits too)."""

    widget = DateInput
    input_formats = DATE_INPUT_FORMATS
    default_error_messages = {"invalid": "日期格式不对，请按“2021-07-01”或“2021年7月1日”填写。"}

    def to_python(self, value):
        if isinstance(value, str):
            value = re.sub(r"\s+", "", unicodedata.normalize("NFKC", value))
        return super().to_python(value)


class SearchQuery(str):
    """Text typed into a search-select instead of a choice (the no-script path)."""


class SearchSelect(forms.Select):
    """A select of records with a search box above it.

    With script on, the box asks a JSON endpoint for matches as one types and the select is
    hidden. With script off, the select lists the whole scope when it is small
    (`fallback_limit`); otherwise it lists the current choice only, and text typed into the
    box is resolved on the server (one match is taken, several are offered in the select).
    """

    template_name = "people/widgets/search_select.html"
    fallback_limit = 300

    def __init__(self, url_name, placeholder="", attrs=None):
        super().__init__(attrs=attrs)
        self.url_name = url_name
        self.placeholder = placeholder
        self.queryset = None
        self.label_func = str
        self.matches = None

    def value_from_datadict(self, data, files, name):
        typed = normalize_query(data.get(f"{name}_q"))
        if typed:
            return SearchQuery(typed)
        return data.get(name)

    def value_omitted_from_data(self, data, files, name):
        return name not in data and f"{name}_q" not in data

    def _options_for(self, value):
        """(choices, total in scope or None, whether the list is cut short)."""
        blank = [("", "---------")]
        if isinstance(value, SearchQuery):
            return blank + [(o.pk, self.label_func(o)) for o in (self.matches or [])], None, False
        qs = self.queryset
        if qs is None:
            return blank, None, False
        total = qs.count()
        if total <= self.fallback_limit:
            return blank + [(o.pk, self.label_func(o)) for o in qs], total, False
        chosen = []
        if value not in (None, "") and str(value).isdigit():
            chosen = [(o.pk, self.label_func(o)) for o in qs.filter(pk=value)]
        return blank + chosen, total, True

    def get_context(self, name, value, attrs):
        raw = value[0] if isinstance(value, list | tuple) and value else value
        self.choices, total, truncated = self._options_for(raw)
        context = super().get_context(name, value, attrs)
        from django.urls import reverse

        selected = [label for pk, label in self.choices if pk != "" and str(pk) == str(raw)]
        context["widget"].update(
            {
                "search_url": reverse(self.url_name),
                "placeholder": self.placeholder,
                "typed": raw if isinstance(raw, SearchQuery) else "",
                "selected_label": selected[0] if selected else "",
                "total": total,
                "truncated": truncated,
            }
        )
        return context


class SearchChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField rendered as a SearchSelect. The queryset (narrowed to the user's
    scope by ScopedFormMixin) is what validates the choice, whatever the widget listed."""

    def __init__(self, queryset, *, search, label_func, url_name, placeholder="", **kwargs):
        self.search = search
        self.label_func = label_func
        kwargs.setdefault("widget", SearchSelect(url_name, placeholder))
        super().__init__(queryset, **kwargs)
        self.widget.label_func = label_func

    def _set_queryset(self, queryset):
        super()._set_queryset(queryset)
        self.widget.queryset = self._queryset

    queryset = property(forms.ModelChoiceField._get_queryset, _set_queryset)

    def label_from_instance(self, obj):
        return self.label_func(obj)

    def to_python(self, value):
        if isinstance(value, SearchQuery):
            matches = list(self.search(self.queryset, value)[:21])
            if len(matches) == 1:
                return matches[0]
            self.widget.matches = matches[:20]
            if not matches:
                raise ValidationError(
                    f"在您的管理范围内没有找到“{value}”，请核对后重新输入。", code="not_found"
                )
            more = "20多" if len(matches) > 20 else str(len(matches))
            raise ValidationError(
                f"与“{value}”相符的有{more}条，请在下拉框中选定一条，或输入更完整的姓名、身份证号。",
                code="ambiguous",
            )
        return super().to_python(value)


def person_choice_field(**kwargs):
    return SearchChoiceField(
        Person.objects.select_related("organization"),
        search=search_persons,
        label_func=person_label,
        url_name="members:person_search",
        placeholder="输入姓名、拼音首字母或身份证号后几位",
        **kwargs,
    )


def household_choice_field(**kwargs):
    return SearchChoiceField(
        Household.objects.select_related("organization"),
        search=search_households,
        label_func=household_label,
        url_name="people:household_search",
        placeholder="输入户名或户主姓名",
        **kwargs,
    )


# ---------------------------------------------------------------------------------------------
# Person and household forms
# ---------------------------------------------------------------------------------------------

PERSON_FIELDS = [
    "name",
    "id_number",
    "sex",
    "birth_date",
    "ethnicity",
    "education",
    "phone",
    "address",
    "organization",
    "household",
    "note",
]


class PersonForm(ScopedModelForm):
    """A person's data. The ID number, when given, fills the birth date and sex left empty and
    must agree with those typed (Person.clean)."""

    household = household_choice_field(label="所在农户", required=False)

    class Meta:
        model = Person
        fields = PERSON_FIELDS
        field_classes = {"birth_date": ChineseDateField}
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}
        help_texts = {"id_number": "填写后，出生日期和性别可不填，由身份证号自动带出。"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.existing_person = None
        self.fields["id_number"].widget.attrs.update({"inputmode": "text", "autocomplete": "off"})
        self.fields["phone"].widget.attrs.update({"inputmode": "tel", "type": "tel"})
        if "organization" in self.fields:
            self.fields["organization"].empty_label = "请选择"
        self.fields["sex"].choices = [("", "未填（有身份证号时自动带出）"), *Sex.choices]
        self.fields["education"].choices = [("", "未填"), *Education.choices]

    def clean_id_number(self):
        value = self.cleaned_data.get("id_number")
        if not value:
            return None
        value = value.strip().upper()
        other = Person.objects.filter(id_number=value).exclude(pk=self.instance.pk).first()
        if other is None:
            return value
        if not Person.objects.restrict(self.user, VIEW).filter(pk=other.pk).exists():
            raise ValidationError(
                "该身份证号已由您管理范围以外的组织登记，请联系上级组织部门核实。", code="duplicate"
            )
        self.existing_person = other
        if hasattr(other, "membership"):
            raise ValidationError(
                f"该身份证号的人员“{other.name}”已登记为{other.membership.get_status_display()}，请勿重复登记。",
                code="duplicate_member",
            )
        raise ValidationError(f"该身份证号已登记为人员“{other.name}”，请勿重复登记。", code="duplicate")


class MemberPersonForm(PersonForm):
    """The person part of the combined member form: the managing organisation follows the
    membership's, so it is not asked for."""

    class Meta(PersonForm.Meta):
        fields = [f for f in PERSON_FIELDS if f != "organization"]


class MyProfileForm(forms.ModelForm):
    """What a Party member may change of their own record: how to reach them, and education."""

    class Meta:
        model = Person
        fields = ["phone", "address", "education"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs.setdefault("class", css)
        self.fields["phone"].widget.attrs.update({"inputmode": "tel", "type": "tel"})
        self.fields["education"].choices = [("", "未填"), *Education.choices]


class HouseholdForm(ScopedModelForm):
    head = person_choice_field(label="户主", required=False)

    class Meta:
        model = Household
        fields = ["name", "head", "organization", "region", "address", "size", "is_hardship", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].empty_label = "请选择"
        self.fields["size"].widget.attrs.update({"min": 1, "max": 99})
        self.fields["size"].validators.append(_household_size_validator)

    def save(self, commit=True):
        household = super().save(commit=commit)
        head = household.head
        if commit and head is not None and head.household_id is None:
            # The head belongs to the household they head, unless already recorded elsewhere.
            head.household = household
            head.save()
        return household


def _household_size_validator(value):
    if value is not None and not 1 <= value <= 99:
        raise ValidationError("家庭人口应在1至99人之间。")


# ---------------------------------------------------------------------------------------------
# List filters (a wrong value is ignored, never an error page)
# ---------------------------------------------------------------------------------------------


class ScopedFilterForm(forms.Form):
    """A GET form of list filters; organisation choices are the user's subtree."""

    def __init__(self, data=None, *, user=None):
        super().__init__(data=data)
        self.user = user
        if "organization" in self.fields:
            self.fields["organization"].queryset = Organization.objects.restrict(user, VIEW)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxSelectMultiple):
                continue
            widget.attrs.setdefault(
                "class", "form-select" if isinstance(widget, forms.Select) else "form-control"
            )

    def values(self):
        """The cleaned values of the fields that validated (others are simply not applied)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {k: v for k, v in self.cleaned_data.items() if v not in (None, "", [])}


def organization_filter_field():
    return forms.ModelChoiceField(
        label="党组织（含下级）", queryset=Organization.objects.none(), required=False, empty_label="全部"
    )


def filter_subtree(queryset, organization, lookup="organization__path"):
    return queryset.filter(**{f"{lookup}__startswith": organization.path}) if organization else queryset


def filter_age_band(queryset, band, prefix=""):
    earliest, latest = birth_date_range(band)
    if earliest:
        queryset = queryset.filter(**{f"{prefix}birth_date__gte": earliest})
    if latest:
        queryset = queryset.filter(**{f"{prefix}birth_date__lte": latest})
    return queryset


class PersonFilterForm(ScopedFilterForm):
    MEMBERSHIP_CHOICES = [("", "全部"), ("member", "党员（含发展对象等）"), ("non_member", "非党员")]

    q = forms.CharField(label="搜索", required=False, max_length=SEARCH_MAX_LENGTH)
    organization = organization_filter_field()
    sex = forms.ChoiceField(label="性别", required=False, choices=[("", "全部"), *Sex.choices])
    age_band = forms.ChoiceField(label="年龄段", required=False, choices=[("", "全部"), *AGE_BAND_CHOICES])
    education = forms.ChoiceField(label="学历", required=False, choices=[("", "全部"), *Education.choices])
    membership = forms.ChoiceField(label="身份", required=False, choices=MEMBERSHIP_CHOICES)

    def filter(self, queryset):
        v = self.values()
        queryset = search_persons(queryset, v.get("q"))
        queryset = filter_subtree(queryset, v.get("organization"))
        if v.get("sex"):
            queryset = queryset.filter(sex=v["sex"])
        if v.get("age_band"):
            queryset = filter_age_band(queryset, v["age_band"])
        if v.get("education"):
            queryset = queryset.filter(education=v["education"])
        if v.get("membership") == "member":
            queryset = queryset.filter(membership__isnull=False)
        elif v.get("membership") == "non_member":
            queryset = queryset.filter(membership__isnull=True)
        return queryset


class HouseholdFilterForm(ScopedFilterForm):
    q = forms.CharField(label="搜索", required=False, max_length=SEARCH_MAX_LENGTH)
    organization = organization_filter_field()
    hardship = forms.ChoiceField(
        label="困难户", required=False, choices=[("", "全部"), ("yes", "困难户"), ("no", "非困难户")]
    )

    def filter(self, queryset):
        v = self.values()
        queryset = search_households(queryset, v.get("q"))
        queryset = filter_subtree(queryset, v.get("organization"))
        if v.get("hardship") == "yes":
            queryset = queryset.filter(is_hardship=True)
        elif v.get("hardship") == "no":
            queryset = queryset.filter(is_hardship=False)
        return queryset
