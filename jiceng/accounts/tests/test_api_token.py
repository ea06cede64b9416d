import pytest
from django.core.cache import cache
from django.urls import reverse
from rest_framework.authtoken.models import Token

from jiceng.conftest import PASSWORD

TOKEN = reverse("api:auth-token-list")
ME = reverse("api:me-list")
MEMBERS = reverse("api:member-list")


@pytest.fixture(autouse=True)
def fresh_throttle():
    cache.clear()
    yield
    cache.clear()


def obtain(client, username, password=PASSWORD, **extra):
    return client.post(
        TOKEN, {"username": username, "password": password}, content_type="application/json", **extra
    )


def test_token_is_at_a_fixed_url():
    assert TOKEN == "/api/v1/auth/token/"


def test_username_and_password_give_a_token_that_authenticates(county, client):
    response = obtain(client, "town_a")
    assert response.status_code == 200, response.content
    key = response.json()["token"]
    assert response.json()["user"]["role"] == "township_admin"
    assert Token.objects.get(user=county.township_admin_a).key == key
    members = client.get(MEMBERS, HTTP_AUTHORIZATION=f"Token {key}")
    assert members.status_code == 200
    assert members.json()["count"] == 3


def test_session_authentication_works_too(county, login):
    response = login(county.township_admin_b).get(MEMBERS)
    assert response.status_code == 200 and response.json()["count"] == 1


def test_a_token_user_is_scoped_like_a_session_user(county, client):
    key = obtain(client, "town_b").json()["token"]
    url = reverse("api:member-detail", args=[county.member_a1.pk])
    assert client.get(url, HTTP_AUTHORIZATION=f"Token {key}").status_code == 404


def test_changes_through_a_token_are_attributed(county, client):
    from jiceng.core.models import ChangeLog

    key = obtain(client, "mem_a1").json()["token"]
    response = client.patch(
        ME, {"phone": "13912345678"}, content_type="application/json", HTTP_AUTHORIZATION=f"Token {key}"
    )
    assert response.status_code == 200
    log = ChangeLog.objects.filter(content_type__model="person", action="update").latest("id")
    assert log.user == county.member_user_a1


def test_wrong_password_is_refused_in_chinese(county, client):
    response = obtain(client, "town_a", password="wrong-password")
    assert response.status_code == 400
    assert response.json()["non_field_errors"] == ["用户名或密码不正确，请重新输入（注意区分大小写）。"]
    assert not Token.objects.exists()


def test_inactive_users_get_no_token(county, client):
    county.township_admin_a.is_active = False
    county.township_admin_a.save()
    assert obtain(client, "town_a").status_code == 400


def test_missing_fields_are_named(county, client):
    response = client.post(TOKEN, {}, content_type="application/json")
    assert response.status_code == 400
    assert set(response.json()) == {"username", "password"}


def test_token_requests_are_throttled(county, client):
    statuses = [obtain(client, "town_a", password=f"guess-{i}").status_code for i in range(12)]
    assert statuses[:10] == [400] * 10
    assert statuses[10:] == [429, 429]
    response = obtain(client, "town_a")
    assert response.status_code == 429
    assert "秒" in response.json()["detail"]


def test_delete_revokes_the_callers_token(county, client):
    key = obtain(client, "town_a").json()["token"]
    other = obtain(client, "town_b").json()["token"]
    response = client.delete(TOKEN, HTTP_AUTHORIZATION=f"Token {key}")
    assert response.status_code == 204
    assert client.get(MEMBERS, HTTP_AUTHORIZATION=f"Token {key}").status_code in (401, 403)
    assert client.get(MEMBERS, HTTP_AUTHORIZATION=f"Token {other}").status_code == 200


def test_delete_by_session_revokes_the_users_token(county, client, login):
    key = obtain(client, "sec_a1").json()["token"]
    assert login(county.secretary_a1).delete(TOKEN).status_code == 204
    assert not Token.objects.filter(key=key).exists()


def test_delete_needs_authentication(county, client):
    assert client.delete(TOKEN).status_code in (401, 403)


def test_a_bogus_token_is_refused(county, client):
    response = client.get(MEMBERS, HTTP_AUTHORIZATION="Token " + "0" * 40)
    assert response.status_code in (401, 403)
    assert "令牌" in response.json()["detail"] or "认证" in response.json()["detail"]
