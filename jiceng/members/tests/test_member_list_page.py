import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse

from jiceng.members.choices import MemberStatus
from jiceng.people.choices import Education, Sex

from .pages import login_url_of, member, text, years_ago

LIST = reverse("members:list")


def names(response):
    assert response.status_code == 200
    return {m.person.name for m in response.context["members"]}


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("county_admin", {"张三丰", "李小红", "王大明", "赵四海"}),
        ("township_admin_a", {"张三丰", "李小红", "王大明"}),
        ("township_admin_b", {"赵四海"}),
        ("secretary_a1", {"张三丰", "李小红"}),
        ("member_user_a1", {"张三丰"}),
    ],
)
def test_each_role_lists_its_own_subtree_only(county, login, persona, expected):
    assert names(login(getattr(county, persona)).get(LIST)) == expected


def test_anonymous_visitors_are_sent_to_log_in(client, county):
    assert login_url_of(client.get(LIST))


def test_the_list_shows_the_masked_id_number_never_the_full_one(county, login):
    response = login(county.township_admin_a).get(LIST)
    number = county.member_a1.person.id_number
    page = response.content.decode()
    assert county.member_a1.person.id_number_masked in page
    assert number not in page


def test_the_list_shows_the_columns_of_a_member(county, login):
    m = county.member_a1
    m.double_strong = True
    m.save()
    m.person.education = Education.SENIOR_HIGH
    m.person.save()
    page = text(login(county.secretary_a1).get(LIST))
    for expected in ("张三丰", "男", str(m.person.age), "汉族", "高中、中技", "中共桃源村支部委员会"):
        assert expected in page
    assert "正式党员" in page and "2010年7月1日" in page and "双强" in page
    assert "共 2 名" in page


@pytest.mark.parametrize("query", ["zsf", "zhangsanfeng", "zhang", "张三", "三丰"])
def test_search_finds_a_member_by_name_or_pinyin(county, login, query):
    assert names(login(county.township_admin_a).get(LIST, {"q": query})) == {"张三丰"}


def test_search_finds_a_member_by_the_last_digits_of_the_id_number(county, login):
    tail = county.member_a1.person.id_number[-4:]
    assert names(login(county.township_admin_a).get(LIST, {"q": tail})) == {"张三丰"}


def test_search_never_reaches_into_another_township(county, login):
    assert names(login(county.township_admin_b).get(LIST, {"q": "zsf"})) == set()


def test_filter_by_sex(county, login):
    assert county.member_a1b.person.sex == Sex.FEMALE  # from the even sequence of her ID number
    assert names(login(county.township_admin_a).get(LIST, {"sex": "female"})) == {"李小红"}
    assert names(login(county.township_admin_a).get(LIST, {"sex": "male"})) == {"张三丰", "王大明"}


def test_filter_by_age_band(county, login):
    member("周青年", county.village_a1, 51, birth=years_ago(25))
    member("吴中年", county.village_a1, 53, birth=years_ago(38))
    member("郑老年", county.village_a1, 55, birth=years_ago(70))
    client = login(county.secretary_a1)
    assert "周青年" in names(client.get(LIST, {"age_band": "le30"}))
    assert "吴中年" not in names(client.get(LIST, {"age_band": "le30"}))
    assert names(client.get(LIST, {"age_band": "36_40"})) == {"吴中年"}
    assert names(client.get(LIST, {"age_band": "ge61"})) == {"郑老年"}


def test_filter_by_education(county, login):
    p = county.member_a1b.person
    p.education = Education.UNIVERSITY
    p.save()
    client = login(county.township_admin_a)
    assert names(client.get(LIST, {"education": "university"})) == {"李小红"}
    assert names(client.get(LIST, {"education": ["university", "college"]})) == {"李小红"}
    assert names(client.get(LIST, {"education": "postgraduate"})) == set()


def test_filter_by_status_and_the_quick_tabs(county, login):
    member("钱申请", county.village_a1, 61, status=MemberStatus.APPLICANT)
    member("孙离开", county.village_a1, 63, status=MemberStatus.LEFT)
    client = login(county.secretary_a1)
    assert names(client.get(LIST, {"status": "applicant"})) == {"钱申请"}
    assert names(client.get(LIST, {"status": ["probationary", "full"]})) == {"张三丰", "李小红"}
    response = client.get(LIST)
    assert names(response) == {"张三丰", "李小红", "钱申请", "孙离开"}  # every status unless filtered
    tabs = {t["label"]: t for t in response.context["tabs"]}
    assert names(client.get(LIST + "?" + tabs["发展中"]["query"])) == {"钱申请"}
    assert names(client.get(LIST + "?" + tabs["已离开"]["query"])) == {"孙离开"}
    party = client.get(LIST + "?" + tabs["党员"]["query"])
    assert names(party) == {"张三丰", "李小红"}
    assert [t["label"] for t in party.context["tabs"] if t["active"]] == ["党员"]


