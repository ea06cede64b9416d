"""Forms of the organisation pages. Every choice of a record is narrowed to the user's
subtree (ScopedModelForm); the parent is narrowed further to where the user may add or move
nodes, so no form can put a node outside the subtree of the person filling it in."""

from django import forms

from jiceng.core.forms import DateInput, ScopedModelForm
from jiceng.core.scoping import CHANGE

from .models import Organization

INDENT = "\u3000"  # an ideographic space per level in the choice lists


def user_base_depth(user):
    """The depth of the top of the user's subtree (0 for the whole platform)."""
    org = getattr(user, "organization", None) if getattr(user, "organization_id", None) else None
    return org.depth if org is not None else 0


def tree_choices(field, queryset, base_depth, *, code_entry_above=2000, noun="上级"):
    """Narrows a ModelChoiceField to tree nodes, indented by level in path order. Beyond
    `code_entry_above` nodes a select list stops being usable (and a province page would
    weigh megabytes): the node is then entered by its code instead."""
    field.queryset = queryset.order_by("path")
    field.label_from_instance = lambda obj: INDENT * max(obj.depth - base_depth, 0) + str(obj)
    field.error_messages["invalid_choice"] = f"所选{noun}不存在，或不在您的管理范围内。"
    if queryset.count() > code_entry_above:
        field.to_field_name = "code"
        field.widget = forms.TextInput(attrs={"class": "form-control", "autocomplete": "off"})
        field.help_text = f"请输入{noun}的编码。"
        return True
    return False


class OneErrorPerFieldMixin:
    """Drops the model's clean() errors on fields that already failed their own validation:
    a parent refused as out of scope should not also read "please choose a parent"."""

    def add_error(self, field, error):
        if field is None and hasattr(error, "error_dict") and self._errors:
            failed = {name for name in self._errors if name in self.fields}
            kept = {name: errs for name, errs in error.error_dict.items() if name not in failed}
            if not kept:
                return
            error.error_dict = kept
        super().add_error(field, error)


class ScopedTreeFormMixin(OneErrorPerFieldMixin):
    """For a TreeModel form with a `parent` field: the parent is chosen among the nodes the
    user may change (never the node itself or one of its descendants), is required unless
    the user is a superuser (a new top-level node would sit outside every subtree), and the
    top of the user's own subtree keeps its parent (the field is dropped)."""

    parent_noun = "上级"
    parent_locked = False

    def setup_parent(self):
        field = self.fields.get("parent")
        if field is None:
            return
        user = self.user
        model = self._meta.model
        superuser = bool(getattr(user, "is_superuser", False))
        allowed = model.objects.restrict(user, CHANGE)
        instance = self.instance
        if instance.pk:
            if not superuser and (
                instance.parent_id is None or not allowed.filter(pk=instance.parent_id).exists()
            ):
                del self.fields["parent"]
                self.parent_locked = True
                return
            allowed = allowed.exclude(path__startswith=instance.path)
        by_code = tree_choices(field, allowed, user_base_depth(user), noun=self.parent_noun)
        field.required = not superuser
        field.error_messages["required"] = f"请选择{self.parent_noun}。"
        if by_code and instance.pk and instance.parent_id:
            self.initial["parent"] = instance.parent


class OrganizationForm(ScopedTreeFormMixin, ScopedModelForm):
    parent_noun = "上级党组织"

    class Meta:
        model = Organization
        fields = [
            "parent",
            "name",
            "code",
            "kind",
            "sector",
            "formation",
            "industry",
            "region",
            "established_date",
            "dissolved_date",
            "phone",
            "address",
            "note",
        ]
        labels = {"parent": "上级党组织"}
        widgets = {
            "established_date": DateInput(),
            "dissolved_date": DateInput(),
            "note": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "code": "本县（市）内唯一，可用字母、数字和连字符，如 V001。",
            "industry": "只有产业党小组填写。",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_parent()
        region = self.fields["region"]
        queryset = region.queryset
        if self.instance.region_id:
            # Keep the current division selectable even when it lies outside the user's own.
            queryset = queryset | region.queryset.model.objects.filter(pk=self.instance.region_id)
        tree_choices(region, queryset, 0, noun="行政区划")
        base = min((r.depth for r in region.queryset[:1]), default=0)
        region.label_from_instance = lambda obj: (
            INDENT * max(obj.depth - base, 0) + (f"{obj.name}（{obj.code}）" if obj.code else obj.name)
        )
        self.fields["name"].widget.attrs.setdefault("placeholder", "如：中共某某村支部委员会")

    def clean_code(self):
        return (self.cleaned_data.get("code") or "").strip()

    def clean_name(self):
        return (self.cleaned_data.get("name") or "").strip()
