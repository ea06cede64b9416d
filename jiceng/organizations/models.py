from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models

from jiceng.core.models import TreeModel

from .choices import (
    ALLOWED_PARENT_KINDS,
    Industry,
    OrganizationFormation,
    OrganizationKind,
    OrganizationSector,
)

org_code_validator = RegexValidator(
    r"^[A-Za-z0-9\-]{2,32}$", "组织编码只能由字母、数字和连字符组成（2至32位）。"
)


class Organization(TreeModel):
    """A node of the Party organisation tree, from the county committee down to Party groups."""

    name = models.CharField("组织名称", max_length=100)
    code = models.CharField("组织编码", max_length=32, unique=True, validators=[org_code_validator])
    kind = models.CharField("组织类型", max_length=30, choices=OrganizationKind.choices)
    sector = models.CharField("组织类别", max_length=30, choices=OrganizationSector.choices)
    formation = models.CharField(
        "组建方式",
        max_length=20,
        choices=OrganizationFormation.choices,
        default=OrganizationFormation.STANDALONE,
    )
    industry = models.CharField("产业类别", max_length=20, choices=Industry.choices, blank=True)
    region = models.ForeignKey(
        "regions.Region",
        verbose_name="所在区划",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organizations",
    )
    established_date = models.DateField("成立日期", null=True, blank=True)
    dissolved_date = models.DateField("撤销日期", null=True, blank=True)
    phone = models.CharField("联系电话", max_length=30, blank=True)
    address = models.CharField("地址", max_length=200, blank=True)
    note = models.TextField("备注", blank=True)

    scope_path_lookup = "path"

    class Meta:
        ordering = ["path"]
        verbose_name = "党组织"
        verbose_name_plural = "党组织"

    def __str__(self):
        return self.name

    @classmethod
    def restrict_for_member(cls, queryset, user, action):
        """A Party member sees the organisation they belong to, and changes none."""
        if action != "view" or not user.person_id:
            return queryset.none()
        return queryset.filter(members__person_id=user.person_id)

    @property
    def is_active(self):
        return self.dissolved_date is None

    def clean(self):
        super().clean()
        allowed = ALLOWED_PARENT_KINDS.get(self.kind, set())
        if self.parent_id is None and self.kind != OrganizationKind.COUNTY_COMMITTEE and self.kind:
            if not (self.pk and self.depth == 0):
                raise ValidationError({"parent": "请选择上级党组织。"})
        if self.parent_id and self.kind and self.parent.kind not in allowed:
            raise ValidationError(
                {"kind": f"“{self.get_kind_display()}”不能设在“{self.parent.get_kind_display()}”之下。"}
            )
        if self.industry and self.kind != OrganizationKind.GROUP:
            raise ValidationError({"industry": "只有党小组可以设置产业类别（产业党小组）。"})
        if self.established_date and self.dissolved_date and self.dissolved_date < self.established_date:
            raise ValidationError({"dissolved_date": "撤销日期不能早于成立日期。"})

    def name_path(self):
        """The names from the top of the visible tree down to this node: 城关镇党委/东风村党支部."""
        return "/".join(o.name for o in [*self.ancestors(), self])
