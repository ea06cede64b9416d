"""Pages of the Party organisation tree: the tree, an organisation's page, and its forms."""

import datetime
from collections import defaultdict
from types import SimpleNamespace

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Count, Min, Q
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import TemplateView

from jiceng.core.models.base import PATH_SEPARATOR
from jiceng.core.scoping import CHANGE, MEMBER_ROLE
from jiceng.core.views import ScopedCreateView, ScopedDeleteView, ScopedDetailView, ScopedEditView
from jiceng.members.choices import LEFT_STATUSES
from jiceng.members.models import Member, Position
from jiceng.members.stats import member_counts_by_path, member_figures

from .choices import OrganizationKind
from .forms import OrganizationForm
from .models import Organization

# Largest primary key a query string may name (PostgreSQL bigint).
MAX_PK = 2**63 - 1
# The kind a new organisation most often has under a parent of each kind.
DEFAULT_CHILD_KIND = {
    OrganizationKind.COUNTY_COMMITTEE: OrganizationKind.TOWNSHIP_COMMITTEE,
    OrganizationKind.TOWNSHIP_COMMITTEE: OrganizationKind.BRANCH,
    OrganizationKind.PRIMARY_COMMITTEE: OrganizationKind.BRANCH,
    OrganizationKind.GENERAL_BRANCH: OrganizationKind.BRANCH,
    OrganizationKind.BRANCH: OrganizationKind.GROUP,
}


def pk_from_query(request, name):
    """The positive integer in ?name=, None when absent; anything else answers 404."""
    raw = request.GET.get(name, "").strip()
    if not raw:
        return None
    if not raw.isascii() or not raw.isdigit() or not 0 < int(raw) <= MAX_PK:
        raise Http404(f"参数 {name} 无效。")
    return int(raw)


def shows_figures(user):
    """A Party member's account sees only their own records: subtree figures computed from
    that would be wrong, so member pages leave them out."""
    return user.is_superuser or user.role != MEMBER_ROLE


def path_ids(path):
    return [int(p) for p in path.strip(PATH_SEPARATOR).split(PATH_SEPARATOR) if p]


def subtree_totals(counts_by_path):
    """{organisation id: party members in its whole subtree} from {path: members directly
    in it}, adding each count to every node on its path (no query, no tree walk)."""
    totals = defaultdict(int)
    for path, n in counts_by_path.items():
        for pk in path_ids(path):
            totals[pk] += n
    return totals


def sibling_key(org):
    return (org.code or "", org.pk)


def tree_tokens(nodes, *, open_depth, matches=frozenset(), more=None, totals=None):
    """Flattens nodes into the tokens the tree template renders without recursion:
    ("branch", item) opens a node with children, ("leaf", item) is a node without, ("close",
    None) ends the innermost branch. Nodes whose parent is not among `nodes` are roots."""
    by_id = {n.pk: n for n in nodes}
    children = defaultdict(list)
    roots = []
    for n in nodes:
        (children[n.parent_id] if n.parent_id in by_id else roots).append(n)
    for group in children.values():
        group.sort(key=sibling_key)
    roots.sort(key=lambda n: (n.depth, *sibling_key(n)))
    more = more or {}
    totals = totals if totals is not None else {}
    tokens = []
    stack = [(n, False) for n in reversed(roots)]
    while stack:
        node, closing = stack.pop()
        if closing:
            tokens.append(("close", None))
            continue
        kids = children.get(node.pk, [])
        item = SimpleNamespace(
            node=node,
            total=totals.get(node.pk, 0),
            match=node.pk in matches,
            more=more.get(node.pk, 0),
            open=node.depth <= open_depth or bool(matches),
        )
        if kids:
            tokens.append(("branch", item))
            stack.append((node, True))
            stack.extend((k, False) for k in reversed(kids))
        else:
            tokens.append(("leaf", item))
    return tokens


