from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models

from jiceng.core.models import TreeModel

from .choices import CODE_PREFIX_LENGTH, RegionLevel

division_code_validator = RegexValidator(r"^\d{12}$", "区划代码应为12位数字。")


class Region(TreeModel):
    """An administrative division (county, township, village, natural village) with its
    12-digit statistical division code. Natural villages have no code of their own."""

    name = models.CharField("名称", max_length=100)
    level = models.CharField("层级", max_length=20, choices=RegionLevel.choices)
    code = models.CharField(
        "区划代码", max_length=12, unique=True, null=True, blank=True, validators=[division_code_validator]
    )

    scope_path_lookup = "path"

    class Meta:
        ordering = ["path"]
        verbose_name = "行政区划"
        verbose_name_plural = "行政区划"

    def __str__(self):
        return self.name

    @classmethod
    def restrict_to_subtree(cls, queryset, user, org_path):
        """Regions follow the organisation tree: a user sees the division of their own
        organisation and everything below it."""
        region = user.organization.region if user.organization_id else None
        if region is None:
            return queryset.none()
        return queryset.filter(path__startswith=region.path)

    @classmethod
    def restrict_for_member(cls, queryset, user, action):
        return queryset.none()

    def changelog_scope_path(self):
        """A region's changes are seen by the users of the organisation of this region or of
        its nearest ancestor region (regions and organisations are different trees)."""
        from jiceng.organizations.models import Organization

        path = self.path or self.build_path(self.parent.path if self.parent_id else "", self.pk)
        region_ids = [int(p) for p in path.strip("/").split("/") if p]
        return (
            Organization.objects.filter(region_id__in=region_ids)
            .order_by("-region__depth", "depth")
            .values_list("path", flat=True)
            .first()
        )

    def clean(self):
        super().clean()
        if self.level != RegionLevel.NATURAL_VILLAGE and not self.code:
            raise ValidationError({"code": "除自然村外，行政区划必须填写12位区划代码。"})
        if self.code and self.parent_id and self.parent.code:
            n = CODE_PREFIX_LENGTH.get(self.parent.level, 0)
            if n and self.code[:n] != self.parent.code[:n]:
                raise ValidationError(
                    {"code": f"区划代码应以上级代码的前{n}位“{self.parent.code[:n]}”开头。"}
                )
