from django.urls import reverse

from .pages import login_url_of, person

SEARCH = reverse("members:person_search")


def found(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return [row["name"] for row in response.json()["results"]]


def test_pinyin_initials_find_the_person(county, login):
    response = login(county.secretary_a1).get(SEARCH, {"q": "zsf"})
    assert found(response) == ["张三丰"]
    row = response.json()["results"][0]
    assert row["id"] == county.member_a1.person.pk
    assert "张三丰（男" in row["label"] and county.member_a1.person.id_number_masked in row["label"]
    assert county.member_a1.person.id_number not in response.content.decode()


def test_the_last_digits_of_the_id_number_find_the_person(county, login):
    tail = county.member_a1b.person.id_number[-4:]
    assert found(login(county.secretary_a1).get(SEARCH, {"q": tail})) == ["李小红"]


def test_another_township_never_finds_township_a(county, login):
    client = login(county.township_admin_b)
    assert found(client.get(SEARCH, {"q": "zsf"})) == []
    assert found(client.get(SEARCH, {"q": "张三丰"})) == []
    assert found(client.get(SEARCH, {"q": county.member_a1.person.id_number[-4:]})) == []
    assert found(client.get(SEARCH, {"q": "zsh"})) == ["赵四海"]


def test_a_member_finds_only_themself(county, login):
    client = login(county.member_user_a1)
    assert found(client.get(SEARCH, {"q": "lxh"})) == []
    assert found(client.get(SEARCH, {"q": "zsf"})) == ["张三丰"]


def test_at_most_twenty_are_returned(county, login):
    for i in range(25):
        person(f"王{i:02d}", county.village_a1, 500 + i)
    data = login(county.secretary_a1).get(SEARCH, {"q": "王"}).json()
    assert len(data["results"]) == 20
    assert data["more"] is True


def test_an_empty_or_absurd_query_answers_an_empty_list(county, login):
    client = login(county.secretary_a1)
    assert found(client.get(SEARCH)) == []
    assert found(client.get(SEARCH, {"q": "   "})) == []
    assert found(client.get(SEARCH, {"q": "%" * 5000})) == []
    assert found(client.get(SEARCH, {"q": "'; drop table people_person; --"})) == []


def test_anonymous_visitors_are_sent_to_log_in(client, county):
    assert login_url_of(client.get(SEARCH, {"q": "zsf"}))


def test_only_get_is_allowed(county, login):
    assert login(county.secretary_a1).post(SEARCH, {"q": "zsf"}).status_code == 405
