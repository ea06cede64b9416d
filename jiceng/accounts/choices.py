from django.db import models


class Role(models.TextChoices):
    COUNTY_ADMIN = "county_admin", "县委组织部管理员"
    TOWNSHIP_ADMIN = "township_admin", "乡镇党委管理员"
    VILLAGE_SECRETARY = "village_secretary", "村党组织书记"
    MEMBER = "member", "党员"
