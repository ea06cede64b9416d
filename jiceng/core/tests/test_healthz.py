import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_healthz_reports_the_database_state(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"]["status"] == "ok"
    assert response["Cache-Control"].startswith("max-age=0")


def test_healthz_answers_503_when_the_database_is_down(tmp_path):
    # A real unreachable server (nothing listens on port 1), in a separate process.
    code = (
        "import django, json; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/healthz');"
        "print(json.dumps({'code': r.status_code, 'body': r.json()}))"
    )
    env = dict(
        os.environ,
        DATABASE_URL="postgres://postgres@127.0.0.1:1/nowhere",
        DJANGO_SETTINGS_MODULE="jiceng.settings",
        JICENG_VAR_DIR=str(tmp_path),
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["code"] == 503
    assert result["body"]["database"]["status"] == "error"


def test_every_response_carries_a_request_id(client, db):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="abc-12345678")
    assert response["X-Request-ID"] == "abc-12345678"
    response = client.get("/healthz", HTTP_X_REQUEST_ID="<script>")
    assert response["X-Request-ID"] != "<script>" and len(response["X-Request-ID"]) == 32
