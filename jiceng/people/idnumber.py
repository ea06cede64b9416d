"""Citizen identity numbers (公民身份号码, GB 11643-1999): 6-digit address code, 8-digit birth
date, 3-digit sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check character."""

import datetime
import re
import unicodedata
from dataclasses import dataclass

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"
_SHAPE = re.compile(r"^\d{17}[\dX]$")
_FULLWIDTH = re.compile(r"[０-９Ｘｘ]")


class IdNumberError(ValueError):
    """Raised with a message in Chinese saying what is wrong with the number."""


@dataclass(frozen=True)
class IdNumberInfo:
    number: str
    birth_date: datetime.date
    sex: str  # "male" or "female"


def check_char(first17):
    return CHECK_CHARS[sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True)) % 11]


def parse(value, today=None):
    """Validate an 18-character number and return what it encodes; raise IdNumberError."""
    raw = (value or "").strip()
    if _FULLWIDTH.search(raw):
        halfwidth = unicodedata.normalize("NFKC", raw).upper()
        raise IdNumberError(f"身份证号含全角字符，请改为半角：{halfwidth}")
    number = raw.upper()
    if not number:
        raise IdNumberError("身份证号不能为空。")
    if len(number) != 18:
        raise IdNumberError(f"身份证号应为18位，现为{len(number)}位。")
    if not _SHAPE.match(number):
        raise IdNumberError("身份证号前17位应为数字，最后一位为数字或X。")
    try:
        birth = datetime.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise IdNumberError(f"身份证号中的出生日期“{number[6:14]}”不存在。") from None
    today = today or datetime.date.today()
    if birth > today or birth.year < 1890:
        raise IdNumberError(f"身份证号中的出生日期“{number[6:14]}”不合理。")
    expected = check_char(number[:17])
    if number[17] != expected:
        raise IdNumberError(f"身份证号校验位错误（最后一位应为{expected}），请核对是否抄错。")
    sex = "male" if int(number[16]) % 2 == 1 else "female"
    return IdNumberInfo(number=number, birth_date=birth, sex=sex)


def make(address_code, birth_date, sequence):
    """Build a valid number (for demo data and tests)."""
    first17 = f"{address_code}{birth_date:%Y%m%d}{sequence:03d}"
    return first17 + check_char(first17)


def mask(number):
    """430***********1234 style, as lists show it."""
    if not number:
        return ""
    return number[:3] + "*" * (len(number) - 7) + number[-4:] if len(number) > 7 else "*" * len(number)
