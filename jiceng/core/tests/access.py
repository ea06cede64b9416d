"""The access matrix: every URL pattern of the project, classified.

`iter_url_names()` walks the URL configuration, so a new page or endpoint appears here by
itself; `RULES` says how to reach it with an object of township A and what each persona
must get. A pattern without a rule fails `test_every_url_is_classified`.
"""

from dataclasses import dataclass, field

from django.urls import URLPattern, URLResolver, get_resolver


def iter_url_names():
    """(full name, route) of every named URL pattern except Django's admin."""

    def walk(patterns, prefix="", ns=""):
        for p in patterns:
            if isinstance(p, URLResolver):
                inner_ns = f"{ns}{p.namespace}:" if p.namespace else ns
                yield from walk(p.url_patterns, prefix + str(p.pattern), inner_ns)
            elif isinstance(p, URLPattern):
                yield ((ns + p.name) if p.name else None, prefix + str(p.pattern))

    seen = {}
    for name, route in walk(get_resolver().url_patterns):
        if route.startswith("admin/"):
            continue
        seen.setdefault(name, route)
    return seen


@dataclass
class Rule:
    """kind: public | page | list | object | post | admin-only.
    obj: a function county -> URL kwargs of township A's object (for object rules).
    methods: which HTTP methods to try as the outsider (all must answer 404/403/405)."""

    kind: str
    obj: object = None
    methods: tuple = ("get",)
    query: str = ""
    api: bool = False
    allowed_statuses: tuple = (200,)
    extra: dict = field(default_factory=dict)


def public():
    return Rule("public")


def page(query="", allowed=(200,)):
    return Rule("page", query=query, allowed_statuses=allowed)


def listing(query="", api=False, allowed=(200,)):
    return Rule("list", query=query, api=api, allowed_statuses=allowed)


def obj(get_kwargs, methods=("get",), api=False, allowed=(200,)):
    return Rule("object", obj=get_kwargs, methods=methods, api=api, allowed_statuses=allowed)


def post_only(api=False):
    return Rule("post", api=api)
