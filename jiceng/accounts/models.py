from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models

from .choices import Role


class User(AbstractUser):
    """A person who signs in. Bound to one organisation with one role; sees that
    organisation's subtree (a member sees only their own records)."""

    full_name = models.CharField("姓名", max_length=50, blank=True)
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name="所属党组织",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
    )
    role = models.CharField("角色", max_length=30, choices=Role.choices, default=Role.MEMBER)
    person = models.OneToOneField(
        "people.Person",
        verbose_name="对应人员",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="user_account",
    )

    class Meta:
        verbose_name = "用户"
        verbose_name_plural = "用户"

    def __str__(self):
        return self.full_name or self.username

    def get_full_name(self):
        return self.full_name or self.username

    def get_short_name(self):
        return self.full_name or self.username

    @property
    def scope_path(self):
        return self.organization.path if self.organization_id else ""

    def clean(self):
        super().clean()
        if not self.is_superuser and not self.organization_id:
            raise ValidationError({"organization": "请选择用户所属的党组织。"})
        if self.role == Role.MEMBER and not self.person_id and not self.is_superuser:
            raise ValidationError({"person": "党员账号必须关联到本人的人员信息。"})
