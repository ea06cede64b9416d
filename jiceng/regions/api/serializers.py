from rest_framework import serializers

from jiceng.core.api.fields import CurrentOrScopedRelatedField
from jiceng.core.api.viewsets import FullCleanSerializerMixin

from ..models import Region, division_code_validator


class RegionSerializer(FullCleanSerializerMixin, serializers.ModelSerializer):
    parent = CurrentOrScopedRelatedField(
        queryset=Region.objects.all(), allow_null=True, required=False, label="上级"
    )
    level_display = serializers.CharField(source="get_level_display", read_only=True, label="层级名称")
    code = serializers.CharField(
        label="区划代码",
        max_length=12,
        required=False,
        allow_null=True,
        allow_blank=True,
        validators=[division_code_validator],
    )

    class Meta:
        model = Region
        fields = ["id", "name", "level", "level_display", "code", "parent", "path", "depth"]
        read_only_fields = ["path", "depth"]

    def validate_code(self, value):
        value = (value or "").strip() or None
        if (
            value
            and Region.objects.filter(code=value).exclude(pk=getattr(self.instance, "pk", None)).exists()
        ):
            raise serializers.ValidationError(f"区划代码“{value}”已被其他行政区划使用。")
        return value

    def validate(self, attrs):
        parent = attrs.get("parent", getattr(self.instance, "parent", None))
        user = self.context["request"].user
        changed = self.instance is None or ("parent" in attrs and self.instance.parent_id is not None)
        if parent is None and not user.is_superuser and changed:
            # A region without a parent would be a new root outside every user's subtree.
            raise serializers.ValidationError({"parent": "请选择上级行政区划。"})
        return super().validate(attrs)
