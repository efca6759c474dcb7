"""Demo data for documents: Lào Cai's 2025 year review, drafted from the demo's records, completed with the
officer's assessment and directions, and issued (15/BC-LĐLĐ), as the province officer ``tinh`` would.

Called last by the demo loader, when every app's records exist; everything goes through the services, so
the review's page shows its history in the audit log.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model

from congdoan.core.dates import today
from congdoan.core.scoping import Scope
from congdoan.org.models import Unit

from . import reviews

PROVINCE = "LCI"
YEAR = 2025
NUMBER = "15/BC-LĐLĐ"
ASSESSMENT = """Ưu điểm: công tác phát triển đoàn viên, thành lập công đoàn cơ sở được các cấp công đoàn quan tâm chỉ \
đạo; chăm lo Tết và hỗ trợ Mái ấm Công đoàn kịp thời, đúng đối tượng.

Hạn chế: một số công đoàn cơ sở khu vực ngoài nhà nước còn dưới 5 đoàn viên; báo cáo định kỳ của một số \
đơn vị còn chậm hạn.

Nguyên nhân: sắp xếp lại đơn vị hành chính cấp xã năm 2025 làm thay đổi đầu mối; cán bộ công đoàn cơ sở \
chủ yếu kiêm nhiệm."""
DIRECTIONS = """Tiếp tục đẩy mạnh phát triển đoàn viên, phấn đấu hoàn thành và vượt các chỉ tiêu năm 2026.

Nâng cao chất lượng hoạt động của công đoàn cơ sở; nộp báo cáo đúng hạn trên phần mềm."""


def load(*, scale: str = "small") -> None:
    province = Unit.objects.filter(code=PROVINCE).first()
    if province is None:
        return
    officer = get_user_model().objects.filter(username="tinh").first()
    scope = Scope.unrestricted(actor=officer)
    start, end = dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31)
    drafted = min(today(), dt.date(YEAR + 1, 1, 6))
    review = reviews.review_open(scope=scope, unit=province, start=start, end=end, on=drafted)
    if review.is_issued:
        return
    review = reviews.review_save(
        scope=scope,
        review=review,
        version=review.version,
        results=review.results,
        assessment=ASSESSMENT,
        directions=DIRECTIONS,
    )
    reviews.review_issue(
        scope=scope, review=review, number=NUMBER, issued_on=min(today(), dt.date(YEAR + 1, 1, 8))
    )
