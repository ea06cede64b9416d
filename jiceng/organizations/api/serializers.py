from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from jiceng.core.api.fields import CurrentOrScopedRelatedField
from jiceng.core.api.viewsets import FullCleanSerializerMixin, ScopedRelatedField
from jiceng.regions.models import Region

from ..models import Organization


class OrganizationSerializer(FullCleanSerializerMixin, serializers.ModelSerializer):
    parent = CurrentOrScopedRelatedField(
        queryset=Organization.objects.all(), allow_null=True, required=False, label="上级党组织"
    )
    parent_name = serializers.CharField(source="parent.name", read_only=True, default=None, label="上级名称")
    region = ScopedRelatedField(
        queryset=Region.objects.all(), allow_null=True, required=False, label="所在区划"
    )
    region_name = serializers.CharField(source="region.name", read_only=True, default=None, label="区划名称")
    kind_display = serializers.CharField(source="get_kind_display", read_only=True, label="组织类型名称")
    sector_display = serializers.CharField(source="get_sector_display", read_only=True, label="组织类别名称")
    formation_display = serializers.CharField(
        source="get_formation_display", read_only=True, label="组建方式名称"
    )
    industry_display = serializers.CharField(
        source="get_industry_display", read_only=True, label="产业类别名称"
    )

    class Meta:
        model = Organization
        fields = [
            "id",
            "name",
            "code",
            "kind",
            "kind_display",
            "sector",
            "sector_display",
            "formation",
            "formation_display",
            "industry",
            "industry_display",
            "parent",
            "parent_name",
            "path",
            "depth",
            "region",
            "region_name",
            "established_date",
            "dissolved_date",
            "phone",
            "address",
            "note",
        ]
        read_only_fields = ["path", "depth"]
        extra_kwargs = {"code": {"validators": []}}

    def validate_code(self, value):
        value = value.strip()
        if Organization.objects.filter(code=value).exclude(pk=getattr(self.instance, "pk", None)).exists():
            raise serializers.ValidationError(f"组织编码“{value}”已被其他党组织使用。")
        return value

    def validate(self, attrs):
        user = self.context["request"].user
        if not user.is_superuser:
            # A node without a parent would be a new root outside the user's subtree; only
            # a node that has none already (the county committee) may stay without one.
            creating_root = self.instance is None and attrs.get("parent") is None
            detaching = self.instance is not None and "parent" in attrs and attrs["parent"] is None
            if creating_root or (detaching and self.instance.parent_id is not None):
                raise serializers.ValidationError({"parent": "请选择上级党组织。"})
        return super().validate(attrs)


class OrganizationTreeNodeSerializer(serializers.Serializer):
    """党组织树的一个节点，children 为其下级节点。"""

    id = serializers.IntegerField()
    name = serializers.CharField(label="组织名称")
    code = serializers.CharField(label="组织编码")
    kind = serializers.CharField(label="组织类型")
    kind_display = serializers.CharField(label="组织类型名称")
    sector = serializers.CharField(label="组织类别")
    sector_display = serializers.CharField(label="组织类别名称")
    path = serializers.CharField(label="路径")
    depth = serializers.IntegerField(label="层级")
    party_members = serializers.IntegerField(label="党员数（含下级）")
    party_members_direct = serializers.IntegerField(label="党员数（本组织直属）")
    children = serializers.SerializerMethodField(label="下级党组织")

    @extend_schema_field({"type": "array", "items": {"$ref": "#/components/schemas/OrganizationTreeNode"}})
    def get_children(self, node):
        return OrganizationTreeNodeSerializer(node["children"], many=True).data
