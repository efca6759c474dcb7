import time

from django.core.management.base import BaseCommand
from django.db import transaction

from congdoan.demo import scenario


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu (cây tổ chức, tài khoản demo). Xoá dữ liệu cũ trước khi nạp."

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=["small", "province", "national"], default="small")
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Chỉ nạp khi cơ sở dữ liệu chưa có đơn vị nào (dùng cho make demo).",
        )

    def handle(self, *args, scale: str, if_empty: bool = False, **options):
        from congdoan.org.models import Unit

        if if_empty and Unit.objects.exists():
            self.stdout.write("Cơ sở dữ liệu đã có dữ liệu, bỏ qua nạp dữ liệu mẫu.")
            return
        started = time.perf_counter()
        with transaction.atomic():
            scenario.wipe()
            scenario.build()
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã nạp dữ liệu mẫu ({scale}) trong {time.perf_counter() - started:.1f} giây."
            )
        )
        self.stdout.write("Tài khoản: trunguong, tinh, xa, coso — mật khẩu: congdoan2026")
