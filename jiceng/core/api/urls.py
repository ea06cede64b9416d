def register(router):
    from .views import ChangeLogViewSet

    router.register("changelog", ChangeLogViewSet, basename="changelog")
