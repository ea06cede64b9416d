"""What the web views, the API and the command share: the filtered member export and the
description of its filters."""

from django import forms
from django.utils import timezone

from jiceng.members.filtersets import MemberFilterSet
from jiceng.members.models import Member

from .export import members_workbook


class InvalidFilters(ValueError):
    """The export's filters do not validate; `messages` are '字段：原因' lines."""

    def __init__(self, messages):
        super().__init__("；".join(messages))
        self.messages = messages


def filter_errors(filterset):
    labels = {name: str(f.label or name) for name, f in filterset.filters.items()}
    return [f"{labels.get(name, name)}：{' '.join(errors)}" for name, errors in filterset.errors.items()]


def describe_filters(filterset):
    """'党员状态：正式党员；双强：是' for the filters in use."""
    parts = []
    form = filterset.form
    for name, value in form.cleaned_data.items():
        if value in (None, "", [], ()):
            continue
        field = form.fields[name]
        is_model = isinstance(field, forms.ModelChoiceField | forms.ModelMultipleChoiceField)
        choices = {} if is_model else dict(getattr(field, "choices", ()) or ())
        if isinstance(value, list | tuple):
            text = "、".join(str(choices.get(v, v)) for v in value)
        elif isinstance(value, bool):
            text = "是" if value else "否"
        else:
            text = str(choices.get(value, value))
        parts.append(f"{field.label}：{text}")
    return "；".join(parts)


def export_members(request, params):
    """(xlsx bytes, file name) of the members the user may see, filtered by `params` like
    the member list; raise InvalidFilters when the filters do not validate."""
    filterset = MemberFilterSet(params, queryset=Member.objects.restrict(request.user), request=request)
    if not filterset.is_valid():
        raise InvalidFilters(filter_errors(filterset))
    data = members_workbook(filterset.qs, request.user, description=describe_filters(filterset))
    return data, f"党员花名册-{timezone.localdate():%Y%m%d}.xlsx"
