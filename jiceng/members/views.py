"""Web pages of members, cadre posts and mobile-member records.

Every query starts from ``Model.objects.restrict(request.user, action)``: what is outside the
user's subtree answers 404. Pages that change records are for the roles that may change
them; a Party member changes only their own contact details and education (``me``).
"""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View
from django.views.decorators.http import require_GET

from jiceng.core.models import ChangeLog
from jiceng.core.scoping import CHANGE, DELETE, MEMBER_ROLE, VIEW, can
from jiceng.core.views import (
    ScopedCreateView,
    ScopedDeleteView,
    ScopedDetailView,
    ScopedEditView,
    ScopedListView,
)
from jiceng.organizations.models import Organization
from jiceng.people.forms import MemberPersonForm, MyProfileForm, normalize_query, person_label, search_persons
from jiceng.people.models import Household, Person

from .choices import DEVELOPMENT_STATUSES, LEFT_STATUSES, PARTY_MEMBER_STATUSES, MemberStatus
from .filtersets import MemberFilterSet
from .forms import MemberForm, MobileMemberForm, PositionFilterForm, PositionForm
from .models import Member, MobileMember, Position

PERSON_SEARCH_LIMIT = 20

# ---------------------------------------------------------------------------------------------
# Shared pieces (the people app's views use them too)
# ---------------------------------------------------------------------------------------------


def can_manage(user, action=CHANGE):
    """Whether the user's role may change (or delete) records of its subtree from these pages.
    The member role's own-record rights are exercised only through the "me" page."""
    if not can(user, action):
        return False
    return user.is_superuser or user.role != MEMBER_ROLE


def deletable(user, obj):
    """Whether `user` may delete `obj` (a saved record, or None)."""
    if obj is None or obj.pk is None or not can_manage(user, DELETE):
        return False
    return type(obj).objects.restrict(user, DELETE).filter(pk=obj.pk).exists()


def forbidden(request):
    return render(request, "members/forbidden.html", status=403)


class ManageRequiredMixin(LoginRequiredMixin):
    """Refuses (403) the pages that change records to roles that may not change them; the
    object itself is looked up in the user's scope, so another subtree's answers 404."""

    manage_action = CHANGE

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not can_manage(request.user, self.manage_action):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)


class FriendlyPaginationMixin:
    """A page number that is not one (?page=abc, ?page=99999) shows the first or last page."""

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get("page"))
        return paginator, page, page.object_list, page.has_other_pages()


def safe_next(request, default):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return default


def int_param(value):
    """A positive database id from a query string, or None."""
    value = (value or "").strip()
    return int(value) if value.isdigit() and len(value) <= 18 else None


def organization_options(user):
    """(id, indented name) of the organisations in the user's scope, in tree order."""
    rows = list(Organization.objects.restrict(user, VIEW).order_by("path").values_list("pk", "name", "depth"))
    top = min((d for _, _, d in rows), default=0)
    return [(pk, "\u3000" * (depth - top) + name) for pk, name, depth in rows]


def member_history(member, user, limit=50):
    """The change-log rows of a member, of its mobile-member records, of its person and of the
    person's posts (Member.changelog_parent is the person, so history_for(member) alone
    would miss the person's own changes)."""
    ct_member = ContentType.objects.get_for_model(Member)
    ct_person = ContentType.objects.get_for_model(Person)
    logs = (
        ChangeLog.objects.restrict(user)
        .filter(
            Q(content_type=ct_member, object_id=member.pk)
            | Q(related_content_type=ct_member, related_object_id=member.pk)
            | Q(content_type=ct_person, object_id=member.person_id)
            | Q(related_content_type=ct_person, related_object_id=member.person_id)
        )
        .select_related("content_type")[:limit]
    )
    return list(logs)


def development_timeline(member):
    steps = [
        ("申请入党", member.application_date),
        ("确定为积极分子", member.activist_date),
        ("确定为发展对象", member.candidate_date),
        ("接收为预备党员", member.admission_date),
        ("转为正式党员", member.full_date),
    ]
    if member.left_date or member.status in LEFT_STATUSES:
        steps.append((member.get_status_display(), member.left_date))
    return [{"label": label, "date": day} for label, day in steps]


