from collections import Counter

import django_filters
from django.db.models import Q
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from jiceng.core.api.filters import IdFilter
from jiceng.core.api.schema import document_viewset
from jiceng.core.api.viewsets import ApiModelViewSet
from jiceng.core.models.base import PATH_SEPARATOR
from jiceng.members.stats import member_counts_by_path

from ..choices import Industry, OrganizationFormation, OrganizationKind, OrganizationSector
from ..models import Organization
from .serializers import OrganizationSerializer, OrganizationTreeNodeSerializer

TREE_DEFAULT_LEVELS = 3
TREE_MAX_LEVELS = 10


class OrganizationFilterSet(django_filters.FilterSet):
    parent = IdFilter(label="上级党组织编号（只含直属下级）", field_name="parent_id")
    subtree = django_filters.ModelChoiceFilter(
        label="党组织编号（含它本身和全部下级）", queryset=Organization.objects.all(), method="filter_subtree"
    )
    kind = django_filters.MultipleChoiceFilter(label="组织类型", choices=OrganizationKind.choices)
    sector = django_filters.MultipleChoiceFilter(label="组织类别", choices=OrganizationSector.choices)
    formation = django_filters.ChoiceFilter(label="组建方式", choices=OrganizationFormation.choices)
    industry = django_filters.ChoiceFilter(label="产业类别", choices=Industry.choices)
    q = django_filters.CharFilter(label="名称或编码搜索", method="filter_q")

    class Meta:
        model = Organization
        fields = ["parent", "subtree", "kind", "sector", "formation", "industry", "q"]

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        super().__init__(data=data, queryset=queryset, request=request, prefix=prefix)
        self.filters["subtree"].queryset = Organization.objects.restrict(getattr(request, "user", None))

    @extend_schema_field(OpenApiTypes.INT)
    def filter_subtree(self, queryset, name, value):
        return queryset.filter(path__startswith=value.path) if value else queryset

    def filter_q(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(name__contains=value) | Q(code__iexact=value))


def subtree_totals(counts):
    """{path: n directly in it} → {path: n in it and everything below}, by adding each count to
    every ancestor named in its path (no walk of the tree, no query)."""
    totals = Counter()
    for path, n in counts.items():
        ids = [p for p in path.split(PATH_SEPARATOR) if p]
        for i in range(1, len(ids) + 1):
            totals[PATH_SEPARATOR + PATH_SEPARATOR.join(ids[:i]) + PATH_SEPARATOR] += n
    return totals


def build_tree(root, nodes, counts):
    """Nest `nodes` (the subtree of `root`, ordered by path) under their parents."""
    totals = subtree_totals(counts)
    by_id = {}
    top = None
    for org in nodes:
        node = {
            "id": org.pk,
            "name": org.name,
            "code": org.code,
            "kind": org.kind,
            "kind_display": org.get_kind_display(),
            "sector": org.sector,
            "sector_display": org.get_sector_display(),
            "path": org.path,
            "depth": org.depth,
            "party_members": totals.get(org.path, 0),
            "party_members_direct": counts.get(org.path, 0),
            "children": [],
        }
        by_id[org.pk] = node
        if org.pk == root.pk:
            top = node
        elif org.parent_id in by_id:
            by_id[org.parent_id]["children"].append(node)
    return top


class TreeQuerySerializer(serializers.Serializer):
    levels = serializers.IntegerField(
        min_value=1,
        max_value=TREE_MAX_LEVELS,
        default=TREE_DEFAULT_LEVELS,
        label="层数",
        error_messages={
            "invalid": f"层数应为1至{TREE_MAX_LEVELS}之间的整数。",
            "min_value": f"层数应为1至{TREE_MAX_LEVELS}之间的整数。",
            "max_value": f"层数应为1至{TREE_MAX_LEVELS}之间的整数。",
            "max_string_length": f"层数应为1至{TREE_MAX_LEVELS}之间的整数。",
        },
    )


@document_viewset("党组织")
class OrganizationViewSet(ApiModelViewSet):
    """党组织：从县委到党小组的组织树。

    只返回当前用户所属党组织及其全部下级；新增的党组织必须设在这个范围之内。
    `kind_display`、`sector_display` 等为对应代码的中文名称。
    """

    queryset = Organization.objects.select_related("parent", "region")
    serializer_class = OrganizationSerializer
    filterset_class = OrganizationFilterSet

    @extend_schema(
        summary="党组织树（含各级党员数）",
        description=(
            "以该党组织为根，返回其下 `levels` 层（默认3层，最多10层）的下级组织；"
            "每个节点给出本组织直属党员数和含全部下级的党员数（正式党员和预备党员）。"
        ),
        tags=["党组织"],
        parameters=[
            OpenApiParameter(
                "levels",
                OpenApiTypes.INT,
                description=f"向下展开的层数（1至{TREE_MAX_LEVELS}，默认{TREE_DEFAULT_LEVELS}）",
            )
        ],
        responses=OrganizationTreeNodeSerializer,
        filters=False,
    )
    @action(detail=True, methods=["get"], pagination_class=None, filterset_class=None)
    def tree(self, request, pk=None):
        root = self.get_object()
        params = TreeQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        levels = params.validated_data["levels"]
        nodes = (
            Organization.objects.restrict(request.user)
            .filter(path__startswith=root.path, depth__lte=root.depth + levels)
            .only("id", "name", "code", "kind", "sector", "path", "depth", "parent_id")
            .order_by("path")
        )
        counts = member_counts_by_path(request.user, root)
        return Response(OrganizationTreeNodeSerializer(build_tree(root, nodes, counts)).data)
