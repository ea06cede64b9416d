from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator

from . import idnumber

phone_validator = RegexValidator(
    r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$", "请填写11位手机号码或带区号的固定电话（如0731-84561234）。"
)


def validate_id_number(value):
    try:
        idnumber.parse(value)
    except idnumber.IdNumberError as exc:
        raise ValidationError(str(exc), code="invalid_id_number") from None
