from django.db import models


class OrganizationKind(models.TextChoices):
    COUNTY_COMMITTEE = "county_committee", "县委"
    TOWNSHIP_COMMITTEE = "township_committee", "乡镇党委"
    PRIMARY_COMMITTEE = "primary_committee", "基层党委"
    GENERAL_BRANCH = "general_branch", "党总支"
    BRANCH = "branch", "党支部"
    GROUP = "group", "党小组"


class OrganizationSector(models.TextChoices):
    VILLAGE = "village", "农村"
    COMMUNITY = "community", "社区"
    NONPUBLIC_ENTERPRISE = "nonpublic_enterprise", "非公企业"
    SOCIAL_ORGANIZATION = "social_organization", "社会组织"
    COOPERATIVE = "cooperative", "合作社/产业"
    INSTITUTION = "institution", "机关事业单位"
    MOBILE = "mobile", "流动党员党组织"


class OrganizationFormation(models.TextChoices):
    STANDALONE = "standalone", "单独组建"
    JOINT = "joint", "联合组建"
    ATTACHED = "attached", "挂靠/上挂"
    REGIONAL = "regional", "区域统筹"


class Industry(models.TextChoices):
    PLANTING = "planting", "种植"
    BREEDING = "breeding", "养殖"
    PROCESSING = "processing", "加工"
    TRANSPORT = "transport", "运输"
    COMMERCE = "commerce", "商贸流通"
    TOURISM = "tourism", "乡村旅游"
    OTHER = "other", "其他"


K = OrganizationKind
# Which kinds of organisation may sit directly under which (Party Constitution art. 30 and
# the branch work regulations: groups under branches, branches under committees).
ALLOWED_PARENT_KINDS = {
    K.COUNTY_COMMITTEE: set(),
    K.TOWNSHIP_COMMITTEE: {K.COUNTY_COMMITTEE},
    K.PRIMARY_COMMITTEE: {K.COUNTY_COMMITTEE, K.TOWNSHIP_COMMITTEE},
    K.GENERAL_BRANCH: {K.COUNTY_COMMITTEE, K.TOWNSHIP_COMMITTEE, K.PRIMARY_COMMITTEE},
    K.BRANCH: {K.COUNTY_COMMITTEE, K.TOWNSHIP_COMMITTEE, K.PRIMARY_COMMITTEE, K.GENERAL_BRANCH},
    K.GROUP: {K.PRIMARY_COMMITTEE, K.GENERAL_BRANCH, K.BRANCH},
}
