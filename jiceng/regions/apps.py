from django.apps import AppConfig


class RegionsConfig(AppConfig):
    name = "jiceng.regions"
    label = "regions"
    verbose_name = "行政区划"
