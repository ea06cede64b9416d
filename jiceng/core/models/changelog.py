from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models

from ..scoping import ScopedQuerySet
from .base import PathField


class ChangeLog(models.Model):
    """One create, update or delete of a record: who, when, under which request, and the
    record's data before and after. Rows are written by the platform and never edited."""

    class Action(models.TextChoices):
        CREATE = "create", "新增"
        UPDATE = "update", "修改"
        DELETE = "delete", "删除"

    time = models.DateTimeField("时间", auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="操作人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    user_name = models.CharField("操作人", max_length=150, blank=True)
    request_id = models.CharField("请求编号", max_length=64, blank=True, db_index=True)
    action = models.CharField("操作", max_length=10, choices=Action.choices)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.BigIntegerField("记录编号")
    object_repr = models.CharField("记录", max_length=200)
    related_content_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    related_object_id = models.BigIntegerField(null=True, blank=True)
    # The path of the organisation that owns the record, so the log is scoped like the record.
    scope_path = PathField("所属组织路径", max_length=255, blank=True, db_index=True)
    before = models.JSONField("修改前", null=True, blank=True)
    after = models.JSONField("修改后", null=True, blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_path_lookup = "scope_path"

    class Meta:
        ordering = ["-time", "-id"]
        verbose_name = "变更记录"
        verbose_name_plural = "变更记录"
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="changelog_object_idx"),
            models.Index(fields=["related_content_type", "related_object_id"], name="changelog_related_idx"),
        ]

    def __str__(self):
        return f"{self.get_action_display()} {self.object_repr}"

    def diff(self):
        """[(field, before, after)] for the fields that changed."""
        before, after = self.before or {}, self.after or {}
        keys = list(dict.fromkeys([*before.keys(), *after.keys()]))
        return [(k, before.get(k), after.get(k)) for k in keys if before.get(k) != after.get(k)]
