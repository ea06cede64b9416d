"""Web pages of members, cadre posts and mobile-member records.

Every query starts from ``Model.objects.restrict(request.user, action)``: what is outside the
user's subtree answers 404. Pages that change records are for the roles that may change
them; a Party member changes only their own contact details and education (``me``).
"""

from .member_form import MemberDeleteView, MemberFormView
from .member_pages import MemberDetailView, MemberListView, me
from .mobile import MobileMemberCreateView, MobileMemberDeleteView, MobileMemberEditView
from .positions import PositionCreateView, PositionDeleteView, PositionEditView, PositionListView
from .search import person_search
from .shared import (
    FilteredListMixin,
    FriendlyPaginationMixin,
    ManageRequiredMixin,
    can_manage,
    deletable,
    int_param,
    member_history,
    organization_options,
    person_positions,
)

__all__ = [
    "FilteredListMixin",
    "FriendlyPaginationMixin",
    "ManageRequiredMixin",
    "MemberDeleteView",
    "MemberDetailView",
    "MemberFormView",
    "MemberListView",
    "MobileMemberCreateView",
    "MobileMemberDeleteView",
    "MobileMemberEditView",
    "PositionCreateView",
    "PositionDeleteView",
    "PositionEditView",
    "PositionListView",
    "can_manage",
    "deletable",
    "int_param",
    "me",
    "member_history",
    "organization_options",
    "person_positions",
    "person_search",
]
