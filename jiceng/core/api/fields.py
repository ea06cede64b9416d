from jiceng.core.api.viewsets import ScopedRelatedField


class CurrentOrScopedRelatedField(ScopedRelatedField):
    """A scoped foreign key that also accepts the value the record already has.

    A township's own committee hangs under the county committee, which the township user
    cannot see; sending the record back unchanged (GET, then PUT) must still work, while
    pointing it at anything else outside the user's subtree stays "对象不存在"."""

    def get_queryset(self):
        qs = super().get_queryset()
        instance = getattr(self.parent, "instance", None)
        current = getattr(instance, f"{self.source}_id", None) if instance is not None else None
        if current is not None:
            qs = qs | self.queryset.model.objects.filter(pk=current)
        return qs
