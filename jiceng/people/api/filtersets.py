"""Filters of the person and household endpoints: the web lists' searches and filters
(jiceng.people.forms), as django-filter filtersets."""

import django_filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from jiceng.core.api.filters import IdFilter
from jiceng.members.choices import AGE_BAND_CHOICES
from jiceng.organizations.models import Organization

from ..choices import Education, Sex
from ..forms import filter_age_band, search_households, search_persons
from ..models import Household, Person


class SubtreeFilterSet(django_filters.FilterSet):
    """`?organization=<id>`: records of that organisation and all below it, chosen among the
    organisations the user sees."""

    organization = django_filters.ModelChoiceFilter(
        label="党组织（含下级）", queryset=Organization.objects.all(), method="filter_subtree"
    )
    subtree_lookup = "organization__path"

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        super().__init__(data=data, queryset=queryset, request=request, prefix=prefix)
        self.filters["organization"].queryset = Organization.objects.restrict(getattr(request, "user", None))

    @extend_schema_field(OpenApiTypes.INT)
    def filter_subtree(self, queryset, name, value):
        return queryset.filter(**{f"{self.subtree_lookup}__startswith": value.path}) if value else queryset


class PersonFilterSet(SubtreeFilterSet):
    MEMBERSHIP_CHOICES = [("member", "党员（含发展对象等）"), ("non_member", "非党员")]

    q = django_filters.CharFilter(label="搜索（姓名、拼音首字母、身份证号或电话尾号）", method="filter_q")
    sex = django_filters.ChoiceFilter(label="性别", choices=Sex.choices)
    age_band = django_filters.ChoiceFilter(label="年龄段", choices=AGE_BAND_CHOICES, method="filter_age_band")
    education = django_filters.MultipleChoiceFilter(label="学历", choices=Education.choices)
    membership = django_filters.ChoiceFilter(
        label="身份", choices=MEMBERSHIP_CHOICES, method="filter_membership"
    )
    household = IdFilter(label="农户编号", field_name="household_id")

    class Meta:
        model = Person
        fields = ["q", "organization", "sex", "age_band", "education", "membership", "household"]

    def filter_q(self, queryset, name, value):
        return search_persons(queryset, value)

    def filter_age_band(self, queryset, name, value):
        return filter_age_band(queryset, value)

    def filter_membership(self, queryset, name, value):
        return queryset.filter(membership__isnull=(value == "non_member"))


class HouseholdFilterSet(SubtreeFilterSet):
    q = django_filters.CharFilter(
        label="搜索（户名，或户主姓名、拼音首字母、身份证号尾号）", method="filter_q"
    )
    is_hardship = django_filters.BooleanFilter(label="困难户")

    class Meta:
        model = Household
        fields = ["q", "organization", "is_hardship"]

    def filter_q(self, queryset, name, value):
        return search_households(queryset, value)
