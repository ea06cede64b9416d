import datetime

from rest_framework import serializers

from jiceng.core.api.viewsets import FullCleanSerializerMixin, ScopedRelatedField
from jiceng.organizations.models import Organization
from jiceng.people.models import Person

from ..models import Member, MobileMember, Position


class PersonSummarySerializer(serializers.ModelSerializer):
    """党员对应人员的概况（身份证号隐去中间位）。"""

    id_number_masked = serializers.CharField(read_only=True, label="身份证号（隐去中间位）")
    sex_display = serializers.CharField(source="get_sex_display", read_only=True, label="性别名称")
    ethnicity_display = serializers.CharField(
        source="get_ethnicity_display", read_only=True, label="民族名称"
    )
    education_display = serializers.CharField(
        source="get_education_display", read_only=True, label="学历名称"
    )
    age = serializers.IntegerField(read_only=True, allow_null=True, label="年龄")

    class Meta:
        model = Person
        fields = [
            "id",
            "name",
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
        ]
        read_only_fields = fields


class MemberSerializer(FullCleanSerializerMixin, serializers.ModelSerializer):
    """党员档案。新增、修改时用 person 传人员编号；读取时 person_summary 给出人员概况。"""

    person = ScopedRelatedField(queryset=Person.objects.all(), label="人员")
    person_summary = PersonSummarySerializer(source="person", read_only=True, label="人员概况")
    organization = ScopedRelatedField(queryset=Organization.objects.all(), label="所在党组织")
    organization_name = serializers.CharField(source="organization.name", read_only=True, label="党组织名称")
    status_display = serializers.CharField(source="get_status_display", read_only=True, label="党员状态名称")
    occupation_display = serializers.CharField(
        source="get_occupation_display", read_only=True, label="职业名称"
    )
    added_how_display = serializers.CharField(
        source="get_added_how_display", read_only=True, label="进入方式名称"
    )

    class Meta:
        model = Member
        fields = [
            "id",
            "person",
            "person_summary",
            "organization",
            "organization_name",
            "status",
            "status_display",
            "application_date",
            "activist_date",
            "candidate_date",
            "admission_date",
            "full_date",
            "left_date",
            "occupation",
            "occupation_display",
            "added_how",
            "added_how_display",
            "double_strong",
            "lost_contact",
            "note",
        ]

    def validate_person(self, person):
        taken = Member.objects.filter(person=person).exclude(pk=getattr(self.instance, "pk", None))
        if taken.exists():
            raise serializers.ValidationError(f"“{person.name}”已有党员档案，一个人只能有一条党员档案。")
        return person


class PositionSerializer(FullCleanSerializerMixin, serializers.ModelSerializer):
    person = ScopedRelatedField(queryset=Person.objects.all(), label="人员")
    person_name = serializers.CharField(source="person.name", read_only=True, label="姓名")
    organization = ScopedRelatedField(queryset=Organization.objects.all(), label="任职组织")
    organization_name = serializers.CharField(source="organization.name", read_only=True, label="组织名称")
    title_display = serializers.CharField(source="get_title_display", read_only=True, label="职务名称")
    is_current = serializers.BooleanField(read_only=True, label="现任")

    class Meta:
        model = Position
        fields = [
            "id",
            "person",
            "person_name",
            "organization",
            "organization_name",
            "title",
            "title_display",
            "start_date",
            "end_date",
            "is_current",
            "concurrent",
            "note",
        ]


class MobileMemberSerializer(FullCleanSerializerMixin, serializers.ModelSerializer):
    member = ScopedRelatedField(queryset=Member.objects.all(), label="党员")
    member_name = serializers.CharField(source="member.person.name", read_only=True, label="党员姓名")
    organization = serializers.IntegerField(
        source="member.organization_id", read_only=True, label="所在党组织"
    )
    organization_name = serializers.CharField(
        source="member.organization.name", read_only=True, label="所在党组织名称"
    )
    is_away = serializers.SerializerMethodField(label="仍在外")

    class Meta:
        model = MobileMember
        fields = [
            "id",
            "member",
            "member_name",
            "organization",
            "organization_name",
            "destination",
            "work",
            "contact_phone",
            "receiving_organization",
            "start_date",
            "end_date",
            "is_away",
        ]

    def get_is_away(self, record) -> bool:
        return record.end_date is None or record.end_date >= datetime.date.today()
