"""Every URL of the project, tried by an outsider: a township admin of another township must
never read, list, export or change anything of township A, through the UI or the API.

New pages and endpoints are picked up automatically (see access.py); one that has no rule
here fails `test_every_url_is_classified` until someone says what it should answer.
"""

import datetime
import io
import json

import openpyxl
import pytest
from django.urls import reverse

from jiceng.core.serialization import serialize_object
from jiceng.members.models import Member, MobileMember, Position
from jiceng.organizations.models import Organization
from jiceng.people.models import Household, Person
from jiceng.regions.models import Region

from .access import iter_url_names, listing, obj, page, post_only, public

UI_EDIT = ("get", "post")
API_EDIT = ("get", "put", "patch", "delete")


def pk(attr):
    return lambda c: {"pk": getattr(c, attr).pk}


RULES = {
    # Pages anyone may open.
    "core:healthz": public(),
    "accounts:login": public(),
    "accounts:logout": post_only(),
    # Pages of one's own scope.
    "core:home": page(),
    "core:changelog": listing(),
    "organizations:tree": listing(),
    "organizations:add": page(query="?parent={org_a}", allowed=(200, 404)),
    "organizations:detail": obj(pk("village_a1")),
    "organizations:edit": obj(pk("village_a1"), methods=UI_EDIT),
    "organizations:delete": obj(pk("group_a2"), methods=UI_EDIT),
    "regions:list": listing(),
    "regions:add": page(),
    "regions:detail": obj(pk("region_a1")),
    "regions:edit": obj(pk("region_a1"), methods=UI_EDIT),
    "people:person_list": listing(query="?q=张"),
    "people:person_add": page(),
    "people:person_detail": obj(pk("person_a1")),
    "people:person_edit": obj(pk("person_a1"), methods=UI_EDIT),
    "people:household_list": listing(),
    "people:household_add": page(),
    "people:household_search": listing(query="?q=张"),
    "people:household_detail": obj(pk("household_a1")),
    "people:household_edit": obj(pk("household_a1"), methods=UI_EDIT),
    "people:household_delete": obj(pk("household_a1"), methods=UI_EDIT),
    "members:list": listing(query="?organization={org_a}&q=zsf"),
    "members:add": page(),
    "members:me": page(allowed=(200, 302)),
    "members:person_search": listing(query="?q=zsf"),
    "members:detail": obj(pk("member_a1")),
    "members:edit": obj(pk("member_a1"), methods=UI_EDIT),
    "members:delete": obj(pk("member_a1"), methods=UI_EDIT),
    "members:mobile_add": obj(pk("member_a1"), methods=UI_EDIT),
    "members:mobile_edit": obj(pk("mobile_a1"), methods=UI_EDIT),
    "members:mobile_delete": obj(pk("mobile_a1"), methods=UI_EDIT),
    "members:position_list": listing(),
    "members:position_add": page(),
    "members:position_edit": obj(pk("position_a1"), methods=UI_EDIT),
    "members:position_delete": obj(pk("position_a1"), methods=UI_EDIT),
    "roster:import": page(),
    "roster:import_confirm": post_only(),
    "roster:template": page(),
    "roster:export_members": listing(query="?organization={org_a}"),
    # API.
    "api:api-root": page(),
    "api:me-list": page(),
    "api:auth-token-list": post_only(api=True),
    "api:members-import": post_only(api=True),
    "api:members-export": listing(query="?organization={org_a}", api=True),
    "api:changelog-list": listing(api=True),
    "api:changelog-detail": obj(lambda c: {"pk": c.log_a1.pk}, api=True),
    "api:region-list": listing(api=True),
    "api:region-detail": obj(pk("region_a1"), methods=API_EDIT, api=True),
    "api:organization-list": listing(api=True, query="?subtree={org_a}"),
    "api:organization-detail": obj(pk("village_a1"), methods=API_EDIT, api=True),
    "api:organization-tree": obj(pk("town_a"), api=True),
    "api:person-list": listing(api=True, query="?q=zsf"),
    "api:person-detail": obj(pk("person_a1"), methods=API_EDIT, api=True),
    "api:household-list": listing(api=True),
    "api:household-detail": obj(pk("household_a1"), methods=API_EDIT, api=True),
    "api:member-list": listing(api=True, query="?organization={org_a}"),
    "api:member-detail": obj(pk("member_a1"), methods=API_EDIT, api=True),
    "api:position-list": listing(api=True),
    "api:position-detail": obj(pk("position_a1"), methods=API_EDIT, api=True),
    "api:mobile-member-list": listing(api=True),
    "api:mobile-member-detail": obj(pk("mobile_a1"), methods=API_EDIT, api=True),
    "api-schema": page(),
    "api-docs": page(),
    "api-redoc": page(),
}

