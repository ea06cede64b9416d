"""python manage.py import_members FILE --org CODE [--commit]"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from jiceng.core.context import change_context
from jiceng.organizations.models import Organization
from jiceng.roster.importer import import_members


class Command(BaseCommand):
    help = (
        "检查（加 --commit 时导入）党员花名册文件。每个有误的行都会列出行号、列和原因；"
        "有任何错误时不写入，退出码为1。"
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="花名册文件：.xlsx、.xls、.ods 或 .csv")
        parser.add_argument("--org", required=True, help="导入到的党组织的组织编码（或编号）")
        parser.add_argument("--commit", action="store_true", help="写入数据库；不加时只检查（试运行）")

    def handle(self, *args, file, org, commit, **options):
        organization = Organization.objects.filter(code=org).first()
        if organization is None and org.isdigit() and len(org) < 19:
            organization = Organization.objects.filter(pk=int(org)).first()
        if organization is None:
            raise CommandError(f"找不到组织编码为“{org}”的党组织。")
        limit = settings.ROSTER_IMPORT_MAX_BYTES
        try:
            size = Path(file).stat().st_size
            if size > limit:
                raise CommandError(
                    f"文件过大（{size / 1024 / 1024:.1f} MB），不能超过{limit / 1024 / 1024:.0f} MB，请分成几个文件导入。"
                )
            data = Path(file).read_bytes()
        except OSError as exc:
            raise CommandError(f"无法读取文件“{file}”：{exc.strerror or exc}") from None
        with change_context(user=None):
            report = import_members(data, organization, None, commit=commit)
        if report.errors:
            self.stdout.write("行号\t列\t原因")
            for error in report.errors:
                self.stdout.write(str(error))
            if report.bad_rows:
                raise CommandError(
                    f"共{report.rows}行，其中{report.bad_rows}行有误（{len(report.errors)}处），没有导入任何数据。"
                )
            raise CommandError("文件无法导入，没有写入任何数据。")
        for warning in report.warnings:
            self.stdout.write(f"注意：{warning}")
        counts = (
            f"共{report.rows}行：新增{report.created}人，更新{report.updated}人，{report.unchanged}人无变化。"
        )
        if report.committed:
            self.stdout.write(self.style.SUCCESS(f"已导入到“{organization.name}”。{counts}"))
        else:
            self.stdout.write(f"检查通过（试运行，未写入）。{counts}加 --commit 导入。")
