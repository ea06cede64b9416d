from jiceng.core.forms import ScopedModelForm
from jiceng.organizations.forms import ScopedTreeFormMixin

from .models import Region


class RegionForm(ScopedTreeFormMixin, ScopedModelForm):
    parent_noun = "上级区划"

    class Meta:
        model = Region
        fields = ["parent", "name", "level", "code"]
        labels = {"parent": "上级区划"}
        help_texts = {"code": "12位统计用区划代码，如 430121100001；自然村可不填。"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_parent()
        self.fields["code"].widget.attrs.update(
            {"inputmode": "numeric", "maxlength": "12", "autocomplete": "off"}
        )

    def clean_name(self):
        return (self.cleaned_data.get("name") or "").strip()

    def clean_code(self):
        code = (self.cleaned_data.get("code") or "").strip()
        return code or None
