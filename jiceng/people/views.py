"""Web pages of persons and households; every query starts from ``restrict(user, action)``."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import JsonResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from jiceng.core.history import history_for
from jiceng.core.scoping import DELETE
from jiceng.core.views import (
    ScopedCreateView,
    ScopedDeleteView,
    ScopedDetailView,
    ScopedEditView,
    ScopedListView,
)
from jiceng.members.models import Member
from jiceng.members.views import (
    FilteredListMixin,
    ManageRequiredMixin,
    can_manage,
    int_param,
    person_positions,
)

from .forms import (
    HouseholdFilterForm,
    HouseholdForm,
    PersonFilterForm,
    PersonForm,
    household_label,
    normalize_query,
    search_households,
)
from .models import Household, Person

HOUSEHOLD_SEARCH_LIMIT = 20


# ---------------------------------------------------------------------------------------------
# Persons
# ---------------------------------------------------------------------------------------------


class PersonListView(FilteredListMixin, ScopedListView):
    model = Person
    template_name = "people/person_list.html"
    context_object_name = "persons"
    filter_form_class = PersonFilterForm
    chosen_keys = ("q", "organization", "sex", "age_band", "education", "membership")

    def base_queryset(self):
        return Person.objects.select_related("organization", "household", "membership")


class PersonDetailView(ScopedDetailView):
    model = Person
    template_name = "people/person_detail.html"
    show_history = False

    def base_queryset(self):
        return Person.objects.select_related("organization", "household")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        person = self.object
        manage = can_manage(user) and ctx["can_change"]
        member = Member.objects.restrict(user).select_related("organization").filter(person=person).first()
        ctx.update(
            {
                "person": person,
                "id_number_shown": person.id_number if manage else person.id_number_masked,
                "can_manage_person": manage,
                "member": member,
                "is_member_elsewhere": member is None and Member.objects.filter(person=person).exists(),
                "positions": person_positions(person, user),
                "household_visible": person.household_id is not None
                and Household.objects.restrict(user).filter(pk=person.household_id).exists(),
                "history": list(history_for(person, user)[:50]) if manage else None,
            }
        )
        return ctx


class PersonFormMixin(ManageRequiredMixin):
    model = Person
    form_class = PersonForm
    template_name = "people/person_form.html"

    def base_queryset(self):
        return Person.objects.select_related("organization", "household")

    def get_success_url(self):
        return reverse("people:person_detail", args=[self.object.pk])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        form = ctx["form"]
        existing = getattr(form, "existing_person", None)
        if existing is not None:
            member = Member.objects.restrict(self.request.user).filter(person=existing).first()
            ctx["existing_url"] = (
                reverse("members:detail", args=[member.pk])
                if member
                else reverse("people:person_detail", args=[existing.pk])
            )
            ctx["existing_person"] = existing
        return ctx


class PersonCreateView(PersonFormMixin, ScopedCreateView):
    def get_initial(self):
        initial = super().get_initial()
        pk = int_param(self.request.GET.get("household"))
        household = Household.objects.restrict(self.request.user).filter(pk=pk).first() if pk else None
        if household is not None:
            initial.update({"household": household.pk, "organization": household.organization_id})
        elif self.request.user.organization_id:
            initial["organization"] = self.request.user.organization_id
        return initial


class PersonEditView(PersonFormMixin, ScopedEditView):
    pass


# ---------------------------------------------------------------------------------------------
# Households
# ---------------------------------------------------------------------------------------------


class HouseholdListView(FilteredListMixin, ScopedListView):
    model = Household
    template_name = "people/household_list.html"
    context_object_name = "households"
    filter_form_class = HouseholdFilterForm
    chosen_keys = ("q", "organization", "hardship")

    def base_queryset(self):
        return (
            Household.objects.select_related("organization", "head", "region")
            .annotate(people_count=Count("people"))
            .order_by("organization__path", "name", "pk")
        )


class HouseholdDetailView(ScopedDetailView):
    model = Household
    template_name = "people/household_detail.html"
    show_history = False

    def base_queryset(self):
        return Household.objects.select_related("organization", "head", "region")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        household = self.object
        manage = can_manage(user) and ctx["can_change"]
        ctx.update(
            {
                "household": household,
                "people": list(
                    Person.objects.restrict(user)
                    .filter(household=household)
                    .select_related("membership", "organization")
                ),
                "head_visible": household.head_id is not None
                and Person.objects.restrict(user).filter(pk=household.head_id).exists(),
                "can_manage_household": manage,
                "can_delete_household": can_manage(user, DELETE) and ctx["can_delete"],
                "history": list(history_for(household, user)[:50]) if manage else None,
            }
        )
        return ctx


class HouseholdFormMixin(ManageRequiredMixin):
    model = Household
    form_class = HouseholdForm
    template_name = "people/household_form.html"

    def base_queryset(self):
        return Household.objects.select_related("organization", "head", "region")

    def get_success_url(self):
        return reverse("people:household_detail", args=[self.object.pk])


class HouseholdCreateView(HouseholdFormMixin, ScopedCreateView):
    def get_initial(self):
        initial = super().get_initial()
        if self.request.user.organization_id:
            initial["organization"] = self.request.user.organization_id
        return initial


class HouseholdEditView(HouseholdFormMixin, ScopedEditView):
    pass


class HouseholdDeleteView(ManageRequiredMixin, ScopedDeleteView):
    model = Household
    manage_action = DELETE
    template_name = "members/confirm_delete.html"

    def get_success_url(self):
        return reverse("people:household_list")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(
            {
                "title": "删除农户",
                "warning": "删除后，该户的家庭成员仍保留在人员信息中，但不再属于任何农户。",
                "cancel_url": reverse("people:household_detail", args=[self.object.pk]),
            }
        )
        return ctx


@require_GET
@login_required
def household_search(request):
    """At most 20 households of the user's scope matching ?q= (household name or head)."""
    q = normalize_query(request.GET.get("q"))
    if not q:
        return JsonResponse({"results": [], "more": False})
    qs = search_households(Household.objects.restrict(request.user).select_related("organization"), q)
    rows = list(qs[: HOUSEHOLD_SEARCH_LIMIT + 1])
    results = [
        {"id": h.pk, "name": h.name, "label": household_label(h)} for h in rows[:HOUSEHOLD_SEARCH_LIMIT]
    ]
    return JsonResponse({"results": results, "more": len(rows) > HOUSEHOLD_SEARCH_LIMIT})
