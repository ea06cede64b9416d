"""Template filters and tags every jiceng template may use: ``{% load jiceng_tags %}``.

Numbers, dates and change-log entries are written the way Chinese users write them:
``9,012 名``, ``31.5%``, ``2026年5月3日 14:05``, field names by their verbose Chinese names.
"""

import datetime
import math
from decimal import Decimal, InvalidOperation

from django import forms, template
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

register = template.Library()

EMPTY = "—"

# Detail pages of records whose URL name does not follow "<app>:<model>_detail".
RECORD_URL_NAMES = {
    "organizations.organization": "organizations:detail",
    "regions.region": "regions:detail",
}


def _number(value):
    if value is None or value == "":
        return None
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return value
    try:
        return Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return None


@register.filter
def count(value, unit=""):
    """9012 → "9,012"; with a unit, ``{{ n|count:"名" }}`` → "9,012 名"; None → "—"."""
    n = _number(value)
    if n is None:
        return EMPTY
    try:
        whole = n == int(n)
    except (OverflowError, ValueError):  # inf, nan
        return EMPTY
    text = f"{int(n):,}" if whole else f"{n:,.2f}".rstrip("0").rstrip(".")
    return f"{text} {unit}" if unit else text


@register.filter
def percent(value, digits=1):
    """31.5 → "31.5%" (the value is already a percentage); None → "—"."""
    n = _number(value)
    if n is None:
        return EMPTY
    if not math.isfinite(float(n)):
        return EMPTY
    try:
        digits = max(0, min(int(digits), 4))
    except (TypeError, ValueError):
        digits = 1
    return f"{float(n):.{digits}f}%"


@register.filter
def zh_date(value, fmt="auto"):
    """A date → "2026年5月3日"; a datetime (in local time) → "2026年5月3日 14:05".
    ``{{ t|zh_date:"date" }}`` drops the time. ISO strings are read too; None → "—"."""
    if value in (None, ""):
        return EMPTY
    if isinstance(value, str):
        try:
            value = parse_date(value) or parse_datetime(value)
        except ValueError:  # well formed but impossible, e.g. 2026-02-30
            value = None
        if value is None:
            return EMPTY
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        if fmt == "date":
            return f"{value.year}年{value.month}月{value.day}日"
        return f"{value.year}年{value.month}月{value.day}日 {value:%H:%M}"
    if isinstance(value, datetime.date):
        return f"{value.year}年{value.month}月{value.day}日"
    return EMPTY


def _model_of(ref):
    """A model class from a ChangeLog row, a ContentType, a model or instance, or "app.Model"."""
    if ref is None:
        return None
    if isinstance(ref, ContentType):
        return ref.model_class()
    content_type = getattr(ref, "content_type", None)
    if isinstance(content_type, ContentType):
        return content_type.model_class()
    if isinstance(ref, type) and issubclass(ref, models.Model):
        return ref
    if isinstance(ref, models.Model):
        return type(ref)
    if isinstance(ref, str) and ref.count(".") == 1:
        try:
            return apps.get_model(ref)
        except (LookupError, ValueError):
            return None
    return None


def _field(model, name):
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except Exception:  # FieldDoesNotExist, or a name the model has since lost
        return None


@register.filter
def field_label(name, ref):
    """``{{ "phone"|field_label:row }}`` → "联系电话": the verbose name of a field of the
    model of `ref` (a ChangeLog row, ContentType, model, instance or "app.Model")."""
    field = _field(_model_of(ref), name)
    label = getattr(field, "verbose_name", None)
    return str(label) if label else name


@register.filter
def choice_label(value, ref):
    """``{{ "branch"|choice_label:"organizations.Organization.kind" }}`` → "党支部"."""
    model_ref, _, name = (ref or "").rpartition(".")
    field = _field(_model_of(model_ref), name)
    if field is not None and field.choices:
        return dict(field.flatchoices).get(value, value)
    return value


@register.filter
def choice_counts(rows, ref):
    """Grouped counts such as ``[{"kind": "branch", "n": 3}]`` → ``[("党支部", 3), …]`` in the
    order of the field's choices: ``{{ rows|choice_counts:"organizations.Organization.kind" }}``."""
    model_ref, _, name = (ref or "").rpartition(".")
    field = _field(_model_of(model_ref), name)
    choices = list(field.flatchoices) if field is not None and field.choices else []
    by_value = {row.get(name): row.get("n", 0) for row in rows or []}
    result = [(str(label), by_value.pop(value)) for value, label in choices if value in by_value]
    result += [(str(value), n) for value, n in by_value.items()]
    return result


