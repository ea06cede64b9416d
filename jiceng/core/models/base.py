"""Abstract base models every record inherits: timestamps, change logging, scoping, trees."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Concat, Substr

from ..scoping import ScopedQuerySet

PATH_SEPARATOR = "/"


class PathField(models.CharField):
    """A materialised path such as ``/1/17/345/``.

    On PostgreSQL the column uses the "C" collation, so that a plain b-tree index answers
    prefix (subtree) and range queries byte by byte whatever the database's locale is.
    """

    def db_parameters(self, connection):
        params = super().db_parameters(connection)
        if connection.vendor == "postgresql":
            params["collation"] = "C"
        return params


class ChangeLoggedModel(models.Model):
    """Every create, update and delete of a subclass is written to the change log
    (see ``jiceng.core.signals``)."""

    created = models.DateTimeField("创建时间", auto_now_add=True, null=True)
    last_updated = models.DateTimeField("更新时间", auto_now=True, null=True)

    # Fields left out of the change log: derived values that would only add noise.
    changelog_exclude: tuple[str, ...] = ("created", "last_updated")

    class Meta:
        abstract = True

    def changelog_parent(self):
        """The record under whose history a change of this one also shows (or None)."""
        return None


class PrimaryModel(ChangeLoggedModel):
    """A scoped record of the platform: its manager can ``restrict(user, action)``."""

    objects = ScopedQuerySet.as_manager()

    class Meta:
        abstract = True


class TreeModel(PrimaryModel):
    """A node of a tree kept as a materialised path of primary keys (``/1/17/345/``).

    A subtree is one indexed prefix query (``path__startswith``); nothing walks the tree
    in Python. Moving a node rewrites its descendants' paths in a single UPDATE.
    """

    parent = models.ForeignKey(
        "self", verbose_name="上级", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    path = PathField("路径", max_length=255, db_index=True, editable=False, default="")
    depth = models.PositiveSmallIntegerField("层级", default=0, editable=False)

    changelog_exclude = ChangeLoggedModel.changelog_exclude + ("path", "depth")

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        parent_path = self.parent.path if self.parent_id else ""
        if self._state.adding or not self.pk:
            super().save(*args, **kwargs)
            self.path = self.build_path(parent_path, self.pk)
            self.depth = self.path.count(PATH_SEPARATOR) - 2
            type(self).objects.filter(pk=self.pk).update(path=self.path, depth=self.depth)
            return
        old_path = type(self).objects.filter(pk=self.pk).values_list("path", flat=True).first() or ""
        new_path = self.build_path(parent_path, self.pk)
        if old_path and new_path != old_path and new_path.startswith(old_path):
            raise ValidationError({"parent": "上级不能是它自己的下级。"})
        self.path = new_path
        self.depth = new_path.count(PATH_SEPARATOR) - 2
        super().save(*args, **kwargs)
        if old_path and old_path != new_path:
            delta = new_path.count(PATH_SEPARATOR) - old_path.count(PATH_SEPARATOR)
            type(self).objects.filter(path__startswith=old_path).exclude(pk=self.pk).update(
                path=Concat(Value(new_path), Substr("path", len(old_path) + 1), output_field=PathField()),
                depth=F("depth") + delta,
            )

    def clean(self):
        super().clean()
        if self.parent_id and self.pk:
            if self.parent_id == self.pk:
                raise ValidationError({"parent": "上级不能是它自己。"})
            parent_path = type(self).objects.filter(pk=self.parent_id).values_list("path", flat=True).first()
            if parent_path and self.path and parent_path.startswith(self.path):
                raise ValidationError({"parent": "上级不能是它自己的下级。"})

    @staticmethod
    def build_path(parent_path, pk):
        return f"{parent_path or PATH_SEPARATOR}{pk}{PATH_SEPARATOR}"

    def subtree(self, include_self=True):
        qs = type(self).objects.filter(path__startswith=self.path)
        return qs if include_self else qs.exclude(pk=self.pk)

    def ancestor_ids(self):
        return [int(p) for p in self.path.strip(PATH_SEPARATOR).split(PATH_SEPARATOR) if p][:-1]

    def ancestors(self):
        ids = self.ancestor_ids()
        return type(self).objects.filter(pk__in=ids).order_by("depth")

    def is_descendant_of(self, other, include_self=True):
        if include_self and other.pk == self.pk:
            return True
        return self.path.startswith(other.path) and other.pk != self.pk
