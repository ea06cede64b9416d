"""Role rules of the API, checked on top of the subtree scope every queryset already applies.

The scope (``restrict(user, action)``) decides *which* records a user reaches; these classes
decide *what* a role may do at all, so that a refusal by role is a clear 403 in Chinese
rather than a 404 that looks like a missing record.
"""

from rest_framework.permissions import SAFE_METHODS, BasePermission

from jiceng.accounts.choices import Role
from jiceng.core.scoping import CHANGE, DELETE, can

MEMBER_READ_ONLY = "党员账号只能查看本人的信息，不能新增、修改或删除记录。"
CANNOT_CHANGE = "您的账号角色不能新增或修改记录。"
CANNOT_DELETE = "只有县委组织部和乡镇党委管理员可以删除记录。"
COUNTY_ONLY = "只有县委组织部管理员可以新增、修改或删除行政区划。"


def is_member_role(user):
    """A Party member's own account (not an administrator who happens to be a member)."""
    return bool(user and user.is_authenticated and not user.is_superuser and user.role == Role.MEMBER)


class ScopedRolePermission(BasePermission):
    """Every signed-in user reads (the queryset limits what they see). Creating and changing
    need a role that changes records (county, township, village secretary); deleting needs one
    that deletes (county, township). A member's account only reads, except for the actions a
    view lists in ``member_write_actions`` (which then check the fields themselves)."""

    message = CANNOT_CHANGE

    def has_permission(self, request, view):
        user = request.user
        if not (user and user.is_authenticated):
            return False
        if request.method in SAFE_METHODS:
            return True
        if is_member_role(user):
            if getattr(view, "action", None) in getattr(view, "member_write_actions", ()):
                return True
            self.message = getattr(view, "member_denied_message", MEMBER_READ_ONLY)
            return False
        if request.method == "DELETE":
            self.message = CANNOT_DELETE
            return can(user, DELETE)
        self.message = CANNOT_CHANGE
        return can(user, CHANGE)


class CountyAdminWritePermission(BasePermission):
    """Everyone signed in reads; only the county organisation department (and the system
    administrator) writes."""

    message = COUNTY_ONLY

    def has_permission(self, request, view):
        user = request.user
        if not (user and user.is_authenticated):
            return False
        if request.method in SAFE_METHODS:
            return True
        return bool(user.is_superuser or user.role == Role.COUNTY_ADMIN)
