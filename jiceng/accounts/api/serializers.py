from django.contrib.auth import authenticate
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from jiceng.core.scoping import CHANGE, DELETE, MEMBER_ROLE, can
from jiceng.organizations.models import Organization
from jiceng.people.models import Person

from ..models import User

BAD_CREDENTIALS = "用户名或密码不正确，请重新输入（注意区分大小写）。"


class OrganizationBriefSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display", read_only=True, label="组织类型名称")

    class Meta:
        model = Organization
        fields = ["id", "name", "code", "kind", "kind_display", "path", "depth"]
        read_only_fields = fields


class OwnPersonSerializer(serializers.ModelSerializer):
    education_display = serializers.CharField(
        source="get_education_display", read_only=True, label="学历名称"
    )

    class Meta:
        model = Person
        fields = ["id", "name", "phone", "address", "education", "education_display"]
        read_only_fields = fields


class MeSerializer(serializers.ModelSerializer):
    """当前用户：账号、角色、所属党组织和数据范围。

    scope：all 全部数据；subtree 所属党组织及其全部下级；own_records 党员本人的记录；none 无。"""

    role_display = serializers.CharField(source="get_role_display", read_only=True, label="角色名称")
    organization = OrganizationBriefSerializer(read_only=True, allow_null=True, label="所属党组织")
    person = OwnPersonSerializer(read_only=True, allow_null=True, label="本人的人员信息")
    scope = serializers.SerializerMethodField(label="数据范围")
    scope_root = serializers.SerializerMethodField(label="数据范围的根组织")
    can_change = serializers.SerializerMethodField(label="可新增、修改记录")
    can_delete = serializers.SerializerMethodField(label="可删除记录")

    class Meta:
        model = User
        fields = [
            "id",
            "username",
            "full_name",
            "role",
            "role_display",
            "is_superuser",
            "organization",
            "person",
            "scope",
            "scope_root",
            "can_change",
            "can_delete",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.ChoiceField(choices=["all", "subtree", "own_records", "none"]))
    def get_scope(self, user):
        if user.is_superuser:
            return "all"
        if user.role == MEMBER_ROLE:
            return "own_records" if user.person_id else "none"
        return "subtree" if user.organization_id else "none"

    @extend_schema_field(OrganizationBriefSerializer(allow_null=True))
    def get_scope_root(self, user):
        if self.get_scope(user) != "subtree":
            return None
        return OrganizationBriefSerializer(user.organization).data

    def get_can_change(self, user) -> bool:
        return can(user, CHANGE) and (user.is_superuser or user.role != MEMBER_ROLE)

    def get_can_delete(self, user) -> bool:
        return can(user, DELETE)


class TokenRequestSerializer(serializers.Serializer):
    username = serializers.CharField(label="用户名", max_length=150)
    password = serializers.CharField(
        label="密码", max_length=4096, style={"input_type": "password"}, write_only=True
    )

    def validate(self, attrs):
        user = authenticate(
            request=self.context.get("request"), username=attrs["username"], password=attrs["password"]
        )
        if user is None or not user.is_active:
            raise serializers.ValidationError({"non_field_errors": [BAD_CREDENTIALS]})
        attrs["user"] = user
        return attrs


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField(
        label="令牌", help_text="之后的请求带上请求头 Authorization: Token <令牌>。"
    )
    user = MeSerializer(label="当前用户")
