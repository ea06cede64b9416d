from django.urls import reverse

LIST = reverse("api:member-list")


def test_pages_carry_count_and_links(county, login):
    body = login(county.county_admin).get(LIST, {"page_size": 3}).json()
    assert body["count"] == 4
    assert len(body["results"]) == 3
    assert body["next"].endswith("page=2&page_size=3")
    second = login(county.county_admin).get(LIST, {"page_size": 3, "page": 2}).json()
    assert len(second["results"]) == 1
    assert {r["id"] for r in body["results"] + second["results"]} == {
        m.pk for m in (county.member_a1, county.member_a1b, county.member_a2, county.member_b1)
    }


def test_page_size_is_capped_at_500(county, login):
    from jiceng.members.models import Member
    from jiceng.people.models import Person

    people = Person.objects.bulk_create(
        Person(name=f"党员{i}", organization=county.village_b1, name_pinyin=f"dangyuan{i:03d}")
        for i in range(502)
    )
    Member.objects.bulk_create(
        Member(person=p, organization=county.village_b1, status="applicant") for p in people
    )
    body = login(county.county_admin).get(LIST, {"page_size": 100000}).json()
    assert body["count"] == 506
    assert len(body["results"]) == 500


def test_a_bad_page_is_a_json_404_in_chinese(county, login):
    client = login(county.county_admin)
    for page in ("99", "abc", "0", "-1", "9" * 40):
        response = client.get(LIST, {"page": page})
        assert response.status_code == 404, page
        assert response.json() == {"detail": "页码无效。"}


def test_last_page_is_understood(county, login):
    response = login(county.county_admin).get(LIST, {"page": "last", "page_size": 3})
    assert response.status_code == 200
    assert len(response.json()["results"]) == 1
