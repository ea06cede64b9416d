from ..models import ChangeLog
from .schema import document_viewset
from .serializers import ChangeLogSerializer
from .viewsets import ScopedReadOnlyViewSet


@document_viewset("变更记录")
class ChangeLogViewSet(ScopedReadOnlyViewSet):
    """变更记录：本单位及下级范围内每一次新增、修改、删除的操作人、时间、请求编号和修改前后的数据，按时间倒序。"""

    queryset = ChangeLog.objects.select_related("content_type")
    serializer_class = ChangeLogSerializer
    filterset_fields = ["action", "object_id", "request_id"]
