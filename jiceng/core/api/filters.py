import django_filters
from django import forms

# The largest primary key a BIGINT column holds (SQLite and PostgreSQL alike).
MAX_ID = 2**63 - 1


class IdFilter(django_filters.NumberFilter):
    """A filter by record id: a whole number from 1 to the largest BIGINT, so that ``1.5`` or
    ``99999999999999999999`` is a 400 in Chinese, not an overflow in the database driver."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)
