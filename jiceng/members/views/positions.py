"""Cadre posts: list, create, edit, delete."""

import datetime

from django.urls import reverse

from jiceng.core.scoping import DELETE
from jiceng.core.views import (
    ScopedCreateView,
    ScopedDeleteView,
    ScopedEditView,
    ScopedListView,
)
from jiceng.people.models import Person

from ..forms import PositionFilterForm, PositionForm
from ..models import Position
from .shared import (
    FilteredListMixin,
    ManageRequiredMixin,
    deletable,
    int_param,
    safe_next,
)

# Cadre posts


class PositionListView(FilteredListMixin, ScopedListView):
    model = Position
    template_name = "members/position_list.html"
    context_object_name = "positions"
    filter_form_class = PositionFilterForm
    chosen_keys = ("q", "organization", "title", "period")

    def base_queryset(self):
        return Position.objects.select_related("person", "person__membership", "organization")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["today"] = datetime.date.today()
        return ctx


class PositionFormMixin(ManageRequiredMixin):
    model = Position
    form_class = PositionForm
    template_name = "members/position_form.html"

    def base_queryset(self):
        return Position.objects.select_related("person", "organization")

    def get_success_url(self):
        return safe_next(self.request, reverse("members:position_list"))

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["next"] = safe_next(self.request, "")
        ctx["can_delete"] = deletable(self.request.user, self.object)
        return ctx


class PositionCreateView(PositionFormMixin, ScopedCreateView):
    def get_initial(self):
        initial = super().get_initial()
        pk = int_param(self.request.GET.get("person"))
        if pk is not None:
            person = Person.objects.restrict(self.request.user).filter(pk=pk).first()
            if person is not None:
                initial["person"] = person.pk
                initial["organization"] = person.organization_id
        return initial


class PositionEditView(PositionFormMixin, ScopedEditView):
    pass


class PositionDeleteView(ManageRequiredMixin, ScopedDeleteView):
    model = Position
    manage_action = DELETE
    template_name = "members/confirm_delete.html"

    def base_queryset(self):
        return Position.objects.select_related("person", "organization")

    def get_success_url(self):
        return reverse("members:position_list")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(
            {
                "title": "删除干部职务",
                "warning": "删除后这条任职记录不再计入干部统计。离任的请改为填写离任日期。",
                "cancel_url": reverse("members:position_list"),
            }
        )
        return ctx
