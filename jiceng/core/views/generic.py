"""Class-based views that start every query from ``Model.objects.restrict(user, action)``.

Subclass these rather than Django's generic views: an object outside the user's subtree is
not in the queryset, so it answers 404 for reading, editing and deleting alike.
"""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import ProtectedError
from django.http import HttpResponseRedirect
from django.views import generic

from ..forms import ScopedFormMixin
from ..history import history_for
from ..scoping import CHANGE, DELETE, VIEW


class ScopedQuerysetMixin(LoginRequiredMixin):
    model = None
    scope_action = VIEW

    def base_queryset(self):
        """Hook for select_related/annotations; the scope is applied on top of it."""
        return self.model.objects.all()

    def get_queryset(self):
        return self.base_queryset().restrict(self.request.user, self.scope_action)


class ScopedListView(ScopedQuerysetMixin, generic.ListView):
    paginate_by = 50


class ScopedDetailView(ScopedQuerysetMixin, generic.DetailView):
    show_history = True

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        if self.show_history:
            ctx["history"] = history_for(self.object, self.request.user)[:50]
        ctx["can_change"] = (
            self.model.objects.restrict(self.request.user, CHANGE).filter(pk=self.object.pk).exists()
        )
        ctx["can_delete"] = (
            self.model.objects.restrict(self.request.user, DELETE).filter(pk=self.object.pk).exists()
        )
        return ctx


class _ScopedFormViewMixin(ScopedQuerysetMixin):
    scope_action = CHANGE
    success_message = "已保存。"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if issubclass(self.get_form_class(), ScopedFormMixin):
            kwargs["user"] = self.request.user
        return kwargs

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, self.success_message)
        return response


class ScopedCreateView(_ScopedFormViewMixin, generic.CreateView):
    success_message = "已新增。"

    def get_object(self, queryset=None):
        return None


class ScopedEditView(_ScopedFormViewMixin, generic.UpdateView):
    pass


class ScopedDeleteView(ScopedQuerysetMixin, generic.DeleteView):
    scope_action = DELETE

    def form_valid(self, form):
        success_url = self.get_success_url()
        try:
            self.object.delete()
        except ProtectedError as exc:
            names = "、".join(sorted({str(o._meta.verbose_name) for o in exc.protected_objects}))
            messages.error(
                self.request, f"不能删除“{self.object}”：还有{names}记录与它相关，请先处理这些记录。"
            )
            return HttpResponseRedirect(self.request.path)
        messages.success(self.request, f"已删除“{self.object}”。")
        return HttpResponseRedirect(success_url)
