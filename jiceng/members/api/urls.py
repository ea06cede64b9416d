def register(router):
    from .views import MemberViewSet, MobileMemberViewSet, PositionViewSet

    router.register("members", MemberViewSet, basename="member")
    router.register("positions", PositionViewSet, basename="position")
    router.register("mobile-members", MobileMemberViewSet, basename="mobile-member")
