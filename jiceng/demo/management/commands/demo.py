import argparse

from django.core.management.base import BaseCommand, CommandError

from jiceng.demo.flush import FlushRefused, domain_data_exists
from jiceng.demo.loader import DEFAULT_SEED, load_demo
from jiceng.demo.scales import SCALES
from jiceng.organizations.models import Organization


def positive(value):
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"应为正整数，收到“{value}”。") from None
    if not 1 <= number <= 5000:
        raise argparse.ArgumentTypeError(f"应在1到5000之间，收到{number}。")
    return number


class Command(BaseCommand):
    help = "载入演示县（虚构的青山县）：党组织、党员、干部、农户和各角色演示账号。"

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=sorted(SCALES), default="county", help="演示数据规模。")
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="随机种子：相同种子生成相同数据。")
        parser.add_argument("--if-empty", action="store_true", help="数据库中已有党组织时什么也不做。")
        parser.add_argument(
            "--flush",
            action="store_true",
            help="先删除全部业务数据（党员、职务、人员、农户、党组织、区划、非超级用户、变更记录）。",
        )
        # A smaller county for tests: this many villages over fewer townships.
        parser.add_argument("--villages", type=positive, default=None, help=argparse.SUPPRESS)

    def handle(self, *args, scale, seed, if_empty, flush, villages, **options):
        if if_empty and Organization.objects.exists():
            self.stdout.write("数据库中已有党组织数据，未载入演示数据。")
            return
        if domain_data_exists() and not flush:
            if if_empty:
                self.stdout.write("数据库中已有行政区划或人员数据，未载入演示数据。")
                return
            raise CommandError(
                "数据库中已有业务数据，演示数据只能载入空数据库。"
                "如确需重建，请加 --flush：将删除全部党员、职务、人员、农户、党组织、行政区划、"
                "非超级用户账号和变更记录。"
            )
        chosen = SCALES[scale]
        if villages:
            chosen = chosen.with_villages(villages)
        self.stdout.write(f"正在生成演示数据（规模 {scale}，种子 {seed}）……")
        try:
            result = load_demo(chosen, seed=seed, flush=flush)
        except FlushRefused as exc:
            raise CommandError(str(exc)) from None
        for note in result.notes:
            self.stdout.write(self.style.WARNING(note))
        self.stdout.write("已创建：")
        for label, count in result.created:
            self.stdout.write(f"  {label}：{count:,}")
        self.stdout.write(self.style.SUCCESS(f"演示数据已载入，用时 {result.seconds:.1f} 秒。"))
        self.stdout.write("运行 python manage.py demo_accounts 查看演示账号。")
