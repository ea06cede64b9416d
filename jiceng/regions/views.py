"""Pages of the administrative divisions: a county admin keeps the division codes here."""

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse

from jiceng.core.scoping import CHANGE
from jiceng.core.views import ScopedCreateView, ScopedDetailView, ScopedEditView, ScopedListView
from jiceng.organizations.models import Organization
from jiceng.organizations.views import pk_from_query

from .choices import RegionLevel
from .forms import RegionForm
from .models import Region

# The level a new division most often has under a parent of each level.
DEFAULT_CHILD_LEVEL = {
    RegionLevel.PROVINCE: RegionLevel.CITY,
    RegionLevel.CITY: RegionLevel.COUNTY,
    RegionLevel.COUNTY: RegionLevel.TOWNSHIP,
    RegionLevel.TOWNSHIP: RegionLevel.VILLAGE,
    RegionLevel.VILLAGE: RegionLevel.NATURAL_VILLAGE,
}


class RegionListView(ScopedListView):
    model = Region
    template_name = "regions/region_list.html"

    def base_queryset(self):
        return Region.objects.select_related("parent")

    def get_queryset(self):
        qs = super().get_queryset()
        self.q = self.request.GET.get("q", "").strip()[:50]
        level = self.request.GET.get("level", "")
        self.level = level if level in RegionLevel.values else ""
        if self.q:
            qs = qs.filter(Q(name__contains=self.q) | Q(code__startswith=self.q))
        if self.level:
            qs = qs.filter(level=self.level)
        return qs.order_by("path")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        rows = ctx["object_list"]
        base = min((r.depth for r in rows), default=0)
        for r in rows:
            # Indent by level in the plain list; a search result is a flat list.
            r.indent = 0 if self.q or self.level else min(r.depth - base, 4)
        ctx.update(
            q=self.q,
            level=self.level,
            levels=RegionLevel.choices,
            can_add=Region.objects.restrict(self.request.user, CHANGE).exists(),
        )
        return ctx


class RegionDetailView(ScopedDetailView):
    model = Region

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        region, user = self.object, self.request.user
        visible = Region.objects.restrict(user)
        ctx["breadcrumbs"] = list(visible.filter(pk__in=region.ancestor_ids()).order_by("depth"))
        ctx["children"] = list(visible.filter(parent=region).order_by("code", "name", "pk"))
        ctx["organizations"] = list(
            Organization.objects.restrict(user).filter(region=region).order_by("path")
        )
        ctx["can_add_child"] = ctx["can_change"] and region.level != RegionLevel.NATURAL_VILLAGE
        return ctx


class RegionCreateView(ScopedCreateView):
    """A new division, usually under the one named by ?parent=<pk> (inside the user's own)."""

    model = Region
    form_class = RegionForm
    template_name = "regions/region_form.html"
    parent = None

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            allowed = Region.objects.restrict(request.user, CHANGE)
            parent_pk = pk_from_query(request, "parent")
            if parent_pk is not None:
                self.parent = get_object_or_404(allowed, pk=parent_pk)
            elif not request.user.is_superuser and not allowed.exists():
                raise Http404("您没有可以新增下级的行政区划。")
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        initial = super().get_initial()
        if self.parent is not None:
            initial["parent"] = self.parent
            level = DEFAULT_CHILD_LEVEL.get(self.parent.level)
            if level:
                initial["level"] = level
        return initial

    def get_success_url(self):
        return reverse("regions:detail", args=[self.object.pk])


class RegionEditView(ScopedEditView):
    model = Region
    form_class = RegionForm
    template_name = "regions/region_form.html"

    def get_success_url(self):
        return reverse("regions:detail", args=[self.object.pk])
