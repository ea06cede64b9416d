"""The member list's filters, shared by the web list, the .xlsx export and the API."""

import re

import django_filters
from django.db.models import Q

from jiceng.organizations.models import Organization
from jiceng.people.choices import Education, Sex

from .choices import AGE_BAND_CHOICES, MemberStatus, birth_date_range
from .models import Member

_ID_TAIL = re.compile(r"^\d{3,17}[0-9Xx]?$")
_LATIN = re.compile(r"^[A-Za-z]+$")


def search_members(queryset, value):
    """Name, pinyin initials (``zsf`` → 张三丰), full pinyin, or the last digits of the ID number."""
    value = (value or "").strip()
    if not value:
        return queryset
    if _LATIN.match(value):
        v = value.lower()
        return queryset.filter(Q(person__name_initials__startswith=v) | Q(person__name_pinyin__startswith=v))
    if _ID_TAIL.match(value):
        return queryset.filter(
            Q(person__id_number__endswith=value.upper()) | Q(person__phone__endswith=value)
        )
    return queryset.filter(person__name__contains=value)


class MemberFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label="搜索", method="filter_q")
    organization = django_filters.ModelChoiceFilter(
        label="党组织（含下级）", queryset=Organization.objects.all(), method="filter_subtree"
    )
    status = django_filters.MultipleChoiceFilter(label="党员状态", choices=MemberStatus.choices)
    sex = django_filters.ChoiceFilter(label="性别", field_name="person__sex", choices=Sex.choices)
    age_band = django_filters.ChoiceFilter(label="年龄段", choices=AGE_BAND_CHOICES, method="filter_age_band")
    education = django_filters.MultipleChoiceFilter(
        label="学历", field_name="person__education", choices=Education.choices
    )
    double_strong = django_filters.BooleanFilter(label="双强")

    class Meta:
        model = Member
        fields = ["q", "organization", "status", "sex", "age_band", "education", "double_strong"]

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        super().__init__(data=data, queryset=queryset, request=request, prefix=prefix)
        user = getattr(request, "user", None)
        # The organisation choices are the user's own subtree, like everything else.
        self.filters["organization"].queryset = Organization.objects.restrict(user)

    def filter_q(self, queryset, name, value):
        return search_members(queryset, value)

    def filter_subtree(self, queryset, name, value):
        return queryset.filter(organization__path__startswith=value.path) if value else queryset

    def filter_age_band(self, queryset, name, value):
        earliest, latest = birth_date_range(value)
        if earliest:
            queryset = queryset.filter(person__birth_date__gte=earliest)
        if latest:
            queryset = queryset.filter(person__birth_date__lte=latest)
        return queryset
