"""organizations:delete — only admins, only inside their subtree, never a node that still
has members or sub-organisations, never their own organisation."""

import pytest
from django.urls import reverse

from jiceng.organizations.models import Organization


def url(org):
    return reverse("organizations:delete", args=[org.pk])


@pytest.fixture
def empty_group(county):
    return Organization.objects.create(
        name="桃源村第一党小组", code="V001-1", kind="group", sector="village", parent=county.village_a1
    )


def test_township_admin_deletes_an_empty_organisation(county, login, empty_group):
    client = login(county.township_admin_a)
    assert client.get(url(empty_group)).status_code == 200
    response = client.post(url(empty_group))
    assert response.status_code == 302
    assert response.url == reverse("organizations:detail", args=[county.village_a1.pk])
    assert not Organization.objects.filter(pk=empty_group.pk).exists()


def test_an_organisation_with_members_is_kept_with_the_reason(county, login):
    client = login(county.township_admin_a)
    confirm = client.get(url(county.village_a1)).content.decode()
    assert "2 名党员" in confirm
    response = client.post(url(county.village_a1), follow=True)
    assert Organization.objects.filter(pk=county.village_a1.pk).exists()
    assert "不能删除“中共桃源村支部委员会”" in response.content.decode()


def test_an_organisation_with_children_is_kept(county, login):
    response = login(county.county_admin).post(url(county.village_a2), follow=True)
    assert Organization.objects.filter(pk=county.village_a2.pk).exists()
    assert "不能删除" in response.content.decode()


def test_own_organisation_cannot_be_deleted(county, login):
    client = login(county.township_admin_a)
    assert "不能由您删除" in client.get(url(county.town_a)).content.decode()
    response = client.post(url(county.town_a), follow=True)
    assert Organization.objects.filter(pk=county.town_a.pk).exists()
    assert "不能删除您本人账号所属的党组织" in response.content.decode()


@pytest.mark.parametrize("persona", ["township_admin_b", "secretary_a1", "member_user_a1"])
def test_others_get_404_and_nothing_is_deleted(county, login, empty_group, persona):
    client = login(getattr(county, persona))
    assert client.get(url(empty_group)).status_code == 404
    assert client.post(url(empty_group)).status_code == 404
    assert Organization.objects.filter(pk=empty_group.pk).exists()


def test_anonymous_is_sent_to_login(client, county, empty_group):
    response = client.post(url(empty_group))
    assert response.status_code == 302 and response.url.startswith(reverse("accounts:login"))
    assert Organization.objects.filter(pk=empty_group.pk).exists()
