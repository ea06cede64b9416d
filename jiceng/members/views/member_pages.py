"""The member list, a member's page and "my profile"."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from jiceng.core.scoping import CHANGE
from jiceng.core.views import (
    ScopedDetailView,
    ScopedListView,
)
from jiceng.people.forms import MyProfileForm
from jiceng.people.models import Person

from ..choices import DEVELOPMENT_STATUSES, LEFT_STATUSES, PARTY_MEMBER_STATUSES, MemberStatus
from ..filtersets import MemberFilterSet
from ..models import Member
from .shared import (
    FriendlyPaginationMixin,
    can_manage,
    forbidden,
    member_page_context,
    organization_options,
    person_positions,
)

# Member list and page

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
