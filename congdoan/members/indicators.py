"""Computed indicators the targets module takes from the member registry (each for a unit's subtree)."""

import datetime as dt

from congdoan.core.indicators import register

from . import stats

ONE_DAY = dt.timedelta(days=1)


@register("members_total", name="Tổng số đoàn viên (cuối kỳ)", unit_of_measure="members", aggregation="sum")
def members_total(*, unit, start, end) -> int:
    return stats.total_on(unit=unit, on=end)


@register("members_women", name="Số đoàn viên nữ (cuối kỳ)", unit_of_measure="members")
def members_women(*, unit, start, end) -> int:
    return stats.snapshot_on(unit=unit, on=end).women


@register("members_admitted", name="Số đoàn viên kết nạp mới", unit_of_measure="members")
def members_admitted(*, unit, start, end) -> int:
    return stats.admitted_between(unit=unit, start=start, end=end)[0]


@register("members_left", name="Số đoàn viên thôi sinh hoạt", unit_of_measure="members")
def members_left(*, unit, start, end) -> int:
    return stats.left_between(unit=unit, start=start, end=end)[0]


@register(
    "members_net_gain",
    name="Số đoàn viên tăng thực",
    unit_of_measure="members",
    description="Tổng số đoàn viên cuối kỳ trừ tổng số ngày trước đầu kỳ (kể cả chuyển đến, chuyển đi).",
)
def members_net_gain(*, unit, start, end) -> int:
    return stats.total_on(unit=unit, on=end) - stats.total_on(unit=unit, on=start - ONE_DAY)


@register("informal_admitted", name="Số đoàn viên khu vực phi kết cấu kết nạp mới", unit_of_measure="members")
def informal_admitted(*, unit, start, end) -> int:
    return stats.admitted_between(unit=unit, start=start, end=end, informal_only=True)[0]


@register("party_introduced", name="Số đoàn viên ưu tú giới thiệu cho Đảng", unit_of_measure="members")
def party_introduced(*, unit, start, end) -> int:
    return stats.party_between(unit=unit, start=start, end=end)


@register("grassroots_founded", name="Số công đoàn cơ sở thành lập mới", unit_of_measure="unions")
def grassroots_founded(*, unit, start, end) -> int:
    return stats.grassroots_founded_between(unit=unit, start=start, end=end)["total"]


@register("grassroots_founded_state", name="Số CĐCS thành lập mới khu vực nhà nước", unit_of_measure="unions")
def grassroots_founded_state(*, unit, start, end) -> int:
    return stats.grassroots_founded_between(unit=unit, start=start, end=end)["state"]


@register(
    "grassroots_founded_non_state",
    name="Số CĐCS thành lập mới khu vực ngoài nhà nước",
    unit_of_measure="unions",
)
def grassroots_founded_non_state(*, unit, start, end) -> int:
    return stats.grassroots_founded_between(unit=unit, start=start, end=end)["non_state"]
