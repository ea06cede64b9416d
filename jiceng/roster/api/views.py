"""POST /api/v1/members/import/ and GET /api/v1/members/export/."""

from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from jiceng.core.context import change_context
from jiceng.members.filtersets import MemberFilterSet
from jiceng.members.models import Member

from ..export import XLSX_CONTENT_TYPE, ExportTooLarge
from ..importer import import_members
from ..permissions import can_export, can_import, import_organizations
from ..services import InvalidFilters, export_members
from ..views import xlsx_response


class ImportRequestSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="花名册文件：.xlsx、.xls、.ods 或 .csv（UTF-8或GBK）。")
    org = serializers.CharField(
        required=False,
        help_text="导入到的党组织：编号（id）或组织编码；不填为当前用户所属党组织。",
    )
    commit = serializers.BooleanField(
        required=False, default=False, help_text="true 写入；false（默认）只检查不写入。"
    )


class ImportErrorSerializer(serializers.Serializer):
    row = serializers.IntegerField(
        allow_null=True, help_text="表格中的行号（表头为第1行）；整个文件的问题为 null。"
    )
    column = serializers.CharField(help_text="列名。")
    message = serializers.CharField(help_text="原因。")


class ImportReportSerializer(serializers.Serializer):
    ok = serializers.BooleanField()
    committed = serializers.BooleanField(help_text="是否已写入。")
    rows = serializers.IntegerField(help_text="数据行数。")
    created = serializers.IntegerField(help_text="新增（或将新增）的党员数。")
    updated = serializers.IntegerField(help_text="更新（或将更新）的党员数。")
    unchanged = serializers.IntegerField(help_text="信息无变化的党员数。")
    errors = ImportErrorSerializer(many=True)
    warnings = serializers.ListField(child=serializers.CharField())


def _failure(message, column=""):
    return {
        "ok": False,
        "committed": False,
        "rows": 0,
        "created": 0,
        "updated": 0,
        "unchanged": 0,
        "errors": [{"row": None, "column": column, "message": message}],
        "warnings": [],
    }


class MemberImportView(APIView):
    """Checks a member roster and, with commit=true, imports it all or nothing."""

    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        operation_id="members_import",
        summary="导入党员花名册",
        description="逐行检查花名册；commit=true 且没有任何错误时一次写入（全部成功或全部不写）。"
        "已有人员按公民身份号码匹配并更新。有错误时返回400和每个错误的行号、列名、原因。",
        request={"multipart/form-data": ImportRequestSerializer},
        responses={
            200: ImportReportSerializer,
            400: OpenApiResponse(ImportReportSerializer, description="文件或数据有误，未写入。"),
            403: OpenApiResponse(description="当前角色不能导入花名册。"),
        },
        examples=[
            OpenApiExample(
                "有误的行",
                response_only=True,
                status_codes=["400"],
                value=_failure("身份证号校验位错误（最后一位应为7），请核对是否抄错。", "公民身份号码")
                | {
                    "rows": 1,
                    "errors": [
                        {
                            "row": 2,
                            "column": "公民身份号码",
                            "message": "身份证号校验位错误（最后一位应为7），请核对是否抄错。",
                        }
                    ],
                },
            )
        ],
        tags=["members"],
    )
    def post(self, request):
        user = request.user
        if not can_import(user):
            raise PermissionDenied("您的账号不能导入花名册。")
        serializer = ImportRequestSerializer(data=request.data)
        if not serializer.is_valid():
            errors = [
                {"row": None, "column": field, "message": " ".join(str(m) for m in messages)}
                for field, messages in serializer.errors.items()
            ]
            body = _failure("") | {"errors": errors}
            return Response(body, status=status.HTTP_400_BAD_REQUEST)
        data = serializer.validated_data
        organization = self._organization(user, data.get("org", ""))
        if organization is None:
            message = f"找不到党组织“{data.get('org', '')}”，或它不在您的管辖范围内。"
            return Response(_failure(message, "org"), status=status.HTTP_400_BAD_REQUEST)
        upload = data["file"]
        with change_context(user=user, request_id=getattr(request, "id", None)):
            report = import_members(upload.read(), organization, user, commit=data["commit"])
        code = status.HTTP_200_OK if report.ok else status.HTTP_400_BAD_REQUEST
        return Response(report.as_dict(), status=code)

    @staticmethod
    def _organization(user, value):
        organizations = import_organizations(user)
        value = (value or "").strip()
        if not value:
            return organizations.filter(pk=user.organization_id).first() if user.organization_id else None
        if value.isdigit() and len(value) < 19:
            found = organizations.filter(pk=int(value)).first()
            if found is not None:
                return found
        return organizations.filter(code=value).first()


class MemberExportView(GenericAPIView):
    """The members the user may see, filtered like the member list, as an .xlsx roster."""

    queryset = Member.objects.none()
    filter_backends = [DjangoFilterBackend]
    filterset_class = MemberFilterSet
    pagination_class = None

    @extend_schema(
        operation_id="members_export",
        summary="导出党员花名册",
        description="按与党员列表相同的筛选条件导出 .xlsx，列与导入模板相同，可修改后再导入。",
        filters=True,
        responses={
            (200, XLSX_CONTENT_TYPE): OpenApiResponse(OpenApiTypes.BINARY, description="花名册 .xlsx 文件。"),
            400: OpenApiResponse(description="筛选条件有误。"),
            403: OpenApiResponse(description="当前角色不能导出花名册。"),
        },
        tags=["members"],
    )
    def get(self, request):
        if not can_export(request.user):
            raise PermissionDenied("您的账号不能导出花名册。")
        try:
            data, filename = export_members(request, request.query_params)
        except InvalidFilters as exc:
            raise ValidationError({"detail": exc.messages}) from None
        except ExportTooLarge as exc:
            raise ValidationError({"detail": [str(exc)]}) from None
        return xlsx_response(data, filename)
