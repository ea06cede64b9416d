"""Filters of the position and mobile-member endpoints, searching like the web lists
(members use MemberFilterSet itself)."""

import datetime

import django_filters
from django.db.models import Q

from jiceng.core.api.filters import IdFilter
from jiceng.people.api.filtersets import SubtreeFilterSet
from jiceng.people.forms import search_persons

from ..choices import PositionTitle
from ..models import MobileMember, Position


def current_on(prefix=""):
    """Q of records running today: no end date, or an end date not yet passed."""
    today = datetime.date.today()
    return Q(**{f"{prefix}end_date__isnull": True}) | Q(**{f"{prefix}end_date__gte": today})


class PositionFilterSet(SubtreeFilterSet):
    title = django_filters.MultipleChoiceFilter(label="职务", choices=PositionTitle.choices)
    current = django_filters.BooleanFilter(
        label="现任（true 只看现任，false 只看已离任）", method="filter_current"
    )
    person = IdFilter(label="人员编号", field_name="person_id")
    q = django_filters.CharFilter(label="搜索（姓名、拼音首字母、身份证号或电话尾号）", method="filter_q")

    class Meta:
        model = Position
        fields = ["organization", "title", "current", "person", "q"]

    def filter_q(self, queryset, name, value):
        return search_persons(queryset, value, prefix="person__")

    def filter_current(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(current_on()) if value else queryset.exclude(current_on())


class MobileMemberFilterSet(SubtreeFilterSet):
    subtree_lookup = "member__organization__path"
    current = django_filters.BooleanFilter(label="仍在外（true 只看尚未返回的）", method="filter_current")
    member = IdFilter(label="党员编号", field_name="member_id")
    q = django_filters.CharFilter(label="搜索（党员姓名、拼音首字母、身份证号或电话尾号）", method="filter_q")

    class Meta:
        model = MobileMember
        fields = ["organization", "current", "member", "q"]

    def filter_current(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(current_on()) if value else queryset.exclude(current_on())

    def filter_q(self, queryset, name, value):
        return search_persons(queryset, value, prefix="member__person__")
