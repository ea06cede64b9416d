from rest_framework import serializers

from ..models import ChangeLog


class ChangeLogSerializer(serializers.ModelSerializer):
    object_type = serializers.SerializerMethodField()
    action_display = serializers.CharField(source="get_action_display", read_only=True)

    class Meta:
        model = ChangeLog
        fields = [
            "id",
            "time",
            "user",
            "user_name",
            "request_id",
            "action",
            "action_display",
            "object_type",
            "object_id",
            "object_repr",
            "before",
            "after",
        ]

    def get_object_type(self, obj) -> str:
        return f"{obj.content_type.app_label}.{obj.content_type.model}"
