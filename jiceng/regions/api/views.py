import django_filters
from django.db.models import Q

from jiceng.core.api.filters import IdFilter
from jiceng.core.api.permissions import CountyAdminWritePermission
from jiceng.core.api.schema import document_viewset
from jiceng.core.api.viewsets import ApiModelViewSet

from ..choices import RegionLevel
from ..models import Region
from .serializers import RegionSerializer


class RegionFilterSet(django_filters.FilterSet):
    parent = IdFilter(label="上级编号", field_name="parent_id")
    level = django_filters.ChoiceFilter(label="层级", choices=RegionLevel.choices)
    code = django_filters.CharFilter(label="区划代码（前缀）", field_name="code", lookup_expr="startswith")
    q = django_filters.CharFilter(label="搜索（名称包含，或区划代码开头）", method="filter_q")

    class Meta:
        model = Region
        fields = ["parent", "level", "code", "q"]

    def filter_q(self, queryset, name, value):
        value = value.strip()[:50]
        return queryset.filter(Q(name__contains=value) | Q(code__startswith=value)) if value else queryset


@document_viewset("行政区划")
class RegionViewSet(ApiModelViewSet):
    """行政区划（县、乡镇、行政村、自然村及其12位统计区划代码）。

    所有登录用户可查看本组织所在区划及其下级；只有县委组织部管理员可以新增、修改、删除。
    """

    queryset = Region.objects.select_related("parent")
    serializer_class = RegionSerializer
    permission_classes = [CountyAdminWritePermission]
    filterset_class = RegionFilterSet