# What of township A must never reach an outsider: names, places and ID numbers.
A_MARKERS = ["张三丰", "李小红", "王大明", "东山镇", "桃源村", "杏花村"]


@pytest.fixture
def world(county):
    from jiceng.core.models import ChangeLog

    county.person_a1 = county.member_a1.person
    county.mobile_a1 = MobileMember.objects.create(
        member=county.member_a1, destination="广东省东莞市", start_date=datetime.date(2025, 3, 1)
    )
    county.log_a1 = ChangeLog.objects.filter(scope_path__startswith=county.town_a.path).first()
    county.markers = A_MARKERS + [
        m.person.id_number for m in (county.member_a1, county.member_a1b, county.member_a2)
    ]
    return county


def url_for(name, rule, c):
    kwargs = rule.obj(c) if rule.obj else {}
    query = rule.query.format(org_a=c.town_a.pk)
    return reverse(name, kwargs=kwargs) + query


def text_of(response):
    ctype = response.get("Content-Type", "")
    if "spreadsheetml" in ctype:
        wb = openpyxl.load_workbook(
            io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
        )
        return "\n".join(
            str(v) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row if v
        )
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


def snapshot(c):
    rows = [
        *Organization.objects.filter(path__startswith=c.town_a.path),
        *Member.objects.filter(organization__path__startswith=c.town_a.path),
        *Person.objects.filter(organization__path__startswith=c.town_a.path),
        *Household.objects.filter(organization__path__startswith=c.town_a.path),
        *Position.objects.filter(organization__path__startswith=c.town_a.path),
        *MobileMember.objects.all(),
        *Region.objects.filter(path__startswith=c.region_a.path),
    ]
    return {(type(r).__name__, r.pk): serialize_object(r) for r in rows}


def test_every_url_is_classified():
    unclassified = sorted(n or f"<unnamed {r}>" for n, r in iter_url_names().items() if n not in RULES)
    assert unclassified == [], f"URLs without an access rule in test_access_matrix.RULES: {unclassified}"


def test_no_rule_names_a_url_that_no_longer_exists():
    assert sorted(set(RULES) - set(iter_url_names())) == []


@pytest.mark.parametrize("name", sorted(RULES))
def test_an_outsider_township_admin_never_gets_township_a(name, world, client):
    rule = RULES[name]
    c = world
    client.force_login(c.township_admin_b)
    before = snapshot(c)
    url = url_for(name, rule, c)
    if rule.kind == "object":
        for method in rule.methods:
            body = {"name": "改名", "phone": "13900000000"}
            if rule.api and method in ("put", "patch"):
                response = getattr(client, method)(
                    url, data=json.dumps(body), content_type="application/json"
                )
            else:
                response = getattr(client, method)(url, data=body if method == "post" else None)
            # Reading answers 404; a change may also be refused outright (403) for the role.
            expected = (404,) if method == "get" else (403, 404)
            assert response.status_code in expected, f"{method.upper()} {url} answered {response.status_code}"
    elif rule.kind in ("list", "page"):
        response = client.get(url)
        assert response.status_code < 500
        if response.status_code == 200:
            text = text_of(response)
            leaked = [m for m in c.markers if m in text]
            assert leaked == [], f"GET {url} shows township A's {leaked}"
    elif rule.kind == "post":
        response = client.post(url, data={})
        assert response.status_code < 500
    assert snapshot(c) == before, f"{name}: an outsider's request changed township A's records"


@pytest.mark.parametrize("name", sorted(n for n, r in RULES.items() if r.kind == "object"))
def test_the_township_admin_of_a_opens_its_own_records(name, world, client):
    rule = RULES[name]
    client.force_login(world.township_admin_a)
    response = client.get(url_for(name, rule, world))
    assert response.status_code in rule.allowed_statuses


@pytest.mark.parametrize("name", sorted(n for n, r in RULES.items() if r.kind in ("list", "page", "object")))
def test_anonymous_visitors_are_sent_to_log_in(name, world, client):
    rule = RULES[name]
    response = client.get(url_for(name, rule, world))
    if name.startswith("api") or rule.api:
        assert response.status_code in (401, 403), response.status_code
    else:
        assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize("name", sorted(n for n, r in RULES.items() if r.kind == "public"))
def test_public_pages_answer_without_login(name, world, client):
    assert client.get(url_for(name, RULES[name], world)).status_code == 200