def test_filter_by_double_strong(county, login):
    county.member_a2.double_strong = True
    county.member_a2.save()
    client = login(county.township_admin_a)
    assert names(client.get(LIST, {"double_strong": "true"})) == {"王大明"}
    assert names(client.get(LIST, {"double_strong": "false"})) == {"张三丰", "李小红"}


def test_filter_by_organisation_takes_its_whole_subtree(county, login):
    client = login(county.county_admin)
    assert names(client.get(LIST, {"organization": county.village_a2.pk})) == {"王大明"}
    assert names(client.get(LIST, {"organization": county.town_a.pk})) == {"张三丰", "李小红", "王大明"}


def test_an_organisation_outside_the_scope_is_not_a_usable_filter(county, login):
    response = login(county.township_admin_a).get(LIST, {"organization": county.town_b.pk})
    assert names(response) == {"张三丰", "李小红", "王大明"}
    assert "党组织（含下级）" in response.context["invalid_filters"]
    assert "中共柳溪村支部委员会" not in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "?page=abc",
        "?page=99999",
        "?page=-1",
        "?age_band=zzz",
        "?organization=notanumber",
        "?organization=99999999999999999999999",
        "?status=zzz",
        "?education=zzz&sex=zzz",
        "?double_strong=maybe",
        "?q=" + "张" * 500,
        "?q=%00",
    ],
)
def test_garbage_query_strings_never_fail(county, login, query):
    response = login(county.township_admin_a).get(LIST + query)
    assert response.status_code == 200


def test_an_invalid_filter_is_named_and_ignored(county, login):
    response = login(county.township_admin_a).get(LIST, {"age_band": "zzz", "sex": "female"})
    assert "年龄段" in response.context["invalid_filters"]
    assert "已忽略" in text(response)


def test_pages_hold_fifty_members(county, login):
    for i in range(55):
        member(f"党员{i:02d}", county.village_a1, 100 + i)
    client = login(county.secretary_a1)
    first = client.get(LIST)
    assert len(first.context["members"]) == 50
    assert first.context["paginator"].count == 57
    second = client.get(LIST, {"page": 2})
    assert len(second.context["members"]) == 7


def test_the_query_count_does_not_depend_on_the_number_of_rows(county, login):
    client = login(county.secretary_a1)
    client.get(LIST)  # warm the session and content types
    with CaptureQueriesContext(connection) as few:
        client.get(LIST)
    for i in range(30):
        member(f"党员{i:02d}", county.village_a1, 200 + i, double_strong=True)
    with CaptureQueriesContext(connection) as many:
        assert len(client.get(LIST).context["members"]) == 32
    assert len(many) == len(few)


def test_the_list_needs_few_queries(county, login, django_assert_max_num_queries):
    for i in range(20):
        member(f"党员{i:02d}", county.village_a1, 300 + i)
    client = login(county.township_admin_a)
    with django_assert_max_num_queries(6):
        client.get(LIST, {"q": "dy", "status": ["full", "probationary"]})


def test_the_export_button_keeps_the_filters(county, login):
    try:
        export = reverse("roster:export_members")
    except NoReverseMatch:
        pytest.skip("the roster export is not installed")
    page = login(county.township_admin_a).get(LIST, {"sex": "male", "q": "zsf"}).content.decode()
    assert f"{export}?sex=male&amp;q=zsf" in page


def test_a_member_cannot_see_the_add_button(county, login):
    assert reverse("members:add") not in login(county.member_user_a1).get(LIST).content.decode()
    assert reverse("members:add") in login(county.secretary_a1).get(LIST).content.decode()


def test_a_long_development_history_still_lists(county, login):
    member(
        "冯积极",
        county.village_a1,
        71,
        status=MemberStatus.ACTIVIST,
        application_date=datetime.date(2020, 1, 1),
        activist_date=datetime.date(2020, 6, 1),
    )
    assert "冯积极" in names(login(county.secretary_a1).get(LIST, {"status": "activist"}))
