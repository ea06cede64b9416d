from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "jiceng.core"
    label = "core"
    verbose_name = "平台基础"

    def ready(self):
        from . import signals  # noqa: F401  (connects the change log)
