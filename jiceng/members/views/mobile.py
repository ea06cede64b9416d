"""Mobile-member records of a member."""

from django.shortcuts import get_object_or_404
from django.urls import reverse

from jiceng.core.scoping import CHANGE, DELETE
from jiceng.core.views import (
    ScopedCreateView,
    ScopedDeleteView,
    ScopedEditView,
)

from ..forms import MobileMemberForm
from ..models import Member, MobileMember
from .shared import (
    ManageRequiredMixin,
    can_manage,
    deletable,
)

# Mobile-member records


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
