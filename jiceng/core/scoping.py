"""The one mechanism that narrows what a user may see or change.

Every list, detail, edit, export and API endpoint starts from
``Model.objects.restrict(request.user, action)``. A user bound to an organisation sees that
organisation's whole subtree (one indexed prefix query on the materialised path) and
nothing else; a Party member sees only their own records. Anything outside answers 404,
because it is simply not in the queryset.
"""

from django.db import models

VIEW, CHANGE, DELETE = "view", "change", "delete"

# Roles that may change records in their subtree, and those that may also delete them.
ROLES_THAT_CHANGE = {"county_admin", "township_admin", "village_secretary"}
ROLES_THAT_DELETE = {"county_admin", "township_admin"}
MEMBER_ROLE = "member"


def user_scope_path(user):
    """The materialised path of the subtree the user works in, '' for none, None for all."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return ""
    if user.is_superuser:
        return None
    return user.scope_path or ""


def can(user, action):
    """Whether the user's role allows `action` at all (the subtree is checked separately)."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser or action == VIEW:
        return True
    role = getattr(user, "role", "")
    if action == DELETE:
        return role in ROLES_THAT_DELETE
    return role in ROLES_THAT_CHANGE or role == MEMBER_ROLE


def restrict(queryset, user, action=VIEW):
    model = queryset.model
    if not can(user, action):
        return queryset.none()
    root = user_scope_path(user)
    if root is None:
        return queryset
    if user.role == MEMBER_ROLE:
        narrow = getattr(model, "restrict_for_member", None)
        return narrow(queryset, user, action) if narrow else queryset.none()
    if not root:
        return queryset.none()
    custom = getattr(model, "restrict_to_subtree", None)
    if custom:
        return custom(queryset, user, root)
    return queryset.filter(**{f"{model.scope_path_lookup}__startswith": root})


class ScopedQuerySet(models.QuerySet):
    def restrict(self, user, action=VIEW):
        """The part of this queryset that `user` may `action` (view, change, delete)."""
        return restrict(self, user, action)
