import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jiceng.people import idnumber

births = st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2008, 12, 31))


@given(birth=births, seq=st.integers(min_value=0, max_value=999))
def test_every_made_number_parses_back_to_its_birth_date_and_sex(birth, seq):
    number = idnumber.make("430121", birth, seq)
    info = idnumber.parse(number)
    assert info.birth_date == birth
    assert info.sex == ("male" if seq % 2 else "female")


@given(birth=births, seq=st.integers(min_value=0, max_value=999), pos=st.integers(min_value=0, max_value=16))
def test_changing_any_one_digit_breaks_the_checksum_or_the_date(birth, seq, pos):
    number = idnumber.make("430121", birth, seq)
    digit = str((int(number[pos]) + 1) % 10)
    forged = number[:pos] + digit + number[pos + 1 :]
    with pytest.raises(idnumber.IdNumberError):
        idnumber.parse(forged)


def test_a_known_valid_number_with_x():
    # 11010519491231002X is the standard's own worked example.
    info = idnumber.parse("11010519491231002x")
    assert info.number.endswith("X")
    assert info.birth_date == datetime.date(1949, 12, 31)
    assert info.sex == "female"


@pytest.mark.parametrize(
    "value, words",
    [
        ("", "不能为空"),
        ("43012119800517001", "应为18位"),
        ("4301211980051700AB", "前17位应为数字"),
        ("430121198002300011", "不存在"),
        ("430121198005170012", "校验位错误"),
        ("４３０１２１１９８００５１７００１１", "全角"),
        ("430121209905170011", "不合理"),
    ],
)
def test_bad_numbers_are_refused_with_a_reason_in_chinese(value, words):
    with pytest.raises(idnumber.IdNumberError, match=words):
        idnumber.parse(value)


def test_full_width_message_offers_the_half_width_number():
    with pytest.raises(idnumber.IdNumberError, match="430121198005170011"):
        idnumber.parse("４３０１２１１９８００５１７００１１")


def test_mask_keeps_the_first_three_and_last_four():
    assert idnumber.mask("430121198005170011") == "430***********0011"
    assert idnumber.mask("") == ""
