def register(router):
    from .views import OrganizationViewSet

    router.register("organizations", OrganizationViewSet, basename="organization")
