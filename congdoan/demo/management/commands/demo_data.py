import time

from django.core.management.base import BaseCommand

from congdoan.demo import loader


class Command(BaseCommand):
    help = (
        "Nạp dữ liệu mẫu (cây tổ chức, đoàn viên, tài khoản demo) ở quy mô small, province hoặc national. "
        "Xoá dữ liệu cũ trước khi nạp."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=list(loader.SCALES), default="small")
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Chỉ nạp khi cơ sở dữ liệu chưa có đơn vị nào (dùng cho make demo).",
        )
        parser.add_argument(
            "--factor",
            type=float,
            default=1.0,
            help="Hệ số thu nhỏ quy mô province/national (ví dụ 0.01 để thử nhanh).",
        )
        parser.add_argument(
            "--seed", type=int, default=2026, help="Hạt giống ngẫu nhiên (cùng hạt, cùng dữ liệu)."
        )

    def handle(
        self, *args, scale: str, if_empty: bool = False, factor: float = 1.0, seed: int = 2026, **options
    ):
        from congdoan.org.models import Unit

        if if_empty and Unit.objects.exists():
            self.stdout.write("Cơ sở dữ liệu đã có dữ liệu, bỏ qua nạp dữ liệu mẫu.")
            return
        started = time.perf_counter()
        self.stdout.write(f"Nạp dữ liệu mẫu quy mô {scale}…")
        loader.load(scale, factor=factor, seed=seed, out=self.stdout.write)
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã nạp dữ liệu mẫu ({scale}) trong {time.perf_counter() - started:.1f} giây."
            )
        )
        self.stdout.write("Tài khoản: trunguong, tinh, xa, coso — mật khẩu: congdoan2026")
