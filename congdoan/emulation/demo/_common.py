"""What the emulation demo data share: constants, unit and award-kind lookups, pledge signing and scoring."""

from __future__ import annotations

import datetime as dt
import random

from congdoan.core.scoping import Scope
from congdoan.org.models import Cluster, Unit

from .. import services
from ..models import AwardKind

SYSTEM = Scope.unrestricted()
D = dt.date
SHEET = [
    ("Thực hiện nhiệm vụ do công đoàn cấp trên giao", 20),
    ("Đại diện, bảo vệ quyền, lợi ích hợp pháp của đoàn viên", 15),
    ("Tổ chức các phong trào thi đua", 10),
    ("Nắm bắt, phản ánh tâm tư, nguyện vọng của đoàn viên", 15),
    ("Đoàn kết, tương trợ, chăm lo đời sống đoàn viên", 10),
    ("Không để xảy ra vi phạm, tranh chấp lao động tập thể", 10),
    ("Phát triển đoàn viên, thành lập công đoàn cơ sở", 10),
]
MOVEMENTS = [
    (
        "Lao động giỏi, lao động sáng tạo",
        "Phấn đấu 100% CĐCS doanh nghiệp phát động phong trào; mỗi CĐCS có ít nhất 01 sáng kiến được công nhận.",
    ),
    (
        "Giỏi việc nước, đảm việc nhà",
        "Nữ đoàn viên hoàn thành tốt nhiệm vụ; xây dựng gia đình no ấm, bình đẳng, tiến bộ, hạnh phúc.",
    ),
    (
        "Xanh - Sạch - Đẹp, bảo đảm an toàn, vệ sinh lao động",
        "Không để xảy ra tai nạn lao động nghiêm trọng; 100% doanh nghiệp có mạng lưới an toàn vệ sinh viên.",
    ),
    (
        "Đổi mới, sáng tạo vì sự phát triển của tỉnh Lào Cai",
        "Khuyến khích đoàn viên, người lao động đề xuất giải pháp tăng năng suất, tiết kiệm chi phí.",
    ),
]
ACHIEVEMENTS = [
    "Hoàn thành xuất sắc nhiệm vụ chuyên môn năm {y}; tích cực tham gia phong trào “Lao động giỏi, lao động sáng tạo”.",
    "Có sáng kiến cải tiến kỹ thuật được công nhận, làm lợi cho đơn vị trên 150 triệu đồng trong năm {y}.",
    "Tiêu biểu trong phong trào “Giỏi việc nước, đảm việc nhà” năm {y}; nhiệt tình trong công tác công đoàn.",
    "Hoàn thành xuất sắc nhiệm vụ; tham gia tích cực công tác chăm lo đời sống đoàn viên năm {y}.",
]


def _unit(code: str) -> Unit | None:
    return Unit.objects.filter(code=code).first()


def _kind(code: str) -> AwardKind:
    return AwardKind.objects.get(code=code, valid_to__isnull=True)


def _sign(cluster: Cluster, day: dt.date, place: str):
    members = list(cluster.members.order_by("name"))
    signers = [
        "Nguyễn Văn Thành",
        "Lê Thị Hồng",
        "Trần Minh Đức",
        "Phạm Thị Thu",
        "Hoàng Văn Long",
        "Vũ Thị Mai",
    ]
    pledge = services.pledge_save(
        scope=SYSTEM,
        cluster=cluster,
        content=(
            f"Các đơn vị trong {cluster.get_kind_display().lower()} thống nhất ký kết giao ước thi đua năm "
            f"{cluster.year}: thực hiện thắng lợi Nghị quyết Đại hội Công đoàn các cấp, chăm lo và bảo vệ "
            "quyền, lợi ích hợp pháp của đoàn viên, đẩy mạnh các phong trào thi đua yêu nước."
        ),
        criteria=SHEET,
        signatories=[(u, signers[i % len(signers)], "Chủ tịch") for i, u in enumerate(members)],
    )
    return services.pledge_sign(scope=SYSTEM, pledge=pledge, signed_on=day, place=place)


def _self_score(rng: random.Random, pledge, units) -> None:
    criteria = list(pledge.criteria.all())
    for unit in units:
        points = {c.pk: max(0, c.max_points - rng.choice([0, 0, 1, 1, 2, 3])) for c in criteria}
        services.pledge_self_score(scope=SYSTEM, pledge=pledge, unit=unit, points=points)
