import io
import os

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from jiceng.members.models import Member
from jiceng.people.models import Person
from jiceng.roster.columns import DATA_SHEET

from . import files

IMPORT = reverse("roster:import")
CONFIRM = reverse("roster:import_confirm")
TEMPLATE = reverse("roster:template")
EXPORT = reverse("roster:export_members")


def upload(client, data, org, name="花名册.xlsx"):
    return client.post(IMPORT, {"organization": org.pk, "file": SimpleUploadedFile(name, data)})


def pending(var_dir):
    directory = var_dir / "imports"
    return sorted(p.name for p in directory.iterdir()) if directory.exists() else []


def test_the_import_page_offers_only_the_users_subtree(county, login):
    response = login(county.township_admin_a).get(IMPORT)
    assert response.status_code == 200
    html = response.content.decode()
    assert "中共桃源村支部委员会（V001）" in html and "中共西河乡委员会" not in html
    assert f'value="{county.town_a.pk}" selected' in html
    assert reverse("roster:template") in html


def test_upload_check_and_confirm_imports_the_file(county, login, roster_var_dir):
    client = login(county.secretary_a1)
    data = files.xlsx([files.member_row("钱多多", 601), files.member_row("张三丰", 11, phone="13700137000")])
    response = upload(client, data, county.village_a1)
    assert response.status_code == 200
    html = response.content.decode()
    assert "检查通过" in html and "确认导入" in html
    assert not Person.objects.filter(name="钱多多").exists()
    token = response.context["token"]
    assert pending(roster_var_dir) == sorted([token, f"{token}.json"])

    response = client.post(CONFIRM, {"token": token})
    assert response.status_code == 302 and response.url == IMPORT
    assert Member.objects.get(person__name="钱多多").organization == county.village_a1
    county.member_a1.person.refresh_from_db()
    assert county.member_a1.person.phone == "13700137000"
    assert pending(roster_var_dir) == []
    page = client.get(IMPORT).content.decode()
    assert "新增1人，更新1人，0人无变化" in page

    # The token is spent: confirming again finds nothing.
    assert client.post(CONFIRM, {"token": token}).status_code == 404


def test_a_file_with_errors_shows_every_problem_and_no_confirm_button(county, login, roster_var_dir):
    client = login(county.township_admin_a)
    data = files.xlsx(
        [files.member_row("钱多多", 601), files.member_row("坏", 602, status="老党员", phone="123")]
    )
    response = upload(client, data, county.town_a)
    html = response.content.decode()
    assert response.status_code == 200
    assert "有1行有误（共2处），没有导入任何数据" in html
    assert "第3行" in html and "党员状态" in html and "联系电话" in html
    assert "确认导入" not in html and response.context["token"] is None
    assert pending(roster_var_dir) == []


def test_a_file_that_changes_nothing_has_nothing_to_confirm(county, login, roster_var_dir):
    Member.objects.filter(pk=county.member_a1b.pk).delete()
    response = upload(
        login(county.township_admin_a), files.xlsx([files.member_row("张三丰", 11)]), county.town_a
    )
    assert "没有需要导入的内容" in response.content.decode()
    assert pending(roster_var_dir) == []


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("乱码.xlsx", bytes(range(256)) * 10, "不是表格"),
        ("空.xlsx", b"", "文件是空的"),
        ("文档.xlsx", files.docx_renamed(), "Word文档"),
        ("说明.txt", b"hello", "不支持“.txt”文件"),
        ("无扩展名", b"hello", "不支持“无扩展名”文件"),
    ],
)
def test_garbage_uploads_get_a_clear_message(county, login, name, data, message):
    response = upload(login(county.township_admin_a), data, county.town_a, name=name)
    assert response.status_code == 200
    assert message in response.content.decode()


def test_an_upload_over_the_limit_is_refused_by_the_form(county, login, settings):
    settings.ROSTER_IMPORT_MAX_BYTES = 100
    response = upload(login(county.township_admin_a), b"x" * 101, county.town_a, name="a.csv")
    assert "文件过大" in response.content.decode()


