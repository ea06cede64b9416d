def register(router):
    from .views import MeViewSet, TokenViewSet

    router.register("me", MeViewSet, basename="me")
    router.register("auth/token", TokenViewSet, basename="auth-token")
