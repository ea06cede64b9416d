"""Who is acting and under which request id: set by the middleware for web requests and by
`change_context` for commands and imports, read by the change log."""

import contextvars
import uuid
from contextlib import contextmanager

_user = contextvars.ContextVar("jiceng_user", default=None)
_request_id = contextvars.ContextVar("jiceng_request_id", default=None)


def current_user():
    return _user.get()


def current_request_id():
    return _request_id.get()


def new_request_id():
    return uuid.uuid4().hex


@contextmanager
def change_context(user=None, request_id=None):
    """Attribute every change made inside the block to `user` under one request id."""
    t_user = _user.set(user)
    t_rid = _request_id.set(request_id or new_request_id())
    try:
        yield _request_id.get()
    finally:
        _user.reset(t_user)
        _request_id.reset(t_rid)


def set_request_id(value):
    return _request_id.set(value)


def set_user(user):
    return _user.set(user)


def reset(token_user=None, token_rid=None):
    if token_user is not None:
        _user.reset(token_user)
    if token_rid is not None:
        _request_id.reset(token_rid)
