import os

from django import forms
from django.conf import settings

from .permissions import import_organizations
from .reader import ACCEPTED_EXTENSIONS


class OrganizationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        indent = "\u3000" * max(0, obj.depth - getattr(self, "base_depth", 0))
        return f"{indent}{obj.name}（{obj.code}）"


class ImportForm(forms.Form):
    organization = OrganizationChoiceField(
        label="导入到党组织",
        queryset=None,
        empty_label=None,
        help_text="花名册中每人的“所在党组织”必须是这个党组织或它的下级。",
        error_messages={"invalid_choice": "请选择本单位或下级党组织。"},
    )
    file = forms.FileField(
        label="花名册文件",
        help_text="支持 .xlsx、.xls、.ods、.csv（UTF-8或GBK编码）。",
        error_messages={"required": "请选择要导入的文件。", "empty": "文件是空的，没有任何内容。"},
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ACCEPTED_EXTENSIONS)}),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        queryset = import_organizations(user).only("id", "name", "code", "depth", "path")
        field = self.fields["organization"]
        field.queryset = queryset
        field.base_depth = user.organization.depth if getattr(user, "organization_id", None) else 0
        if user is not None and user.organization_id and not self.is_bound:
            self.initial.setdefault("organization", user.organization_id)
        field.widget.attrs["class"] = "form-select"
        self.fields["file"].widget.attrs["class"] = "form-control"

    def clean_file(self):
        upload = self.cleaned_data["file"]
        extension = os.path.splitext(upload.name or "")[1].lower()
        if extension not in ACCEPTED_EXTENSIONS:
            raise forms.ValidationError(
                f"不支持“{extension or '无扩展名'}”文件，请上传 .xlsx、.xls、.ods 或 .csv 文件。"
            )
        limit = settings.ROSTER_IMPORT_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                f"文件过大（{upload.size / 1024 / 1024:.1f} MB），不能超过{limit / 1024 / 1024:.0f} MB，"
                "请分成几个文件导入。"
            )
        return upload
