"""Pieces shared by the member, post and mobile-member pages (the people app uses them too)."""

import datetime

from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme

from jiceng.core.models import ChangeLog
from jiceng.core.scoping import CHANGE, DELETE, MEMBER_ROLE, VIEW, can
from jiceng.organizations.models import Organization
from jiceng.people.models import Household, Person

from ..choices import LEFT_STATUSES
from ..models import Member, MobileMember, Position

PERSON_SEARCH_LIMIT = 20

# Shared pieces (the people app's views use them too)


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


class FilteredListMixin(FriendlyPaginationMixin):
    """A scoped list narrowed by a filter form (``filter_form_class``, with a ``filter(qs)``
    method); the context carries the form, the organisation choices, the values chosen
    (``chosen_keys``, cut to 50 characters) and whether the user may add records."""

    filter_form_class = None
    chosen_keys = ()

    def get_queryset(self):
        self.filter_form = self.filter_form_class(self.request.GET, user=self.request.user)
        return self.filter_form.filter(super().get_queryset())

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(
            {
                "filter_form": self.filter_form,
                "org_options": organization_options(self.request.user),
                "chosen": {k: self.request.GET.get(k, "")[:50] for k in self.chosen_keys},
                "can_add": can_manage(self.request.user),
            }
        )
        return ctx
