from django.utils.decorators import classonlymethod
from drf_spectacular.utils import extend_schema
from rest_framework import status, viewsets
from rest_framework.authtoken.models import Token
from rest_framework.exceptions import MethodNotAllowed, NotFound
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle

from jiceng.core import context
from jiceng.core.api.parsers import API_PARSERS
from jiceng.core.scoping import CHANGE
from jiceng.people.api.serializers import MemberContactSerializer
from jiceng.people.api.views import refuse_other_fields
from jiceng.people.models import Person

from .serializers import MeSerializer, TokenRequestSerializer, TokenSerializer


class SingletonViewSet(viewsets.GenericViewSet):
    """A resource with one fixed URL (/me/, /auth/token/) registered on the API router.

    The router gives a collection URL only GET (list) and POST (create); `as_view` replaces
    that mapping with `singleton_actions`, so one URL can answer GET and PATCH, or POST and
    DELETE. Changes are attributed to the acting user in the change log, token users too."""

    singleton_actions: dict[str, str] = {}
    pagination_class = None
    filter_backends = []
    parser_classes = API_PARSERS

    @classonlymethod
    def as_view(cls, actions=None, **initkwargs):
        if initkwargs.get("detail") is False and cls.singleton_actions:
            actions = dict(cls.singleton_actions)
        return super().as_view(actions, **initkwargs)

    def list(self, request, *args, **kwargs):
        """Never bound (see as_view); its presence makes the router add the URL."""
        raise MethodNotAllowed(request.method)

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


class MeViewSet(SingletonViewSet):
    """当前登录用户：账号、角色、所属党组织和数据范围。

    PATCH 只能修改本人人员信息中的 `phone`（联系电话）、`address`（住址）和 `education`（学历）；
    请求中含有其他任何字段时，整个请求被拒绝（403，并列出不能修改的字段），不会部分保存。
    """

    singleton_actions = {"get": "show", "patch": "change"}
    permission_classes = [IsAuthenticated]
    serializer_class = MeSerializer

    @extend_schema(summary="当前用户", tags=["账号"], responses=MeSerializer)
    def show(self, request):
        return Response(MeSerializer(request.user).data)

    @extend_schema(
        summary="修改本人的联系电话、住址、学历",
        tags=["账号"],
        request=MemberContactSerializer,
        responses=MeSerializer,
    )
    def change(self, request):
        refuse_other_fields(request)
        user = request.user
        person = (
            Person.objects.restrict(user, CHANGE).filter(pk=user.person_id).first()
            if user.person_id
            else None
        )
        if person is None:
            raise NotFound("当前账号没有关联可修改的本人人员信息。")
        serializer = MemberContactSerializer(
            person, data=request.data, partial=True, context={"request": request}
        )
        serializer.is_valid(raise_exception=True)
        serializer.save()
        user.person = person
        return Response(MeSerializer(user).data)


class TokenObtainThrottle(AnonRateThrottle):
    """Password guessing against the token endpoint: 10 attempts a minute per address."""

    scope = "auth_token"
    rate = "10/min"


class TokenViewSet(SingletonViewSet):
    """API 令牌（DRF authtoken）。

    POST 用用户名和密码换取令牌（每个IP每分钟最多10次），之后的请求带上请求头 `Authorization: Token <令牌>`；
    DELETE 作废当前用户的令牌。
    """

    singleton_actions = {"post": "obtain", "delete": "revoke"}
    serializer_class = TokenRequestSerializer

    def get_authenticators(self):
        # Obtaining a token takes a password, never a session or an old token (and so needs no CSRF).
        request = getattr(self, "request", None)
        if request is not None and request.method == "POST":
            return []
        return super().get_authenticators()

    def get_permissions(self):
        return [AllowAny()] if self.action == "obtain" else [IsAuthenticated()]

    def get_throttles(self):
        return [TokenObtainThrottle()] if self.action == "obtain" else []

    @extend_schema(
        summary="用用户名和密码换取令牌",
        tags=["账号"],
        request=TokenRequestSerializer,
        responses=TokenSerializer,
        auth=[],
    )
    def obtain(self, request):
        serializer = TokenRequestSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        user = serializer.validated_data["user"]
        token, _ = Token.objects.get_or_create(user=user)
        return Response({"token": token.key, "user": MeSerializer(user).data})

    @extend_schema(summary="作废当前用户的令牌", tags=["账号"], request=None, responses={204: None})
    def revoke(self, request):
        Token.objects.filter(user=request.user).delete()
        return Response(status=status.HTTP_204_NO_CONTENT)
