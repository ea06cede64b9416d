from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from .models import ChangeLog


def history_for(obj, user):
    """The change log of a record and of the records that show under it, newest first,
    narrowed like everything else to what the user may see."""
    ct = ContentType.objects.get_for_model(type(obj))
    return (
        ChangeLog.objects.restrict(user)
        .filter(Q(content_type=ct, object_id=obj.pk) | Q(related_content_type=ct, related_object_id=obj.pk))
        .select_related("content_type")
    )
