from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from jiceng.core.api.viewsets import FullCleanSerializerMixin, ScopedRelatedField
from jiceng.organizations.models import Organization
from jiceng.regions.models import Region

from .. import idnumber
from ..models import Household, Person
from ..validators import validate_id_number

# What a Party member may change in their own record (PATCH /api/v1/me/ or /persons/{own id}/).
MEMBER_EDITABLE_FIELDS = ("phone", "address", "education")


class PersonSerializer(FullCleanSerializerMixin, serializers.ModelSerializer):
    """人员。完整身份证号只对可修改该人员的用户返回（视图通过 context["reveal_id_number"] 决定）。"""

    id_number = serializers.CharField(
        label="公民身份号码",
        required=False,
        allow_null=True,
        allow_blank=True,
        max_length=30,
        help_text="完整号码只在可修改该人员的用户查看详情时返回；列表只返回 id_number_masked。",
    )
    id_number_masked = serializers.CharField(read_only=True, label="身份证号（隐去中间位）")
    sex_display = serializers.CharField(source="get_sex_display", read_only=True, label="性别名称")
    ethnicity_display = serializers.CharField(
        source="get_ethnicity_display", read_only=True, label="民族名称"
    )
    education_display = serializers.CharField(
        source="get_education_display", read_only=True, label="学历名称"
    )
    age = serializers.IntegerField(read_only=True, allow_null=True, label="年龄")
    organization = ScopedRelatedField(queryset=Organization.objects.all(), label="所属组织")
    organization_name = serializers.CharField(source="organization.name", read_only=True, label="组织名称")
    household = ScopedRelatedField(
        queryset=Household.objects.all(), allow_null=True, required=False, label="所在农户"
    )
    household_name = serializers.CharField(
        source="household.name", read_only=True, default=None, label="户名"
    )

    class Meta:
        model = Person
        fields = [
            "id",
            "name",
            "id_number",
            "id_number_masked",
            "sex",
            "sex_display",
            "birth_date",
            "age",
            "ethnicity",
            "ethnicity_display",
            "education",
            "education_display",
            "phone",
            "address",
            "organization",
            "organization_name",
            "household",
            "household_name",
            "name_pinyin",
            "name_initials",
            "note",
        ]
        read_only_fields = ["name_pinyin", "name_initials"]

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if not self.context.get("reveal_id_number"):
            data.pop("id_number", None)
        return data

    def validate_id_number(self, value):
        value = (value or "").strip().upper()
        if not value:
            return None
        validate_id_number(value)
        others = Person.objects.filter(id_number=value).exclude(pk=getattr(self.instance, "pk", None))
        if others.exists():
            request = self.context.get("request")
            visible = others.restrict(request.user if request else None).first()
            where = f"“{visible.name}”（编号{visible.pk}）" if visible else "其他党组织管理的人员"
            raise serializers.ValidationError(
                f"身份证号{idnumber.mask(value)}已登记为{where}，不能重复登记。"
            )
        return value

    def validate(self, attrs):
        attrs = super().validate(attrs)
        if attrs.get("id_number"):
            # Person.clean() takes birth date and sex from the number; keep them for the save.
            info = idnumber.parse(attrs["id_number"])
            attrs["birth_date"], attrs["sex"] = info.birth_date, info.sex
        return attrs


class MemberContactSerializer(FullCleanSerializerMixin, serializers.ModelSerializer):
    """本人可以修改的人员信息：联系电话、住址、学历。"""

    education_display = serializers.CharField(
        source="get_education_display", read_only=True, label="学历名称"
    )

    class Meta:
        model = Person
        fields = ["phone", "address", "education", "education_display"]


class HouseholdSerializer(FullCleanSerializerMixin, serializers.ModelSerializer):
    head = ScopedRelatedField(queryset=Person.objects.all(), allow_null=True, required=False, label="户主")
    head_name = serializers.CharField(source="head.name", read_only=True, default=None, label="户主姓名")
    organization = ScopedRelatedField(queryset=Organization.objects.all(), label="所属组织")
    organization_name = serializers.CharField(source="organization.name", read_only=True, label="组织名称")
    region = ScopedRelatedField(
        queryset=Region.objects.all(), allow_null=True, required=False, label="所在村组"
    )
    region_name = serializers.CharField(source="region.name", read_only=True, default=None, label="村组名称")
    people_count = serializers.SerializerMethodField(label="登记人员数")

    class Meta:
        model = Household
        fields = [
            "id",
            "name",
            "head",
            "head_name",
            "organization",
            "organization_name",
            "region",
            "region_name",
            "address",
            "size",
            "is_hardship",
            "people_count",
            "note",
        ]

    @extend_schema_field(serializers.IntegerField())
    def get_people_count(self, household) -> int:
        counted = getattr(household, "people_count", None)
        return household.people.count() if counted is None else counted
