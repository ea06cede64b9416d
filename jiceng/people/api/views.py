from collections.abc import Mapping

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from jiceng.core.api.permissions import is_member_role
from jiceng.core.api.schema import document_viewset
from jiceng.core.api.viewsets import ApiModelViewSet
from jiceng.core.scoping import CHANGE

from ..models import Household, Person
from .filtersets import HouseholdFilterSet, PersonFilterSet
from .serializers import MEMBER_EDITABLE_FIELDS, HouseholdSerializer, PersonSerializer


def refuse_other_fields(request):
    """Refuse, as a whole (403, never half-applied), a change of one's own record that names
    any field but phone, address and education."""
    if not isinstance(request.data, Mapping):
        return  # the serializer answers 400 for a body that is not an object
    forbidden = [key for key in request.data if key not in MEMBER_EDITABLE_FIELDS]
    if forbidden:
        labels = []
        for key in forbidden[:10]:
            try:
                labels.append(f"{Person._meta.get_field(key).verbose_name}（{key}）")
            except FieldDoesNotExist:
                labels.append(str(key)[:50])
        raise PermissionDenied("只能修改本人的联系电话、住址和学历，不能修改：" + "、".join(labels) + "。")


@document_viewset("人员")
class PersonViewSet(ApiModelViewSet):
    """人员：党员、干部和群众的个人信息。

    列表只返回隐去中间位的身份证号 `id_number_masked`；完整的 `id_number` 只在有权修改该人员的用户
    查看详情（或新增、修改之后）时返回。`?q=` 按姓名、拼音首字母（如 zsf）、全拼或身份证号、电话尾号搜索。

    党员账号只能看到本人，并且只能用 PATCH 修改本人的 `phone`、`address`、`education`；
    请求中含有其他字段时整个请求被拒绝（403，说明不能修改的字段），不会部分保存。
    """

    queryset = Person.objects.select_related("organization", "household")
    serializer_class = PersonSerializer
    filterset_class = PersonFilterSet
    member_write_actions = {"partial_update"}
    member_denied_message = "党员账号只能用 PATCH 修改本人的联系电话、住址和学历。"

    def get_serializer_context(self):
        ctx = super().get_serializer_context()
        ctx["reveal_id_number"] = self.action in {"create", "update", "partial_update"}
        return ctx

    def retrieve(self, request, *args, **kwargs):
        instance = self.get_object()
        context = self.get_serializer_context()
        context["reveal_id_number"] = (
            Person.objects.restrict(request.user, CHANGE).filter(pk=instance.pk).exists()
        )
        return Response(self.get_serializer_class()(instance, context=context).data)

    def update(self, request, *args, **kwargs):
        if is_member_role(request.user):
            refuse_other_fields(request)
        return super().update(request, *args, **kwargs)


# People registered in each household, as a subquery (no GROUP BY over the scoped join).
_PEOPLE_PER_HOUSEHOLD = (
    Person.objects.filter(household=OuterRef("pk"))
    .order_by()
    .values("household")
    .annotate(n=Count("pk"))
    .values("n")
)


@document_viewset("农户")
class HouseholdViewSet(ApiModelViewSet):
    """农户：结对帮扶、走访和文明户评定的单位。`?organization=` 含下级组织，`?is_hardship=true` 只看困难户。"""

    queryset = Household.objects.select_related("head", "organization", "region").annotate(
        people_count=Coalesce(Subquery(_PEOPLE_PER_HOUSEHOLD, output_field=IntegerField()), 0)
    )
    serializer_class = HouseholdSerializer
    filterset_class = HouseholdFilterSet