class OrganizationTreeView(LoginRequiredMixin, TemplateView):
    """The user's organisation and its subtree, each node with the party members of its
    whole subtree. A county tree (a few hundred nodes) is shown whole; a larger one only
    `collapsed_levels` below its root, each further branch opening as its own tree page."""

    template_name = "organizations/organization_tree.html"
    full_tree_limit = 1000
    collapsed_levels = 2
    match_limit = 300

    def get_roots(self, visible):
        root_pk = pk_from_query(self.request, "root")
        user = self.request.user
        if root_pk is not None:
            root = get_object_or_404(visible, pk=root_pk)
            return root, root.path, root.depth
        if user.organization_id:
            root = visible.filter(pk=user.organization_id).first()
            if root is not None:
                return root, root.path, root.depth
        # A superuser without an organisation, or a member whose account points elsewhere:
        # the shallowest visible nodes are the roots.
        return None, PATH_SEPARATOR, visible.aggregate(d=Min("depth"))["d"] or 0

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        request, user = self.request, self.request.user
        visible = Organization.objects.restrict(user)
        root, prefix, base_depth = self.get_roots(visible)
        subtree = visible.filter(path__startswith=prefix) if root is not None else visible

        kind = request.GET.get("kind", "")
        kind = kind if kind in OrganizationKind.values else ""
        q = request.GET.get("q", "").strip()[:50]
        filtering = bool(kind or q)

        node_count = subtree.count()
        large = node_count > self.full_tree_limit
        matches, truncated, more = set(), False, {}
        fields = ("name", "code", "kind", "sector", "parent_id", "path", "depth", "dissolved_date")
        if filtering:
            found = subtree.filter(Q(kind=kind) if kind else Q()).filter(Q(name__contains=q) if q else Q())
            found = list(found.only(*fields).order_by("path")[: self.match_limit + 1])
            truncated = len(found) > self.match_limit
            found = found[: self.match_limit]
            matches = {o.pk for o in found}
            # Their ancestors inside the shown subtree, so every match sits in its place.
            ancestor_ids = {pk for o in found for pk in path_ids(o.path)[:-1]} - matches
            ancestors = list(subtree.filter(pk__in=ancestor_ids).only(*fields)) if ancestor_ids else []
            nodes = found + ancestors
        else:
            nodes_qs = subtree.only(*fields)
            if large:
                edge = base_depth + self.collapsed_levels
                nodes_qs = nodes_qs.filter(depth__lte=edge)
                more = dict(
                    subtree.filter(depth=edge + 1)
                    .values_list("parent_id")
                    .annotate(n=Count("pk"))
                    .values_list("parent_id", "n")
                )
            nodes = list(nodes_qs)

        figures = shows_figures(user)
        counts = {}
        if figures and nodes:
            counts = member_counts_by_path(user, SimpleNamespace(path=prefix))
        totals = subtree_totals(counts)
        # A whole tree opens on its first level (a phone screen of townships or villages);
        # a cut tree shows all its levels open.
        open_depth = base_depth + (self.collapsed_levels if large else 0)
        tokens = tree_tokens(nodes, open_depth=open_depth, matches=matches, more=more, totals=totals)

        breadcrumbs = []
        if root is not None and root.pk != user.organization_id and root.parent_id:
            breadcrumbs = list(visible.filter(pk__in=path_ids(root.path)[:-1]).order_by("depth"))
        ctx.update(
            root=root,
            root_total=totals.get(root.pk, 0) if root is not None else sum(counts.values()),
            node_count=node_count,
            large=large,
            tokens=tokens,
            filtering=filtering,
            matches_count=len(matches),
            truncated=truncated,
            match_limit=self.match_limit,
            kind=kind,
            q=q,
            kinds=OrganizationKind.choices,
            show_figures=figures,
            breadcrumbs=breadcrumbs,
            can_add=Organization.objects.restrict(user, CHANGE).exists(),
        )
        return ctx


