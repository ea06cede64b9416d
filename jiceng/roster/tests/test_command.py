import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from jiceng.core.models import ChangeLog
from jiceng.members.models import Member

from . import files


def run(*argv):
    """The command as the shell runs it: (exit code, stdout, stderr). Django's run_from_argv
    exits with CommandError.returncode; it is not called itself because it closes the
    database connections, and with them the test's transaction."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_members", *argv, stdout=out, stderr=err)
    except CommandError as exc:
        err.write(str(exc))
        return exc.returncode, out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


@pytest.fixture
def roster(tmp_path):
    def write(rows, name="roster.xlsx", build=files.xlsx):
        path = tmp_path / name
        path.write_bytes(build(rows))
        return str(path)

    return write


def test_a_dry_run_prints_a_summary_writes_nothing_and_exits_0(county, roster):
    path = roster([files.member_row("钱多多", 601)])
    before = Member.objects.count()
    code, out, _ = run(path, "--org", "T001")
    assert code == 0
    assert "检查通过（试运行，未写入）" in out and "新增1人" in out
    assert Member.objects.count() == before


def test_commit_imports_as_the_system(county, roster):
    path = roster([files.member_row("钱多多", 601)])
    code, out, _ = run(path, "--org", "T001", "--commit")
    assert code == 0 and "已导入到“中共东山镇委员会”" in out
    member = Member.objects.get(person__name="钱多多")
    log = ChangeLog.objects.get(content_type__model="member", object_id=member.pk)
    assert log.user is None and log.user_name == "系统" and log.request_id


def test_bad_rows_are_printed_and_exit_1(county, roster):
    path = roster(
        [
            files.member_row("钱多多", 601),
            files.member_row("坏", 602, status="老党员"),
            files.member_row("赵四海", 41),
        ]
    )
    before = Member.objects.count()
    code, out, err = run(path, "--org", "T001", "--commit")
    assert code == 1
    assert "行号\t列\t原因" in out
    assert "第3行\t党员状态\t“老党员”不是可选的党员状态" in out
    assert "第4行\t公民身份号码\t该身份证号的党员属于其他单位" in out
    assert "其中2行有误" in err
    assert Member.objects.count() == before


UNREADABLE = {
    "missing": (None, "无法读取文件"),
    "directory": ("", "无法读取文件"),
    "empty": (b"", "文件是空的"),
    "docx": (files.docx_renamed(), "Word文档"),
}


@pytest.mark.parametrize("case", list(UNREADABLE))
def test_an_unreadable_file_exits_1(county, tmp_path, case):
    content, message = UNREADABLE[case]
    path = tmp_path / f"{case}.xlsx"
    if content == "":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    code, out, err = run(str(path), "--org", "T001")
    assert code == 1 and message in out + err


def test_an_unknown_organization_code_exits_1(county, roster):
    code, _, err = run(roster([files.member_row("钱多多", 601)]), "--org", "Z999")
    assert code == 1 and "找不到组织编码为“Z999”的党组织" in err
