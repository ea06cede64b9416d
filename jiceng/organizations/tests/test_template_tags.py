"""jiceng_tags: numbers, dates and change-log entries as Chinese users read them."""

import datetime
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone

from jiceng.core.context import change_context
from jiceng.core.models import ChangeLog
from jiceng.organizations.templatetags import jiceng_tags as tags


@pytest.mark.parametrize(
    "value, unit, expected",
    [
        (9012, "名", "9,012 名"),
        (0, "个", "0 个"),
        (1234567, "", "1,234,567"),
        (None, "名", "—"),
        ("x", "", "—"),
    ],
)
def test_count(value, unit, expected):
    assert tags.count(value, unit) == expected


def test_count_keeps_decimals():
    assert tags.count(Decimal("20000.50"), "元") == "20,000.5 元"


@pytest.mark.parametrize(
    "value, expected", [(31.5, "31.5%"), (100, "100.0%"), (0, "0.0%"), (None, "—"), (float("nan"), "—")]
)
def test_percent(value, expected):
    assert tags.percent(value) == expected


def test_zh_date():
    assert tags.zh_date(datetime.date(2026, 5, 3)) == "2026年5月3日"
    moment = datetime.datetime(2026, 5, 3, 6, 5, tzinfo=datetime.UTC)
    assert tags.zh_date(moment) == "2026年5月3日 14:05"  # Asia/Shanghai
    assert tags.zh_date(moment, "date") == "2026年5月3日"
    assert tags.zh_date("2026-05-03") == "2026年5月3日"
    assert tags.zh_date(None) == "—" and tags.zh_date("not a date") == "—"
    assert tags.zh_date("2026-02-30") == "—"


def test_field_and_choice_labels():
    assert tags.field_label("established_date", "organizations.Organization") == "成立日期"
    assert tags.field_label("no_such_field", "organizations.Organization") == "no_such_field"
    assert tags.choice_label("branch", "organizations.Organization.kind") == "党支部"
    rows = [{"kind": "group", "n": 2}, {"kind": "county_committee", "n": 1}]
    assert tags.choice_counts(rows, "organizations.Organization.kind") == [("县委", 1), ("党小组", 2)]


def test_filters_work_in_any_template():
    html = Template('{% load jiceng_tags %}{{ n|count:"名" }} {{ s|percent }}').render(
        Context({"n": 9012, "s": 31.5})
    )
    assert html == "9,012 名 31.5%"


def test_changes_are_labelled_with_names_and_choice_labels(county):
    request = RequestFactory().get("/")
    request.user = county.township_admin_a
    org = county.village_a1
    with change_context(user=county.county_admin):
        org.kind, org.parent, org.established_date = (
            "general_branch",
            county.town_a,
            datetime.date(2001, 7, 1),
        )
        org.save()
    row = ChangeLog.objects.filter(
        object_id=org.pk, action="update", content_type__model="organization"
    ).get()
    (entry,) = tags.labelled_changes(Context({"request": request}), [row], org)
    assert ("组织类型", "党支部", "党总支") in entry["changes"]
    assert ("成立日期", "—", "2001年7月1日") in entry["changes"]
    assert entry["other"] is False and entry["url"] == f"/organizations/{org.pk}/"
    created = ChangeLog.objects.get(object_id=org.pk, action="create", content_type__model="organization")
    (entry,) = tags.labelled_changes(Context({"request": request}), [created])
    assert ("上级", "—", "中共东山镇委员会") in entry["changes"]
    assert entry["other"] is True


def test_related_names_outside_the_users_scope_are_not_shown(county):
    request = RequestFactory().get("/")
    request.user = county.township_admin_a
    created = ChangeLog.objects.get(
        object_id=county.town_a.pk, action="create", content_type__model="organization"
    )
    (entry,) = tags.labelled_changes(Context({"request": request}), [created])
    assert ("上级", "—", f"编号 {county.root.pk}") in entry["changes"]
    assert timezone.is_aware(created.time)
