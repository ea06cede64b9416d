from django.apps import AppConfig


class OrganizationsConfig(AppConfig):
    name = "jiceng.organizations"
    label = "organizations"
    verbose_name = "党组织"
