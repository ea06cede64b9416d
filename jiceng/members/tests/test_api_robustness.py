"""Garbage in, a clear 4xx out: no input reaches a 500."""

import json

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jiceng.members.models import Member
from jiceng.people.models import Person

LISTS = [
    "api:member-list",
    "api:person-list",
    "api:household-list",
    "api:position-list",
    "api:mobile-member-list",
    "api:organization-list",
    "api:region-list",
]
DETAILS = [name.replace("-list", "-detail") for name in LISTS]

MEMBER_FIELDS = [
    "person",
    "organization",
    "status",
    "application_date",
    "activist_date",
    "candidate_date",
    "admission_date",
    "full_date",
    "left_date",
    "occupation",
    "added_how",
    "double_strong",
    "lost_contact",
    "note",
]
PERSON_FIELDS = [
    "name",
    "id_number",
    "sex",
    "birth_date",
    "ethnicity",
    "education",
    "phone",
    "address",
    "organization",
    "household",
    "note",
]

json_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.integers(min_value=0, max_value=30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=40)
    | st.dates().map(str)
    | st.sampled_from(
        ["2020-02-29", "1899-01-01", "9999-12-31", "0000-00-00", "full", "applicant", "\x00", "x" * 5000]
    )
    | st.sampled_from(["farmer", "developed", "male", "female", "01", "university", "13912345678"])
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)


def bodies(fields):
    keys = st.sampled_from(fields) | st.text(max_size=10)
    return st.dictionaries(keys, json_values, max_size=len(fields) + 2)


@pytest.mark.parametrize(
    ("url_name", "fields"), [("api:member-list", MEMBER_FIELDS), ("api:person-list", PERSON_FIELDS)]
)
def test_random_json_objects_never_cause_a_500(county, login, url_name, fields):
    client = login(county.township_admin_a)
    url = reverse(url_name)
    # Half the bodies start from a valid record and overwrite some of it, to reach model clean().
    person = Person.objects.create(name="待入党", organization=county.village_a1)
    valid = {
        "api:member-list": {"person": person.pk, "organization": county.village_a1.pk, "status": "applicant"},
        "api:person-list": {"name": "钱七", "organization": county.village_a1.pk},
    }[url_name]
    outcomes = set()

    @settings(
        max_examples=150,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(body=bodies(fields) | bodies(fields).map(lambda changes: {**valid, **changes}))
    def post(body):
        response = client.post(url, json.dumps(body), content_type="application/json")
        assert response.status_code < 500, (body, response.content[:500])
        assert response.status_code in (201, 400), (body, response.content[:500])
        outcomes.add(response.status_code)

    post()
    assert outcomes == {201, 400}


@given(body=json_values)
@settings(
    max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_json_that_is_not_an_object_is_a_400(county, login, body):
    client = login(county.township_admin_a)
    for name in ("api:member-list", "api:person-list"):
        response = client.post(reverse(name), json.dumps(body), content_type="application/json")
        if isinstance(body, dict):
            assert response.status_code in (201, 400)
        else:
            assert response.status_code == 400
            assert "non_field_errors" in response.json()


@pytest.mark.parametrize("raw", ["{", "NaN", '{"name": NaN}', "\xff\xfe", "[" * 10000])
def test_malformed_json_is_a_400(county, login, raw):
    response = login(county.township_admin_a).post(
        reverse("api:person-list"), raw, content_type="application/json"
    )
    assert response.status_code == 400
    assert "JSON" in response.json()["detail"]


@pytest.mark.parametrize("name", DETAILS)
def test_odd_ids_are_a_json_404(county, login, name):
    client = login(county.county_admin)
    for pk in ("abc", "9" * 30, "-1", "0", "1.5", "%00", "1e3"):
        url = reverse(name, args=["0"]).replace("/0/", f"/{pk}/")
        for method in ("get", "patch", "delete"):
            response = getattr(client, method)(url, content_type="application/json")
            assert response.status_code == 404, (method, url, response.status_code)
            assert response["Content-Type"].startswith("application/json")


GARBAGE_QUERIES = [
    {"organization": "abc"},
    {"organization": "9" * 30},
    {"organization": "-5"},
    {"parent": "9" * 30},
    {"parent": "1e999"},
    {"subtree": "abc"},
    {"status": "boss"},
    {"kind": "\x00"},
    {"q": "\x00"},
    {"q": "张" * 10000},
    {"q": "%_\\'\""},
    {"age_band": "old"},
    {"education": ["phd", "university"]},
    {"double_strong": "perhaps"},
    {"current": "maybe"},
    {"level": "galaxy"},
    {"person": "abc"},
    {"household": "NaN"},
    {"page_size": "abc"},
    {"page_size": "-3"},
    {"page_size": "9" * 30},
    {"ordering": "password"},
]


@pytest.mark.parametrize("name", LISTS)
def test_garbage_query_strings_are_answered_without_a_500(county, login, name):
    client = login(county.county_admin)
    for query in GARBAGE_QUERIES:
        response = client.get(reverse(name), query)
        assert response.status_code in (200, 400), (query, response.content[:300])
        if response.status_code == 400:
            messages = json.dumps(response.json(), ensure_ascii=False)
            assert any("\u4e00" <= ch <= "\u9fff" for ch in messages), messages


def test_unknown_filter_values_are_named_in_chinese(county, login):
    response = login(county.county_admin).get(
        reverse("api:member-list"), {"status": "boss", "age_band": "old"}
    )
    assert response.status_code == 400
    body = response.json()
    assert set(body) == {"status", "age_band"}
    assert "boss" in body["status"][0]


def test_wrong_types_for_a_foreign_key_are_a_400(county, login):
    client = login(county.township_admin_a)
    for value in ("abc", "", [1], {"id": 1}, 1.5, True, 10**30, -1, "1; DROP TABLE people_person"):
        data = {"person": county.member_a1.person.pk, "organization": value, "status": "applicant"}
        response = client.post(reverse("api:member-list"), data, content_type="application/json")
        assert response.status_code == 400, value
        assert "organization" in response.json()
    assert Member.objects.count() == 4


def test_huge_strings_are_refused_by_length(county, login):
    client = login(county.township_admin_a)
    data = {"name": "张" * 100_000, "organization": county.village_a1.pk, "phone": "1" * 10_000}
    response = client.post(reverse("api:person-list"), data, content_type="application/json")
    assert response.status_code == 400
    assert set(response.json()) == {"name", "phone"}
    assert Person.objects.count() == 4


def test_form_encoded_bodies_work_like_json(county, login):
    client = login(county.township_admin_a)
    response = client.post(reverse("api:person-list"), {"name": "钱七", "organization": county.village_a1.pk})
    assert response.status_code == 201, response.content


@pytest.mark.parametrize("persona", ["county_admin", "member_user_a1"])
def test_options_describe_endpoints_without_a_500(county, login, persona):
    client = login(getattr(county, persona))
    for name in LISTS:
        response = client.options(reverse(name))
        assert response.status_code == 200, name
        assert response.json()["name"]