class OrganizationDetailView(ScopedDetailView):
    model = Organization
    members_shown = 20

    def base_queryset(self):
        return Organization.objects.select_related("region")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        org, user = self.object, self.request.user
        visible = Organization.objects.restrict(user)
        ctx["breadcrumbs"] = list(visible.filter(pk__in=org.ancestor_ids()).order_by("depth"))
        ctx["show_figures"] = figures = shows_figures(user)
        children = list(visible.filter(parent=org).order_by("code", "pk"))
        totals = subtree_totals(member_counts_by_path(user, org)) if figures else {}
        ctx["children"] = [SimpleNamespace(node=c, total=totals.get(c.pk, 0)) for c in children]
        ctx["subtree_total"] = totals.get(org.pk, 0)
        if figures:
            members = Member.objects.restrict(user).filter(organization__path__startswith=org.path)
            ctx["figures"] = member_figures(members)
            current = members.exclude(status__in=LEFT_STATUSES)
            ctx["members"] = list(
                current.select_related("person", "organization").order_by(
                    "organization__path", "person__name_pinyin", "pk"
                )[: self.members_shown]
            )
            ctx["members_total"] = current.count()
        today = datetime.date.today()
        ctx["cadres"] = list(
            Position.objects.restrict(user)
            .filter(organization=org)
            .filter(Q(end_date__isnull=True) | Q(end_date__gte=today))
            .select_related("person")
            .order_by("title", "start_date", "pk")
        )
        ctx["is_own_organization"] = org.pk == user.organization_id
        ctx["can_add_child"] = ctx["can_change"] and org.kind != OrganizationKind.GROUP
        return ctx


class OrganizationCreateView(ScopedCreateView):
    """A new organisation, usually under the one named by ?parent=<pk> (which must be in the
    user's subtree: anything else answers 404)."""

    model = Organization
    form_class = OrganizationForm
    template_name = "organizations/organization_form.html"
    parent = None

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            allowed = Organization.objects.restrict(request.user, CHANGE)
            parent_pk = pk_from_query(request, "parent")
            if parent_pk is not None:
                self.parent = get_object_or_404(allowed, pk=parent_pk)
            elif not request.user.is_superuser and not allowed.exists():
                raise Http404("您没有可以新增下级的党组织。")
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        initial = super().get_initial()
        if self.parent is not None:
            initial["parent"] = self.parent
            initial["sector"] = self.parent.sector
            kind = DEFAULT_CHILD_KIND.get(self.parent.kind)
            if kind:
                initial["kind"] = kind
        return initial

    def get_success_url(self):
        return reverse("organizations:detail", args=[self.object.pk])


class OrganizationEditView(ScopedEditView):
    model = Organization
    form_class = OrganizationForm
    template_name = "organizations/organization_form.html"

    def get_success_url(self):
        return reverse("organizations:detail", args=[self.object.pk])


class OrganizationDeleteView(ScopedDeleteView):
    model = Organization
    template_name = "organizations/organization_confirm_delete.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        org = self.object
        user = self.request.user
        ctx["children_count"] = Organization.objects.restrict(user).filter(parent=org).count()
        ctx["members_count"] = Member.objects.restrict(user).filter(organization=org).count()
        ctx["is_own_organization"] = org.pk == self.request.user.organization_id
        return ctx

    def get_success_url(self):
        parent_id = self.object.parent_id
        if parent_id and Organization.objects.restrict(self.request.user).filter(pk=parent_id).exists():
            return reverse("organizations:detail", args=[parent_id])
        return reverse("organizations:tree")

    def form_valid(self, form):
        if self.object.pk == self.request.user.organization_id:
            messages.error(self.request, "不能删除您本人账号所属的党组织，请联系上级管理员。")
            return HttpResponseRedirect(reverse("organizations:detail", args=[self.object.pk]))
        return super().form_valid(form)
