import re
from io import StringIO

from django.core.management import call_command
from django.urls import reverse


def test_schema_generates_without_warnings_or_errors(tmp_path):
    out = tmp_path / "schema.yml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(out), stdout=StringIO())
    text = out.read_text(encoding="utf-8")
    for path in (
        "/api/v1/members/",
        "/api/v1/persons/{id}/",
        "/api/v1/organizations/{id}/tree/",
        "/api/v1/me/",
    ):
        assert f"  {path}:" in text


RESOURCES = (
    "me",
    "auth/token",
    "regions",
    "organizations",
    "persons",
    "households",
    "members",
    "positions",
    "mobile-members",
)


def test_every_resource_operation_has_a_chinese_summary_and_tag():
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    ours = {
        path: operations
        for path, operations in schema["paths"].items()
        if any(path.startswith(f"/api/v1/{name}/") for name in RESOURCES)
        and not path.startswith(("/api/v1/members/import/", "/api/v1/members/export/"))
    }
    assert len(ours) == 2 + 7 * 2 + 1  # me, token; list and detail of seven resources; the tree
    for path, operations in ours.items():
        for method, operation in operations.items():
            assert re.search(r"[\u4e00-\u9fff]", operation.get("summary", "")), (method, path)
            assert re.search(r"[\u4e00-\u9fff]", operation["tags"][0]), (method, path)


def test_schema_endpoint_serves_openapi_3(county, login):
    response = login(county.secretary_a1).get(
        reverse("api-schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json"
    )
    assert response.status_code == 200
    assert response.json()["openapi"].startswith("3.")


def test_docs_page_renders_from_local_assets_only(county, login):
    response = login(county.secretary_a1).get(reverse("api-docs"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui" in html
    refs = re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)["']""", html)
    assert refs, html
    for ref in refs:
        assert ref.startswith("/static/") or ref.startswith("/api/"), ref
    assert not re.search(r"""(?:src|href|url)\s*[=:]\s*["']?(?:https?:)?//""", html)
    assert "cdn" not in html.lower()


def test_docs_assets_exist(county, login, client):
    html = login(county.secretary_a1).get(reverse("api-docs")).content.decode()
    for ref in re.findall(r"""(?:src|href)\s*=\s*["'](/static/[^"']+)["']""", html):
        assert client.get(ref).status_code == 200, ref


def test_docs_page_does_not_call_the_online_validator(county, login):
    # Swagger UI otherwise loads a badge from validator.swagger.io, sending it the schema URL.
    html = login(county.secretary_a1).get(reverse("api-docs")).content.decode()
    assert '"validatorUrl": null' in html
