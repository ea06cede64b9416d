from .generic import (
    ScopedCreateView,
    ScopedDeleteView,
    ScopedDetailView,
    ScopedEditView,
    ScopedListView,
    ScopedQuerysetMixin,
)
from .pages import changelog_list, healthz, home, page_not_found, server_error

__all__ = [
    "ScopedCreateView",
    "ScopedDeleteView",
    "ScopedDetailView",
    "ScopedEditView",
    "ScopedListView",
    "ScopedQuerysetMixin",
    "changelog_list",
    "healthz",
    "home",
    "page_not_found",
    "server_error",
]
