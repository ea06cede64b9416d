import re

from . import context

_VALID_ID = re.compile(r"^[A-Za-z0-9\-]{8,64}$")


class RequestIdMiddleware:
    """Gives every request an id (or keeps a sane incoming X-Request-ID) and echoes it back."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request.id = incoming if _VALID_ID.match(incoming) else context.new_request_id()
        token = context.set_request_id(request.id)
        try:
            response = self.get_response(request)
        finally:
            context.reset(token_rid=token)
        response["X-Request-ID"] = request.id
        return response


class CurrentUserMiddleware:
    """Makes the acting user available to the change log (API token users are set by the
    API's authentication hook, since DRF authenticates after the middleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user if getattr(request, "user", None) and request.user.is_authenticated else None
        token = context.set_user(user)
        try:
            return self.get_response(request)
        finally:
            context.reset(token_user=token)
