from django import forms

from .scoping import VIEW


class ScopedFormMixin:
    """A form whose every choice of a scoped record is narrowed to the user's subtree, so a
    forged POST naming another township's organisation fails validation like a typo."""

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        for field in self.fields.values():
            if isinstance(field, forms.ModelChoiceField):
                qs = field.queryset
                if hasattr(qs, "restrict"):
                    field.queryset = qs.restrict(user, VIEW)
        for field in self.fields.values():
            widget = field.widget
            css = "form-select" if isinstance(widget, forms.Select) else "form-control"
            if isinstance(widget, forms.CheckboxInput):
                css = "form-check-input"
            widget.attrs.setdefault("class", css)


class ScopedModelForm(ScopedFormMixin, forms.ModelForm):
    pass


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")
