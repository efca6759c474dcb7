"""Computed indicators of emulation and commendation, for the targets module's reports.

Each counts awards to ``unit``'s subtree by decisions signed within start..end (inclusive).
"""

from congdoan.core.indicators import register
from congdoan.members.constants import Gender

from .selectors import awards_within


@register("emulation_awards", name="Số khen thưởng (tập thể và cá nhân)", unit_of_measure="count")
def awards_total(*, unit, start, end) -> int:
    return awards_within(unit=unit, start=start, end=end).count()


@register("emulation_awards_collective", name="Số tập thể được khen thưởng", unit_of_measure="count")
def awards_collective(*, unit, start, end) -> int:
    return awards_within(unit=unit, start=start, end=end).filter(member__isnull=True).count()


@register("emulation_awards_individual", name="Số cá nhân được khen thưởng", unit_of_measure="count")
def awards_individual(*, unit, start, end) -> int:
    return awards_within(unit=unit, start=start, end=end).filter(member__isnull=False).count()


@register("emulation_awards_women", name="Số nữ được khen thưởng", unit_of_measure="count")
def awards_women(*, unit, start, end) -> int:
    return awards_within(unit=unit, start=start, end=end).filter(member__gender=Gender.FEMALE).count()


@register(
    "emulation_medals",
    name="Số Kỷ niệm chương “Vì sự nghiệp xây dựng tổ chức Công đoàn” được tặng",
    unit_of_measure="count",
)
def medals(*, unit, start, end) -> int:
    return awards_within(unit=unit, start=start, end=end).filter(award_kind__is_medal=True).count()
