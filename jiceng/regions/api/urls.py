def register(router):
    from .views import RegionViewSet

    router.register("regions", RegionViewSet, basename="region")
