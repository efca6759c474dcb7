"""Welfare figures offered to periodic reports as computed indicators (see congdoan.core.indicators)."""

from congdoan.core.indicators import register
from congdoan.core.scoping import Scope

from . import selectors

SYSTEM = Scope.unrestricted()


def _figure(name: str, *, unit, start, end) -> int:
    return int(selectors.welfare_figures(scope=SYSTEM, unit=unit, start=start, end=end)[name])


@register("welfare_members_supported", name="Số lượt người được hỗ trợ, chăm lo", unit_of_measure="members")
def welfare_members_supported(*, unit, start, end) -> int:
    return _figure("members_supported", unit=unit, start=start, end=end)


@register("welfare_amount_total", name="Tổng số tiền chăm lo (đồng)", unit_of_measure="vnd")
def welfare_amount_total(*, unit, start, end) -> int:
    return _figure("amount_total", unit=unit, start=start, end=end)


@register(
    "welfare_amount_donations", name="Số tiền chăm lo từ nguồn xã hội hoá (đồng)", unit_of_measure="vnd"
)
def welfare_amount_donations(*, unit, start, end) -> int:
    return _figure("donation_total", unit=unit, start=start, end=end)


@register(
    "welfare_houses", name="Số nhà Mái ấm Công đoàn được hỗ trợ xây mới, sửa chữa", unit_of_measure="count"
)
def welfare_houses(*, unit, start, end) -> int:
    return _figure("houses", unit=unit, start=start, end=end)


@register("welfare_visits", name="Số lượt thăm hỏi đoàn viên ốm đau, hiếu hỷ", unit_of_measure="count")
def welfare_visits(*, unit, start, end) -> int:
    return _figure("visits", unit=unit, start=start, end=end)


@register(
    "welfare_registrations", name="Số lượt đăng ký trực tuyến chương trình chăm lo", unit_of_measure="count"
)
def welfare_registrations(*, unit, start, end) -> int:
    return _figure("registrations", unit=unit, start=start, end=end)
