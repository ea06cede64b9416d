import io

import openpyxl
import pytest
from django.urls import include, path
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.generators import SchemaGenerator
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from jiceng.core.models import ChangeLog
from jiceng.members.models import Member
from jiceng.people.models import Person
from jiceng.roster.columns import DATA_SHEET

from . import files

IMPORT = "/api/v1/members/import/"
EXPORT = "/api/v1/members/export/"


@pytest.fixture
def api():
    def as_user(user):
        client = APIClient()
        client.force_authenticate(user)
        return client

    return as_user


def post_roster(client, data, name="花名册.xlsx", **fields):
    return client.post(IMPORT, {"file": _named(data, name), **fields}, format="multipart")


def _named(data, name):
    buffer = io.BytesIO(data)
    buffer.name = name
    return buffer


def test_a_dry_run_reports_without_writing(county, api):
    response = post_roster(api(county.township_admin_a), files.xlsx([files.member_row("钱多多", 601)]))
    assert response.status_code == 200
    assert response.json() == {
        "ok": True,
        "committed": False,
        "rows": 1,
        "created": 1,
        "updated": 0,
        "unchanged": 0,
        "errors": [],
        "warnings": [],
    }
    assert not Person.objects.filter(name="钱多多").exists()


def test_commit_imports_into_the_organization_named_by_code_or_id(county, api):
    client = api(county.township_admin_a)
    data = files.xlsx([files.member_row("钱多多", 601)])
    response = post_roster(client, data, org="V001", commit="true")
    assert response.status_code == 200 and response.json()["committed"] is True
    assert Member.objects.get(person__name="钱多多").organization == county.village_a1
    again = post_roster(client, data, org=str(county.village_a1.pk), commit="true")
    assert again.json()["unchanged"] == 1


def test_bad_rows_answer_400_with_row_column_and_reason(county, api):
    data = files.xlsx([files.member_row("钱多多", 601), files.member_row("坏", 602, status="老党员")])
    response = post_roster(api(county.township_admin_a), data, commit="true")
    assert response.status_code == 400
    body = response.json()
    assert body["ok"] is False and body["committed"] is False
    assert body["errors"] == [
        {"row": 3, "column": "党员状态", "message": body["errors"][0]["message"]},
    ]
    assert "老党员" in body["errors"][0]["message"]
    assert not Person.objects.filter(name="钱多多").exists()


def test_another_townships_organization_is_refused(county, api):
    response = post_roster(
        api(county.township_admin_b), files.xlsx([files.member_row("钱多多", 601)]), org="T001"
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["column"] == "org"
    assert "不在您的管辖范围内" in response.json()["errors"][0]["message"]


@pytest.mark.parametrize("org", ["", "99999999999999999999999999", "../T001", "<script>"])
def test_odd_organization_values_never_crash(county, api, org):
    response = post_roster(
        api(county.township_admin_b), files.xlsx([files.member_row("钱多多", 601)]), org=org
    )
    assert response.status_code in (200, 400)


def test_garbage_and_missing_files_answer_400(county, api):
    client = api(county.township_admin_a)
    garbage = post_roster(client, bytes(range(256)) * 8)
    assert garbage.status_code == 400 and "不是表格" in garbage.json()["errors"][0]["message"]
    missing = client.post(IMPORT, {"commit": "true"}, format="multipart")
    assert missing.status_code == 400 and missing.json()["errors"][0]["column"] == "file"


def test_a_token_user_is_recorded_in_the_change_log(county):
    token = Token.objects.create(user=county.township_admin_a)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    response = client.post(
        IMPORT,
        {"file": _named(files.xlsx([files.member_row("钱多多", 601)]), "a.xlsx"), "commit": "true"},
        format="multipart",
        HTTP_X_REQUEST_ID="api-import-0001",
    )
    assert response.status_code == 200
    logs = ChangeLog.objects.filter(request_id="api-import-0001")
    assert logs.count() == 2 and {log.user for log in logs} == {county.township_admin_a}


def test_a_member_cannot_import_or_export(county, api):
    client = api(county.member_user_a1)
    assert post_roster(client, files.xlsx([files.member_row("钱多多", 601)])).status_code == 403
    assert client.get(EXPORT).status_code == 403


def test_anonymous_requests_are_refused(county):
    client = APIClient()
    assert client.post(IMPORT, {}, format="multipart").status_code in (401, 403)
    assert client.get(EXPORT).status_code in (401, 403)


def test_the_export_is_an_xlsx_of_the_users_subtree(county, api):
    response = api(county.township_admin_b).get(EXPORT)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    wb = openpyxl.load_workbook(io.BytesIO(response.content))
    assert [row[0] for row in wb[DATA_SHEET].iter_rows(min_row=2, values_only=True)] == ["赵四海"]


def test_the_export_filters_like_the_member_list(county, api):
    client = api(county.county_admin)
    response = client.get(EXPORT, {"organization": county.town_a.pk, "status": "probationary"})
    wb = openpyxl.load_workbook(io.BytesIO(response.content))
    assert [row[0] for row in wb[DATA_SHEET].iter_rows(min_row=2, values_only=True)] == ["王大明"]
    refused = api(county.township_admin_b).get(EXPORT, {"organization": county.town_a.pk})
    assert refused.status_code == 400


def test_the_openapi_schema_documents_both_endpoints_without_warnings():
    patterns = [path("api/v1/", include("jiceng.roster.api.urls"))]
    GENERATOR_STATS.reset()
    schema = SchemaGenerator(patterns=patterns).get_schema(request=None, public=True)
    assert not GENERATOR_STATS, "drf-spectacular warned about the roster endpoints"
    upload = schema["paths"]["/api/v1/members/import/"]["post"]
    body = upload["requestBody"]["content"]["multipart/form-data"]["schema"]["$ref"]
    assert body.endswith("ImportRequestRequest")
    export = schema["paths"]["/api/v1/members/export/"]["get"]
    assert {"q", "organization", "status"} <= {p["name"] for p in export["parameters"]}
    assert (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        in export["responses"]["200"]["content"]
    )
