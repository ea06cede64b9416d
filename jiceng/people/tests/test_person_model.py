import datetime

import pytest
from django.core.exceptions import ValidationError

from jiceng.people import idnumber
from jiceng.people.models import Person


def test_birth_date_and_sex_are_filled_from_the_id_number(county):
    p = Person(
        name="陈静",
        organization=county.village_a1,
        id_number=idnumber.make("430121", datetime.date(1990, 2, 3), 24),
    )
    p.full_clean()
    assert p.birth_date == datetime.date(1990, 2, 3)
    assert p.sex == "female"


def test_a_birth_date_that_disagrees_with_the_id_number_is_refused(county):
    p = Person(
        name="陈静",
        organization=county.village_a1,
        id_number=idnumber.make("430121", datetime.date(1990, 2, 3), 24),
        birth_date=datetime.date(1990, 2, 4),
    )
    with pytest.raises(ValidationError) as exc:
        p.full_clean()
    assert "出生日期与身份证号不一致" in str(exc.value.message_dict["birth_date"])


def test_sex_that_disagrees_with_the_id_number_is_refused(county):
    p = Person(
        name="陈静",
        organization=county.village_a1,
        id_number=idnumber.make("430121", datetime.date(1990, 2, 3), 24),
        sex="male",
    )
    with pytest.raises(ValidationError) as exc:
        p.full_clean()
    assert "性别与身份证号不一致" in str(exc.value.message_dict["sex"])


def test_pinyin_forms_are_stored_for_search(county):
    p = county.member_a1.person
    assert p.name_pinyin == "zhangsanfeng"
    assert p.name_initials == "zsf"


def test_an_empty_id_number_is_stored_as_null_so_many_villagers_may_lack_one(county):
    a = Person.objects.create(name="无证一", organization=county.village_a1, id_number="")
    b = Person.objects.create(name="无证二", organization=county.village_a1, id_number="")
    assert a.id_number is None and b.id_number is None


def test_bad_phone_numbers_are_refused(county):
    p = county.member_a1.person
    p.phone = "1380013800"
    with pytest.raises(ValidationError) as exc:
        p.full_clean()
    assert "手机号码" in str(exc.value.message_dict["phone"])
