def register(router):
    from .views import HouseholdViewSet, PersonViewSet

    router.register("persons", PersonViewSet, basename="person")
    router.register("households", HouseholdViewSet, basename="household")