def current_mobile_record(records, today=None):
    today = today or datetime.date.today()
    current = [r for r in records if r.end_date is None or r.end_date >= today]
    return max(current, key=lambda r: r.start_date, default=None)


def person_positions(person, user):
    return list(
        Position.objects.restrict(user)
        .filter(person=person)
        .select_related("organization")
        .order_by("end_date", "-start_date")
    )


def member_page_context(request, member, *, show_full_id):
    user = request.user
    person = member.person
    mobile_records = list(MobileMember.objects.restrict(user).filter(member=member))
    can_manage_here = can_manage(user) and Member.objects.restrict(user, CHANGE).filter(pk=member.pk).exists()
    return {
        "member": member,
        "person": person,
        "id_number_shown": person.id_number if show_full_id else person.id_number_masked,
        "ancestors": list(member.organization.ancestors()),
        "timeline": development_timeline(member),
        "positions": person_positions(person, user),
        "mobile_records": mobile_records,
        "current_mobile": current_mobile_record(mobile_records),
        "household_visible": person.household_id is not None
        and Household.objects.restrict(user).filter(pk=person.household_id).exists(),
        "history": member_history(member, user) if can_manage(user, VIEW) else None,
        "can_manage_member": can_manage_here,
        "can_delete_member": can_manage(user, DELETE)
        and Member.objects.restrict(user, DELETE).filter(pk=member.pk).exists(),
        "today": datetime.date.today(),
    }


# ---------------------------------------------------------------------------------------------
# Member list and page
# ---------------------------------------------------------------------------------------------

STATUS_TABS = [
    ("all", "全部", ()),
    ("party", "党员", PARTY_MEMBER_STATUSES),
    ("development", "发展中", DEVELOPMENT_STATUSES),
    ("left", "已离开", LEFT_STATUSES),
]


def status_tabs(request):
    chosen = set(request.GET.getlist("status"))
    tabs = []
    for key, label, statuses in STATUS_TABS:
        params = request.GET.copy()
        params.pop("page", None)
        params.setlist("status", [str(s) for s in statuses])
        tabs.append(
            {
                "key": key,
                "label": label,
                "query": params.urlencode(),
                "active": chosen == {str(s) for s in statuses},
            }
        )
    return tabs


class MemberListView(FriendlyPaginationMixin, ScopedListView):
    model = Member
    template_name = "members/member_list.html"
    context_object_name = "members"

    def base_queryset(self):
        return Member.objects.select_related("person", "organization")

    def get_queryset(self):
        self.filterset = MemberFilterSet(
            self.request.GET, queryset=super().get_queryset(), request=self.request
        )
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        form = self.filterset.form
        form.is_valid()
        get = self.request.GET
        ctx.update(
            {
                "filter_form": form,
                "tabs": status_tabs(self.request),
                "org_options": organization_options(self.request.user),
                "chosen": {
                    "q": get.get("q", "")[:50],
                    "organization": get.get("organization", ""),
                    "status": get.getlist("status"),
                    "sex": get.get("sex", ""),
                    "age_band": get.get("age_band", ""),
                    "education": get.getlist("education"),
                    "double_strong": get.get("double_strong", ""),
                },
                "status_choices": MemberStatus.choices,
                "age_band_choices": form.fields["age_band"].choices,
                "education_choices": form.fields["education"].choices,
                "sex_choices": form.fields["sex"].choices,
                "filtered": any(k != "page" and v for k, v in get.items()),
                "more_filters": any(
                    get.get(k) for k in ("organization", "sex", "age_band", "education", "double_strong")
                ),
                "invalid_filters": [form.fields[n].label for n in form.errors if n in form.fields],
                "can_add": can_manage(self.request.user),
            }
        )
        return ctx


class MemberDetailView(ScopedDetailView):
    model = Member
    template_name = "members/member_detail.html"
    show_history = False

    def base_queryset(self):
        return Member.objects.select_related(
            "person", "person__household", "person__organization", "organization"
        )

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        show_full = can_manage(self.request.user) and ctx["can_change"]
        ctx.update(member_page_context(self.request, self.object, show_full_id=show_full))
        return ctx