@register.filter
def record_url(row):
    """The detail page of the record a ChangeLog row is about, or "" (deleted records,
    models without a page)."""
    if getattr(row, "action", "") == "delete":
        return ""
    ct = row.content_type
    names = [RECORD_URL_NAMES.get(f"{ct.app_label}.{ct.model}"), f"{ct.app_label}:{ct.model}_detail"]
    for name in filter(None, names):
        try:
            return reverse(name, args=[row.object_id])
        except NoReverseMatch:
            continue
    return ""


def _fk_names(rows, user):
    """{(target model, pk): name} for the foreign keys in the rows' before/after values: one
    query per target model for the whole list, narrowed to what the user may see."""
    wanted = {}
    for row in rows:
        model = _model_of(row)
        for data in (row.before or {}, row.after or {}):
            for key, value in data.items():
                field = _field(model, key)
                if isinstance(field, models.ForeignKey) and isinstance(value, int):
                    wanted.setdefault(field.related_model, set()).add(value)
    names = {}
    user_model = get_user_model()
    for target, ids in wanted.items():
        qs = target._default_manager.filter(pk__in=ids)
        if hasattr(qs, "restrict"):
            qs = qs.restrict(user)
        if target is user_model:
            pairs = [(pk, full or name) for pk, full, name in qs.values_list("pk", "full_name", "username")]
        elif _field(target, "name") is not None:
            pairs = qs.values_list("pk", "name")
        elif isinstance(_field(target, "person"), models.ForeignKey):
            pairs = qs.values_list("pk", "person__name")
        else:
            pairs = [(pk, f"#{pk}") for pk in qs.values_list("pk", flat=True)]
        for pk, name in pairs:
            names[(target, pk)] = name
    return names


def _display(field, value, fk_names):
    if value is None or value == "" or value == []:
        return EMPTY
    if isinstance(value, bool):
        return "是" if value else "否"
    if field is None:
        return str(value)
    if isinstance(field, models.ForeignKey):
        return fk_names.get((field.related_model, value), f"编号 {value}")
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.DateTimeField | models.DateField):
        return zh_date(value)
    return str(value)


@register.simple_tag(takes_context=True)
def labelled_changes(context, rows, about=None):
    """``{% labelled_changes history object as entries %}``: each ChangeLog row with its
    changed fields as ``(verbose name, before, after)`` in display form (choice labels, 是/否,
    Chinese dates, names of related records the user may see). A creation lists the fields
    that were filled in; a deletion lists none. ``other`` is true for rows about another
    record than `about` (all rows when `about` is not given)."""
    rows = list(rows or [])
    request = context.get("request")
    user = getattr(request, "user", None)
    fk_names = _fk_names(rows, user)
    entries = []
    for row in rows:
        model = _model_of(row)
        changes = []
        if row.action != "delete":
            for name, before, after in row.diff():
                field = _field(model, name)
                if row.action == "create" and after in (None, "", [], False):
                    continue
                label = str(field.verbose_name) if field is not None else name
                changes.append((label, _display(field, before, fk_names), _display(field, after, fk_names)))
        other = not (isinstance(about, models.Model) and model is type(about) and row.object_id == about.pk)
        entries.append({"row": row, "changes": changes, "url": record_url(row), "other": other})
    return entries


@register.filter
def bs_field(bound_field):
    """Renders a form field's widget with Bootstrap classes, marked invalid when it has errors."""
    widget = bound_field.field.widget
    if isinstance(widget, forms.CheckboxInput | forms.RadioSelect | forms.CheckboxSelectMultiple):
        css = "form-check-input"
    elif isinstance(widget, forms.Select):
        css = "form-select"
    else:
        css = "form-control"
    classes = widget.attrs.get("class") or css
    if bound_field.errors:
        classes += " is-invalid"
    attrs = {"class": classes}
    if bound_field.errors:
        attrs["aria-invalid"] = "true"
    if bound_field.help_text:
        attrs["aria-describedby"] = f"{bound_field.auto_id}_help"
    return bound_field.as_widget(attrs=attrs)


@register.filter
def is_checkbox(bound_field):
    return isinstance(bound_field.field.widget, forms.CheckboxInput)


@register.filter
def is_wide(bound_field):
    """Whether a field needs a whole row (long text, lists of checkboxes)."""
    return isinstance(bound_field.field.widget, forms.Textarea | forms.CheckboxSelectMultiple)