def test_another_township_cannot_be_chosen(county, login, roster_var_dir):
    response = upload(
        login(county.township_admin_b), files.xlsx([files.member_row("钱多多", 601)]), county.town_a
    )
    assert response.status_code == 200
    assert "请选择本单位或下级党组织" in response.content.decode()
    assert pending(roster_var_dir) == []


def test_only_the_uploader_may_confirm(county, login):
    client = login(county.township_admin_a)
    token = upload(client, files.xlsx([files.member_row("钱多多", 601)]), county.town_a).context["token"]
    assert login(county.county_admin).post(CONFIRM, {"token": token}).status_code == 404
    assert not Person.objects.filter(name="钱多多").exists()


@pytest.mark.parametrize("token", ["", "../../secret_key", "0" * 32, "x" * 5000])
def test_a_forged_token_finds_nothing(county, login, token):
    assert login(county.township_admin_a).post(CONFIRM, {"token": token}).status_code == 404


def test_confirm_only_answers_post(county, login):
    assert login(county.township_admin_a).get(CONFIRM).status_code == 405


def test_an_old_upload_is_deleted_when_a_new_import_starts(county, login, roster_var_dir):
    client = login(county.township_admin_a)
    token = upload(client, files.xlsx([files.member_row("钱多多", 601)]), county.town_a).context["token"]
    long_ago = os.path.getmtime(roster_var_dir / "imports" / token) - 25 * 3600
    for name in (token, f"{token}.json"):
        os.utime(roster_var_dir / "imports" / name, (long_ago, long_ago))
    client.get(IMPORT)
    assert token in pending(roster_var_dir)
    upload(client, b"", county.town_a)
    assert token not in pending(roster_var_dir)


@pytest.mark.parametrize("url", [IMPORT, TEMPLATE, EXPORT])
def test_a_member_may_neither_import_nor_export(county, login, url):
    assert login(county.member_user_a1).get(url).status_code == 403


def test_a_member_cannot_post_an_import(county, login):
    response = upload(
        login(county.member_user_a1), files.xlsx([files.member_row("钱多多", 601)]), county.village_a1
    )
    assert response.status_code == 403
    assert login(county.member_user_a1).post(CONFIRM, {"token": "0" * 32}).status_code == 403


@pytest.mark.parametrize("url", [IMPORT, TEMPLATE, EXPORT])
def test_anonymous_visitors_are_sent_to_log_in(client, county, url):
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_the_template_downloads_as_xlsx(county, login):
    response = login(county.secretary_a1).get(TEMPLATE)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "filename*=UTF-8''" in response["Content-Disposition"]
    wb = openpyxl.load_workbook(io.BytesIO(response.content))
    assert DATA_SHEET in wb.sheetnames
    assert "中共桃源村支部委员会（V001）" in wb[DATA_SHEET]["H2"].value


def export_names(response):
    wb = openpyxl.load_workbook(io.BytesIO(response.content))
    return sorted(row[0] for row in wb[DATA_SHEET].iter_rows(min_row=2, values_only=True))


def test_the_export_holds_only_the_users_subtree(county, login):
    response = login(county.township_admin_b).get(EXPORT)
    assert response.status_code == 200
    assert export_names(response) == ["赵四海"]
    assert sorted(export_names(login(county.county_admin).get(EXPORT))) == sorted(
        ["张三丰", "李小红", "王大明", "赵四海"]
    )


def test_the_export_applies_the_member_list_filters(county, login):
    client = login(county.township_admin_a)
    assert export_names(client.get(EXPORT, {"status": "probationary"})) == ["王大明"]
    assert export_names(client.get(EXPORT, {"organization": county.village_a1.pk})) == ["张三丰", "李小红"]
    assert export_names(client.get(EXPORT, {"q": "zsf"})) == ["张三丰"]


def test_another_townships_organization_cannot_be_exported(county, login):
    response = login(county.township_admin_b).get(EXPORT, {"organization": county.town_a.pk})
    assert response.status_code == 400
    assert "党组织（含下级）" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "organization=abc",
        "organization=99999999999999999999999",
        "status=nonsense",
        "age_band=x",
        "double_strong=maybe",
    ],
)
def test_garbage_export_filters_answer_400_not_500(county, login, query):
    response = login(county.township_admin_a).get(f"{EXPORT}?{query}")
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert "无法导出花名册" in response.content.decode()
