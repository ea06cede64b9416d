from jiceng.core.api.schema import document_viewset
from jiceng.core.api.viewsets import ApiModelViewSet

from ..filtersets import MemberFilterSet
from ..models import Member, MobileMember, Position
from .filtersets import MobileMemberFilterSet, PositionFilterSet
from .serializers import MemberSerializer, MobileMemberSerializer, PositionSerializer


@document_viewset("党员")
class MemberViewSet(ApiModelViewSet):
    """党员（含入党申请人、积极分子、发展对象）的党籍信息。

    筛选条件与网页上的党员列表完全相同：`q`（姓名、拼音首字母如 zsf、全拼、身份证号或电话尾号）、
    `organization`（含下级）、`status`、`sex`、`age_band`、`education`、`double_strong`。
    新增和修改用 `person` 传人员编号，并按与网页表单相同的规则校验各日期（出错时给出相同的中文说明）。
    """

    queryset = Member.objects.select_related("person", "organization")
    serializer_class = MemberSerializer
    filterset_class = MemberFilterSet


@document_viewset("干部职务")
class PositionViewSet(ApiModelViewSet):
    """干部职务：村党组织书记、村委会主任、驻村第一书记等任职记录。

    `?organization=` 含下级组织，`?title=` 按职务，`?current=true` 只看现任（没有离任日期或尚未离任）。
    """

    queryset = Position.objects.select_related("person", "organization")
    serializer_class = PositionSerializer
    filterset_class = PositionFilterSet


@document_viewset("流动党员")
class MobileMemberViewSet(ApiModelViewSet):
    """流动党员：外出务工经商的党员，外出地点、联系方式和流入地党组织。

    `?organization=` 按党员所在党组织（含下级），`?current=true` 只看尚未返回的。
    """

    queryset = MobileMember.objects.select_related("member__person", "member__organization")
    serializer_class = MobileMemberSerializer
    filterset_class = MobileMemberFilterSet
