"""Turns a record into the JSON-safe dict the change log keeps."""

import json

from django.core.serializers.json import DjangoJSONEncoder


def serialize_object(instance):
    exclude = set(getattr(instance, "changelog_exclude", ()))
    data = {}
    for field in instance._meta.concrete_fields:
        if field.name in exclude or field.primary_key:
            continue
        data[field.name] = field.value_from_object(instance)
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))
