"""Who may import and export rosters. The subtree itself is always narrowed by
``restrict(user, action)``; these only say whether the role may do it at all."""

from jiceng.core.scoping import CHANGE, MEMBER_ROLE, ROLES_THAT_CHANGE
from jiceng.organizations.models import Organization


def _active(user):
    return user is not None and getattr(user, "is_authenticated", False) and user.is_active


def can_import(user):
    """Roles that change records in their subtree import rosters into it; a member does not."""
    if not _active(user):
        return False
    if user.is_superuser:
        return True
    return user.role in ROLES_THAT_CHANGE and bool(user.organization_id)


def can_export(user):
    """Every role that sees a subtree (not a member, who sees only their own record)."""
    if not _active(user):
        return False
    if user.is_superuser:
        return True
    return user.role != MEMBER_ROLE and bool(user.organization_id)


def import_organizations(user):
    """The organisations the user may import into: their subtree, not dissolved ones."""
    return Organization.objects.restrict(user, CHANGE).filter(dissolved_date__isnull=True).order_by("path")
