from django.core.management.base import BaseCommand

from jiceng.demo.accounts import DEMO_URL, account_rows, demo_loaded, format_table


class Command(BaseCommand):
    help = "列出演示账号（用户名、密码、角色、所属组织）和访问地址。"

    def handle(self, *args, **options):
        rows = account_rows() if demo_loaded() else []
        if not rows:
            self.stdout.write(
                self.style.WARNING("演示数据尚未载入：请先运行 python manage.py demo --scale county")
            )
            return
        self.stdout.write("演示账号：")
        self.stdout.write(format_table(("用户名", "密码", "角色", "所属组织"), rows))
        self.stdout.write("")
        self.stdout.write(f"访问地址：{DEMO_URL}")