@login_required
def me(request):
    """The signed-in user's own page; a member may change phone, address and education."""
    user = request.user
    person = None
    if user.person_id:
        person = (
            Person.objects.restrict(user)
            .select_related("organization", "household")
            .filter(pk=user.person_id)
            .first()
        )
    if person is None:
        return render(request, "members/me_none.html")
    editable = Person.objects.restrict(user, CHANGE).filter(pk=person.pk).exists()
    form = None
    if editable:
        form = MyProfileForm(request.POST if request.method == "POST" else None, instance=person)
        if request.method == "POST" and form.is_valid():
            form.save()
            messages.success(request, "已保存您的联系方式和学历。")
            return redirect("members:me")
    elif request.method == "POST":
        return forbidden(request)
    member = (
        Member.objects.restrict(user)
        .select_related("person", "person__household", "organization")
        .filter(person=person)
        .first()
    )
    ctx = {"person": person, "form": form, "positions": person_positions(person, user)}
    if member is not None:
        member.person = person
        ctx.update(member_page_context(request, member, show_full_id=True))
    return render(request, "members/me.html", ctx)


# ---------------------------------------------------------------------------------------------
# Create and edit a member with their person, in one form and one transaction
# ---------------------------------------------------------------------------------------------


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


# ---------------------------------------------------------------------------------------------
# Cadre posts
# ---------------------------------------------------------------------------------------------


class PositionListView(FriendlyPaginationMixin, ScopedListView):
    model = Position
    template_name = "members/position_list.html"
    context_object_name = "positions"

    def base_queryset(self):
        return Position.objects.select_related("person", "person__membership", "organization")

    def get_queryset(self):
        self.filter_form = PositionFilterForm(self.request.GET, user=self.request.user)
        return self.filter_form.filter(super().get_queryset())

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(
            {
                "filter_form": self.filter_form,
                "org_options": organization_options(self.request.user),
                "chosen": {
                    k: self.request.GET.get(k, "")[:50] for k in ("q", "organization", "title", "period")
                },
                "can_add": can_manage(self.request.user),
                "today": datetime.date.today(),
            }
        )
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


# ---------------------------------------------------------------------------------------------
# Mobile-member records
# ---------------------------------------------------------------------------------------------


class MobileMemberMixin(ManageRequiredMixin):
    model = MobileMember
    form_class = MobileMemberForm
    template_name = "members/mobile_form.html"

    def base_queryset(self):
        return MobileMember.objects.select_related("member", "member__person")

    def get_success_url(self):
        return reverse("members:detail", args=[self.object.member_id])


class MobileMemberCreateView(MobileMemberMixin, ScopedCreateView):
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and can_manage(request.user):
            self.member = get_object_or_404(
                Member.objects.restrict(request.user, CHANGE).select_related("person"), pk=kwargs["pk"]
            )
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        form.instance.member = self.member
        return super().form_valid(form)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["member"] = self.member
        return ctx


class MobileMemberEditView(MobileMemberMixin, ScopedEditView):
    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["member"] = self.object.member
        ctx["can_delete"] = deletable(self.request.user, self.object)
        return ctx


class MobileMemberDeleteView(ManageRequiredMixin, ScopedDeleteView):
    model = MobileMember
    manage_action = DELETE
    template_name = "members/confirm_delete.html"

    def base_queryset(self):
        return MobileMember.objects.select_related("member", "member__person")

    def get_success_url(self):
        return reverse("members:detail", args=[self.object.member_id])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(
            {
                "title": "删除流动党员记录",
                "warning": "党员已返回的，请改为填写返回日期，以保留外出记录。",
                "cancel_url": reverse("members:detail", args=[self.object.member_id]),
            }
        )
        return ctx


# ---------------------------------------------------------------------------------------------
# Person search (JSON), for the search-as-you-type person choice
# ---------------------------------------------------------------------------------------------


@require_GET
@login_required
def person_search(request):
    """At most 20 persons of the user's scope matching ?q= (name, pinyin initials, full
    pinyin, or the last digits of the ID number or phone)."""
    q = normalize_query(request.GET.get("q"))
    if not q:
        return JsonResponse({"results": [], "more": False})
    qs = search_persons(Person.objects.restrict(request.user).select_related("organization"), q)
    rows = list(qs[: PERSON_SEARCH_LIMIT + 1])
    results = [{"id": p.pk, "name": p.name, "label": person_label(p)} for p in rows[:PERSON_SEARCH_LIMIT]]
    return JsonResponse({"results": results, "more": len(rows) > PERSON_SEARCH_LIMIT})
