"""Chinese summaries and tags for the OpenAPI schema of the scoped viewsets."""

from drf_spectacular.utils import extend_schema, extend_schema_view

CRUD_SUMMARIES = {
    "list": "{noun}列表",
    "retrieve": "{noun}详情",
    "create": "新增{noun}",
    "update": "修改{noun}",
    "partial_update": "修改{noun}（部分字段）",
    "destroy": "删除{noun}",
}


def document_viewset(noun, **extra):
    """Class decorator: tag the viewset with `noun` and give each of its standard actions a
    Chinese summary; `extra` adds extend_schema() calls for custom actions."""

    def decorate(viewset):
        overrides = {
            action: extend_schema(summary=template.format(noun=noun), tags=[noun])
            for action, template in CRUD_SUMMARIES.items()
            if hasattr(viewset, action)
        }
        overrides.update(extra)
        return extend_schema_view(**overrides)(viewset)

    return decorate
