from ..models import ChangeLog
from .serializers import ChangeLogSerializer
from .viewsets import ScopedReadOnlyViewSet


class ChangeLogViewSet(ScopedReadOnlyViewSet):
    """The change log of the records in the user's subtree, newest first."""

    queryset = ChangeLog.objects.select_related("content_type")
    serializer_class = ChangeLogSerializer
    filterset_fields = ["action", "object_id", "request_id"]
