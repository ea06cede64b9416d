"""Writes the change log for every ChangeLoggedModel: who, when, request id, before, after."""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from . import context
from .models import ChangeLog, ChangeLoggedModel, TreeModel
from .serialization import serialize_object


def scope_path_of(instance):
    """The organisation path under which a record's changes are logged (and so seen)."""
    hook = getattr(instance, "changelog_scope_path", None)
    if hook is not None:
        return hook() or ""
    if isinstance(instance, TreeModel) and not instance.path and instance.pk:
        # A new tree node gets its path just after the insert that fires this signal.
        return instance.build_path(instance.parent.path if instance.parent_id else "", instance.pk)
    lookup = getattr(type(instance), "scope_path_lookup", "")
    obj = instance
    for part in lookup.split("__"):
        if obj is None:
            return ""
        obj = getattr(obj, part, None)
    return obj or ""


def write_log(instance, action, before, after):
    user = context.current_user()
    parent = instance.changelog_parent()
    return ChangeLog.objects.create(
        user=user,
        user_name=(user.get_full_name() or user.get_username()) if user else "系统",
        request_id=context.current_request_id() or "",
        action=action,
        content_type=ContentType.objects.get_for_model(type(instance), for_concrete_model=False),
        object_id=instance.pk,
        object_repr=str(instance)[:200],
        related_content_type=ContentType.objects.get_for_model(type(parent)) if parent is not None else None,
        related_object_id=parent.pk if parent is not None else None,
        scope_path=scope_path_of(instance),
        before=before,
        after=after,
    )


@receiver(pre_save)
def snapshot_before_save(sender, instance, raw=False, **kwargs):
    if raw or not isinstance(instance, ChangeLoggedModel):
        return
    if instance._state.adding or instance.pk is None:
        instance._prechange = None
        return
    if getattr(instance, "_prechange", None) is None:
        old = sender._base_manager.filter(pk=instance.pk).first()
        instance._prechange = serialize_object(old) if old is not None else None


@receiver(post_save)
def log_save(sender, instance, created, raw=False, **kwargs):
    if raw or not isinstance(instance, ChangeLoggedModel):
        return
    after = serialize_object(instance)
    before = None if created else getattr(instance, "_prechange", None)
    if not created and before == after:
        instance._prechange = None
        return
    write_log(instance, ChangeLog.Action.CREATE if created else ChangeLog.Action.UPDATE, before, after)
    instance._prechange = None


@receiver(post_delete)
def log_delete(sender, instance, **kwargs):
    if not isinstance(instance, ChangeLoggedModel):
        return
    write_log(instance, ChangeLog.Action.DELETE, serialize_object(instance), None)
