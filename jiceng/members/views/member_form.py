"""Create and edit a member with their person, in one form and one transaction; delete."""

import datetime

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views import View

from jiceng.core.scoping import CHANGE, DELETE
from jiceng.core.views import (
    ScopedDeleteView,
)
from jiceng.people.forms import MemberPersonForm
from jiceng.people.models import Person

from ..forms import MemberForm
from ..models import Member
from .shared import (
    ManageRequiredMixin,
    int_param,
    safe_next,
)

# Create and edit a member with their person, in one form and one transaction


class _MemberInvalid(Exception):
    """Rolls back the person saved to check the membership's age rules against it."""


def _form_value(value):
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if hasattr(value, "pk"):
        return str(value.pk)
    return str(value)


class MemberFormView(ManageRequiredMixin, View):
    template_name = "members/member_form.html"
    person_prefix = "person"
    member_prefix = "member"

    # -- the records edited ------------------------------------------------------------------

    def get_member(self):
        pk = self.kwargs.get("pk")
        if pk is None:
            return None
        return get_object_or_404(
            Member.objects.restrict(self.request.user, CHANGE).select_related("person", "organization"), pk=pk
        )

    def editable_person(self, pk):
        return (
            Person.objects.restrict(self.request.user, CHANGE)
            .filter(pk=pk)
            .select_related("organization")
            .first()
        )

    def chosen_person(self, data):
        """For a new member: the existing person named by ?person= (from a person's page) or
        by the posted ID number, when that person is in scope and not yet a member."""
        pk = int_param(data.get("person_pk"))
        if pk is not None:
            person = self.editable_person(pk)
            if person is not None and not Member.objects.filter(person=person).exists():
                return person, False
        number = (data.get(f"{self.person_prefix}-id_number") or "").strip().upper()
        if number:
            person = (
                Person.objects.restrict(self.request.user, CHANGE)
                .filter(id_number=number, membership__isnull=True)
                .select_related("organization")
                .first()
            )
            if person is not None:
                return person, True
        return None, False

    # -- forms ---------------------------------------------------------------------------------

    def build_forms(self, data=None):
        user = self.request.user
        member = self.member
        attached_by_number = False
        if member is not None:
            person = self.editable_person(member.person_id)
            person_form = (
                MemberPersonForm(data, instance=person, user=user, prefix=self.person_prefix)
                if person
                else None
            )
        else:
            source = data if data is not None else {"person_pk": self.request.GET.get("person")}
            person, attached_by_number = self.chosen_person(source)
            if data is not None and attached_by_number:
                data = self.fill_blanks(data, person)
            person_form = MemberPersonForm(
                data, instance=person or Person(), user=user, prefix=self.person_prefix
            )
        initial = {}
        if member is None and person_form is not None and person_form.instance.organization_id:
            initial["organization"] = person_form.instance.organization_id
        member_form = MemberForm(
            data, instance=member or Member(), user=user, prefix=self.member_prefix, initial=initial
        )
        self.attached_by_number = attached_by_number
        return person_form, member_form

    def fill_blanks(self, data, person):
        """Attaching to a person already recorded: what the form leaves blank keeps the
        stored value, what it fills in replaces it."""
        data = data.copy()
        for name in MemberPersonForm.Meta.fields:
            key = f"{self.person_prefix}-{name}"
            if not data.get(key) and not data.get(f"{key}_q"):
                data[key] = _form_value(getattr(person, name))
        return data

    def render_forms(self, person_form, member_form, status=200):
        member = self.member
        ctx = {
            "member": member,
            "person_form": person_form,
            "member_form": member_form,
            "readonly_person": member.person if member is not None and person_form is None else None,
            "existing_person": getattr(person_form, "existing_person", None),
            "existing_member_url": self.existing_member_url(person_form),
            "person_pk": person_form.instance.pk if member is None and person_form is not None else None,
            "next": safe_next(self.request, ""),
        }
        return render(self.request, self.template_name, ctx, status=status)

    def existing_member_url(self, person_form):
        existing = getattr(person_form, "existing_person", None)
        if existing is None:
            return ""
        member = Member.objects.restrict(self.request.user).filter(person=existing).first()
        if member is not None:
            return reverse("members:detail", args=[member.pk])
        return reverse("people:person_detail", args=[existing.pk])

    # -- HTTP ----------------------------------------------------------------------------------

    def get(self, request, pk=None):
        self.member = self.get_member()
        return self.render_forms(*self.build_forms())

    def post(self, request, pk=None):
        self.member = self.get_member()
        old_org = self.member.organization_id if self.member else None  # the form changes the instance
        person_form, member_form = self.build_forms(request.POST)
        person_ok = person_form.is_valid() if person_form is not None else True
        person = person_form.instance if person_form is not None else self.member.person
        member_form.birth_date = person.birth_date
        member_form.instance.person = person
        member_ok = member_form.is_valid()
        if not (person_ok and member_ok):
            return self.render_forms(person_form, member_form)
        creating_person = person.pk is None
        try:
            with transaction.atomic():
                if person_form is not None:
                    person = person_form.save(commit=False)
                    if creating_person or person.organization_id in (None, old_org):
                        person.organization = member_form.cleaned_data["organization"]
                    person.save()
                    person_form.save_m2m()
                member_form.instance.person = person
                if creating_person:
                    # Member.clean checks the age at application against a saved person.
                    member_form.full_clean()
                    if member_form.errors:
                        raise _MemberInvalid
                member = member_form.save()
        except (_MemberInvalid, IntegrityError) as exc:
            if creating_person:
                person.pk = None
                person._state.adding = True
            if isinstance(exc, IntegrityError):
                # Someone recorded the same person or membership a moment ago.
                member_form.add_error(None, "这名人员刚刚已由他人登记，请返回名单核对后再保存。")
            return self.render_forms(person_form, member_form)
        if self.member is None:
            note = f"已将已登记的人员“{person.name}”登记为党员（身份证号相同，未重复新增人员）。"
            messages.success(request, note if self.attached_by_number else f"已新增“{person.name}”。")
        else:
            messages.success(request, "已保存。")
        return redirect(safe_next(request, reverse("members:detail", args=[member.pk])))


class MemberDeleteView(ManageRequiredMixin, ScopedDeleteView):
    model = Member
    manage_action = DELETE
    template_name = "members/confirm_delete.html"

    def base_queryset(self):
        return Member.objects.select_related("person", "organization")

    def get_success_url(self):
        return reverse("members:list")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(
            {
                "title": "删除党员记录",
                "warning": "只删除党员信息（含流动党员记录）；人员基本信息保留，可在“人员”中查看。",
                "cancel_url": reverse("members:detail", args=[self.object.pk]),
            }
        )
        return ctx
