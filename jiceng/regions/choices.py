from django.db import models


class RegionLevel(models.TextChoices):
    PROVINCE = "province", "省"
    CITY = "city", "市"
    COUNTY = "county", "县（区）"
    TOWNSHIP = "township", "乡镇（街道）"
    VILLAGE = "village", "行政村（社区）"
    NATURAL_VILLAGE = "natural_village", "自然村"


# How many leading digits of the 12-digit statistical division code each level fixes
# (GB/T 2260 for the first six, the statistical extension for township and village).
CODE_PREFIX_LENGTH = {
    RegionLevel.PROVINCE: 2,
    RegionLevel.CITY: 4,
    RegionLevel.COUNTY: 6,
    RegionLevel.TOWNSHIP: 9,
    RegionLevel.VILLAGE: 12,
    RegionLevel.NATURAL_VILLAGE: 12,
}
