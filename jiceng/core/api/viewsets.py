"""The base of every API viewset: the same ``restrict(user, action)`` as the web views."""

from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from rest_framework import serializers, status, viewsets
from rest_framework.exceptions import APIException
from rest_framework.response import Response

from .. import context
from ..scoping import CHANGE, DELETE, VIEW
from .parsers import API_PARSERS
from .permissions import ScopedRolePermission

ACTION_SCOPES = {
    "list": VIEW,
    "retrieve": VIEW,
    "create": CHANGE,
    "update": CHANGE,
    "partial_update": CHANGE,
    "destroy": DELETE,
}


class ScopedViewSetMixin:
    """Narrows the queryset to the user's subtree for the action being taken; records outside
    answer 404. Token-authenticated users are attributed in the change log too."""

    def base_queryset(self):
        return self.queryset.all()

    def get_queryset(self):
        scope = getattr(self, "scope_actions", {}).get(self.action) or ACTION_SCOPES.get(self.action, VIEW)
        return self.base_queryset().restrict(self.request.user, scope)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if request.user and request.user.is_authenticated:
            self._ctx_token = context.set_user(request.user)

    def finalize_response(self, request, response, *args, **kwargs):
        token = getattr(self, "_ctx_token", None)
        if token is not None:
            context.reset(token_user=token)
            self._ctx_token = None
        return super().finalize_response(request, response, *args, **kwargs)

    def perform_destroy(self, instance):
        instance.delete()

    def destroy(self, request, *args, **kwargs):
        instance = self.get_object()
        try:
            self.perform_destroy(instance)
        except ProtectedError:
            return Response(
                {"detail": f"不能删除“{instance}”：还有其他记录与它相关。"}, status=status.HTTP_409_CONFLICT
            )
        return Response(status=status.HTTP_204_NO_CONTENT)


class ScopedModelViewSet(ScopedViewSetMixin, viewsets.ModelViewSet):
    pass


class ScopedReadOnlyViewSet(ScopedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    pass


class ScopedRelatedField(serializers.PrimaryKeyRelatedField):
    """A foreign key whose choices are the records the requesting user may see."""

    def get_queryset(self):
        qs = super().get_queryset()
        request = self.context.get("request")
        return qs.restrict(request.user if request else None, VIEW)


class FullCleanSerializerMixin:
    """Runs the model's clean() so the API refuses what the forms refuse, in the same words."""

    def validate(self, attrs):
        attrs = super().validate(attrs)
        from django.core.exceptions import ValidationError as DjangoValidationError

        model = self.Meta.model
        instance = self.instance or model()
        for key, value in attrs.items():
            setattr(instance, key, value)
        try:
            instance.full_clean(exclude=self._clean_exclude(model, attrs), validate_unique=False)
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.message_dict) from None
        return attrs

    def _clean_exclude(self, model, attrs):
        # Unique checks and FK existence are the serializer's own; clean() checks the rest.
        return [
            f.name for f in model._meta.fields if f.name not in attrs and (f.is_relation or f.primary_key)
        ]


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "保存失败：与已有记录冲突（可能刚被他人登记），请刷新后核对再提交。"
    default_code = "conflict"


class ApiModelViewSet(ScopedModelViewSet):
    """Serializers check uniqueness first and explain it per field; if a concurrent request
    wins the race between that check and the save, the database's constraint answers 409."""

    permission_classes = [ScopedRolePermission]
    parser_classes = API_PARSERS

    def perform_create(self, serializer):
        self.save_or_conflict(serializer)

    def perform_update(self, serializer):
        self.save_or_conflict(serializer)

    def save_or_conflict(self, serializer):
        try:
            with transaction.atomic():
                serializer.save()
        except IntegrityError:
            raise Conflict() from None
