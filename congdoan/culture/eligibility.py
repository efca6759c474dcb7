"""When a unit may be recognised: a pure judgement over its yearly results and past recognitions.

First recognition: the year judged and the ``first_years - 1`` years before it all met every criterion of
the same title (consecutive, none of them on or before the year a previous recognition was revoked).
Re-recognition: the same streak, and at least ``renewal_years`` years since the year of the last recognition
still standing. The numbers come from the dated ``Rule`` in force on the year's last day.

``judge`` takes plain values so that the page of one registration and the upper level's list of thousands
of unions share it (the list reads the values in bulk: ``selectors.figures``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .constants import RecognitionKind


@dataclass(frozen=True)
class YearResult:
    """A unit's registration of one year: its title and whether every criterion in force was met."""

    culture_type: str
    met: int
    total: int

    @property
    def meets(self) -> bool:
        return self.total > 0 and self.met >= self.total


@dataclass(frozen=True)
class PastRecognition:
    year: int
    culture_type: str
    revoked_year: int | None = None


@dataclass(frozen=True)
class RuleValues:
    first_years: int = 2
    renewal_years: int = 5
    validity_years: int = 5


@dataclass(frozen=True)
class Eligibility:
    eligible: bool
    kind: str | None = None
    streak: int = 0
    needed: int = 0
    reasons: list[str] = field(default_factory=list)

    @property
    def message(self) -> str:
        return " ".join(self.reasons)

    @property
    def kind_label(self) -> str:
        return str(RecognitionKind(self.kind).label) if self.kind else ""


def judge(
    *,
    year: int,
    culture_type: str,
    results: dict[int, YearResult],
    recognitions: list[PastRecognition],
    rule: RuleValues | None,
) -> Eligibility:
    """May the unit be recognised for ``year`` under ``culture_type``? Reasons are Vietnamese sentences."""
    if rule is None:
        return Eligibility(
            False, reasons=[_("Chưa có quy định thời gian công nhận áp dụng cho năm %(y)s.") % {"y": year}]
        )
    current = results.get(year)
    if current is None or current.culture_type != culture_type:
        return Eligibility(False, reasons=[_("Đơn vị chưa đăng ký danh hiệu này năm %(y)s.") % {"y": year}])
    same = [r for r in recognitions if r.culture_type == culture_type]
    if any(r.year == year for r in same):
        return Eligibility(False, reasons=[_("Đơn vị đã có quyết định công nhận năm %(y)s.") % {"y": year}])
    standing = [r for r in same if r.revoked_year is None and r.year < year]
    floor = max((r.revoked_year for r in same if r.revoked_year is not None), default=0)
    streak = 0
    while True:
        result = results.get(year - streak)
        if (
            year - streak <= floor
            or result is None
            or result.culture_type != culture_type
            or not result.meets
        ):
            break
        streak += 1
    kind = RecognitionKind.RENEWAL if standing else RecognitionKind.FIRST
    needed = rule.first_years
    reasons = []
    if not current.meets:
        reasons.append(
            _("Năm %(y)s đơn vị mới đạt %(m)s/%(n)s tiêu chí.")
            % {"y": year, "m": current.met, "n": current.total}
        )
    elif streak < needed:
        first = year - needed + 1
        reasons.append(
            _(
                "Cần đạt đủ tiêu chí %(n)s năm liên tục (từ năm %(f)s đến năm %(y)s); đơn vị mới đạt %(s)s năm."
            )
            % {"n": needed, "f": first, "y": year, "s": streak}
        )
    if standing:
        last = max(r.year for r in standing)
        if year - last < rule.renewal_years:
            reasons.append(
                _("Đơn vị đã được công nhận năm %(r)s; được xét công nhận lại từ năm %(n)s.")
                % {"r": last, "n": last + rule.renewal_years}
            )
    return Eligibility(not reasons, kind=kind, streak=streak, needed=needed, reasons=reasons)
