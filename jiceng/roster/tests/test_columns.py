import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jiceng.roster.columns import COLUMNS_BY_KEY, CellError, cell_text, match_headers, parse_date

dates = st.dates(min_value=datetime.date(1890, 1, 1), max_value=datetime.date(2100, 12, 31))
FORMATS = [
    lambda d: d.isoformat(),
    lambda d: f"{d.year}/{d.month}/{d.day}",
    lambda d: f"{d.year}年{d.month}月{d.day}日",
    lambda d: f"{d:%Y%m%d}",
    lambda d: f"{d.year}.{d.month}.{d.day}",
    lambda d: f"{d:%Y-%m-%d} 00:00:00",
    lambda d: d,
    lambda d: datetime.datetime(d.year, d.month, d.day),
    lambda d: float(f"{d:%Y%m%d}"),
]


@given(day=dates, form=st.sampled_from(FORMATS))
def test_every_accepted_date_format_reads_back_the_same_day(day, form):
    assert parse_date(form(day)) == day


@given(text=st.text(max_size=20))
def test_any_text_either_parses_or_says_why(text):
    try:
        value = parse_date(text)
    except CellError as exc:
        assert str(exc)
    else:
        assert isinstance(value, datetime.date)


@pytest.mark.parametrize(
    ("value", "message"),
    [("2024.5", "缺少日"), ("2024-02-30", "不存在"), ("明年", "无法识别"), (datetime.time(8, 0), "时间")],
)
def test_an_unreadable_date_says_why(value, message):
    with pytest.raises(CellError, match=message):
        parse_date(value)


def test_a_date_cell_that_lost_its_format_is_read_as_a_day_number():
    assert parse_date(45413.0) == datetime.date(2024, 5, 1)


@pytest.mark.parametrize(
    ("key", "cell", "code"),
    [
        ("status", "正式党员", "full"),
        ("status", "full", "full"),
        ("status", "预备", "probationary"),
        ("education", "本科", "university"),
        ("education", "中专(中职)", "secondary_vocational"),
        ("education", "中专（中职）", "secondary_vocational"),
        ("ethnicity", "苗族", "06"),
        ("ethnicity", "苗", "06"),
        ("ethnicity", 6.0, "06"),
        ("sex", "女", "female"),
        ("occupation", "农民", "farmer"),
        ("double_strong", "是", True),
        ("double_strong", "否", False),
        ("double_strong", True, True),
        ("lost_contact", "N", False),
    ],
)
def test_labels_codes_and_common_spellings_are_accepted(key, cell, code):
    assert COLUMNS_BY_KEY[key].parse(cell) == code


def test_an_unknown_label_lists_the_choices():
    with pytest.raises(CellError, match="可填写：男、女"):
        COLUMNS_BY_KEY["sex"].parse("未知")


@pytest.mark.parametrize(
    ("cell", "text"),
    [(13800138000.0, "13800138000"), (1.5, "1.5"), (True, "是"), (datetime.date(2024, 5, 1), "2024-05-01")],
)
def test_cells_become_text_as_a_person_would_read_them(cell, text):
    assert cell_text(cell) == text


def test_names_padded_for_alignment_lose_their_spaces():
    assert COLUMNS_BY_KEY["name"].parse("张  三") == "张三"
    assert COLUMNS_BY_KEY["name"].parse("Anna  Li") == "Anna Li"


def test_headers_tolerate_stars_spaces_and_fullwidth_brackets():
    found, unknown, problems = match_headers(
        [" 姓名 ＊", "公民身份号码（*）", "联系电话(手机)", "籍贯", None]
    )
    assert found == {"name": 0, "id_number": 1, "phone": 2}
    assert unknown == ["籍贯"] and problems == []
